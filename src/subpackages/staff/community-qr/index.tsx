import { call } from '../../../api/client';
import { Card } from '../../../components/Card';
import { Page } from '../../../components/Page';
import { RemoteStatus } from '../../../components/RemoteStatus';
import { QrImage } from './QrImage';
import { QrNote } from './QrNote';
import { useRemote } from '../../../hooks/useRemote';

export default function CommunityQrPage() {
  const qr = useRemote(() => call('community', 'getQrCode', {}));
  const data = qr.data;
  return (
    <Page title="社区报到码">
      <RemoteStatus remote={qr} />
      {data ? (
        <Card>
          <h2 className="rb-title rb-center">{data.community.name}</h2>
          <p className="rb-text rb-muted rb-center">{data.community.street}</p>
          <QrImage src={data.image} alt={`${data.community.name}报到码`} />
          <p className="rb-text rb-center">请党员用微信扫码报到</p>
          <QrNote />
        </Card>
      ) : null}
    </Page>
  );
}
