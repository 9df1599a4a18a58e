import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import type { CheckInResult, CommunityView } from '../../../types';
import { call, errorMessage } from '../../api/client';
import { ActionButton } from '../../components/ActionButton';
import { Alert } from '../../components/Alert';
import { Card } from '../../components/Card';
import { CheckInDone } from '../../components/CheckInDone';
import { LinkRow } from '../../components/LinkRow';
import { Page } from '../../components/Page';
import { RemoteStatus } from '../../components/RemoteStatus';
import { useRemote } from '../../hooks/useRemote';
import { decodeScene } from '../../utils/scene';
import { formatDate } from '../../utils/time';

export default function CheckInPage() {
  const { params } = useRouter();
  // The QR code's scene is the community id; a browser link may name it communityId instead.
  const communityId = decodeScene(params.scene || params.communityId);
  const view = useRemote<CommunityView | null>(() =>
    communityId ? call('community', 'get', { communityId }) : Promise.resolve(null),
  );
  const [result, setResult] = useState<CheckInResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const checkIn = async (transfer: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const res = await call('checkin', 'checkIn', transfer ? { communityId, transfer: true } : { communityId });
      setResult(res);
      void view.reload();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  if (!communityId) {
    return (
      <Page title="社区报到">
        <Alert message="没有读到社区编号，请重新扫描社区的报到码。" />
      </Page>
    );
  }

  const data = view.data;
  return (
    <Page title={data ? data.community.name : '社区报到'}>
      <RemoteStatus remote={view} />
      {data ? (
        <>
          <Card>
            <p className="text">{data.community.street}</p>
            <p className="text muted">地址：{data.community.address}</p>
            <p className="text">
              已有 <span className="big-number">{data.checkedInMembers}</span> 名在职党员在本社区报到
            </p>
          </Card>
          <Alert message={error} />
          {result ? (
            <CheckInDone
              serviceCardNo={result.serviceCardNo}
              checkedInAt={result.checkedInAt}
              from={result.outcome === 'transferred' ? result.previousCommunity : null}
            />
          ) : (
            <CheckInState view={data} busy={busy} onCheckIn={(transfer) => void checkIn(transfer)} />
          )}
        </>
      ) : null}
      <LinkRow url="/pages/index/index" tab label="回到首页" />
    </Page>
  );
}

interface StateProps {
  view: CommunityView;
  busy: boolean;
  onCheckIn: (transfer: boolean) => void;
}

/** What the signed-in person can do here, by how they stand with this community. */
function CheckInState({ view, busy, onCheckIn }: StateProps) {
  const me = view.me;
  switch (me.state) {
    case 'notMember':
      return (
        <Card>
          <p className="text">请先注册为在职党员，单位党组织确认后即可报到。</p>
          <LinkRow url="/pages/register/index" label="注册为在职党员" />
        </Card>
      );
    case 'here':
      return <CheckInDone serviceCardNo={me.serviceCardNo} checkedInAt={me.checkedInAt} />;
    case 'elsewhere':
      return (
        <Card>
          <p className="text">你已在 {me.community.name} 报到</p>
          <p className="text muted">
            报到日期：{formatDate(me.checkedInAt)}。如果搬了家，可以转到本社区，原来的记录会保留。
          </p>
          <ActionButton block big busy={busy} onClick={() => onCheckIn(true)}>
            转到本社区
          </ActionButton>
        </Card>
      );
    case 'none':
    default:
      return (
        <Card>
          <p className="text">在居住地社区报到后，你会获得活动证，并可以认领本社区的服务岗位。</p>
          <ActionButton block big busy={busy} onClick={() => onCheckIn(false)}>
            报到
          </ActionButton>
        </Card>
      );
  }
}
