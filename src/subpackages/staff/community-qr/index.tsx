import { call } from '../../../api/client';
import { Card } from '../../../components/Card';
import { Page } from '../../../components/Page';
import { Loaded } from '../../../components/Loaded';
import { QrImage } from './QrImage';
import { QrNote } from './QrNote';
import { useRemote } from '../../../hooks/use-remote';

export default function CommunityQrPage() {
  const qr = useRemote(() => call('community', 'getQrCode', {}));
  return (
    <Page title="社区报到码">
      <Loaded remote={qr}>
        {(data) => (
          <Card>
            <h2 className="rb-title rb-center">{data.community.name}</h2>
            <p className="rb-text rb-muted rb-center">{data.community.street}</p>
            <QrImage src={data.image} alt={`${data.community.name}报到码`} />
            <p className="rb-text rb-center">请党员用微信扫码报到</p>
            <QrNote />
          </Card>
        )}
      </Loaded>
    </Page>
  );
}
