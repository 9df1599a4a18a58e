import Taro, { useRouter } from '@tarojs/taro';
import type { CommunitySummary } from '../../../types';
import { call } from '../../api/client';
import { ActionButton } from '../../components/ActionButton';
import { Alert } from '../../components/Alert';
import { Card } from '../../components/Card';
import { CheckInDone } from './CheckInDone';
import { DateText } from '../../components/DateText';
import { LinkRow } from '../../components/LinkRow';
import { Page } from '../../components/Page';
import { Loaded } from '../../components/Loaded';
import { StandingNote } from '../../features/member/StandingNote';
import { useFreshMe } from '../../hooks/me';
import { useAction } from '../../hooks/use-action';
import { both, useRemote } from '../../hooks/use-remote';
import { type CheckInOffer, checkInOffer } from '../../utils/check-in-offer';
import { standingOf } from '../../utils/member-standing';
import { decodeScene } from '../../utils/scene';

/** Moving a check-in is asked first, naming both communities, like every other decision that is hard to undo. */
async function confirmTransfer(from: CommunitySummary, to: CommunitySummary): Promise<boolean> {
  const answer = await Taro.showModal({
    title: '转到本社区',
    content: `您现在在「${from.name}」报到。确定转到「${to.name}」吗？原来的报到记录会保留，每天只能转一次。`,
    confirmText: '确定转入',
    cancelText: '取消',
    confirmColor: '#c8161d',
  });
  return answer.confirm;
}

export default function CheckInPage() {
  const { params } = useRouter();
  // The QR code's scene is the community id; a browser link may name it communityId instead.
  const communityId = decodeScene(params.scene || params.communityId);
  if (!communityId) {
    return (
      <Page title="社区报到">
        <Alert message="没有读到社区编号，请重新扫描社区的报到码。" />
      </Page>
    );
  }
  return <CommunityCheckIn communityId={communityId} />;
}

function CommunityCheckIn({ communityId }: { communityId: string }) {
  const me = useFreshMe();
  const view = useRemote(() => call('community', 'get', { communityId }));
  const checkIn = useAction(async (transfer: boolean) => {
    const res = await call('checkin', 'checkIn', transfer ? { communityId, transfer: true } : { communityId });
    void view.reload();
    void me.reload();
    return res;
  });

  const transfer = async (from: CommunitySummary, to: CommunitySummary) => {
    if (await confirmTransfer(from, to)) await checkIn.run(true);
  };
  const result = checkIn.data;
  return (
    <Page title={view.data?.community.name ?? '社区报到'}>
      <Loaded remote={both(view, me)}>
        {([{ community, checkedInMembers, me: here }, { member }]) => (
          <>
            <Card>
              <p className="rb-text">{community.street}</p>
              <p className="rb-text rb-muted">地址：{community.address}</p>
              <p className="rb-text">
                已有<span className="rb-number">{checkedInMembers}</span>名在职党员在本社区报到
              </p>
            </Card>
            <Alert message={checkIn.error?.message} />
            {result ? (
              <CheckInDone
                serviceCardNo={result.serviceCardNo}
                checkedInAt={result.checkedInAt}
                from={result.outcome === 'transferred' ? result.previousCommunity : null}
              />
            ) : (
              <CheckInActions
                offer={checkInOffer(here, standingOf(member))}
                busy={checkIn.busy}
                onCheckIn={() => void checkIn.run(false)}
                onTransfer={(from) => void transfer(from, community)}
              />
            )}
          </>
        )}
      </Loaded>
    </Page>
  );
}

interface CheckInActionsProps {
  offer: CheckInOffer;
  busy: boolean;
  onCheckIn: () => void;
  onTransfer: (from: CommunitySummary) => void;
}

/** What the signed-in person can do here: 报到, 转到本社区, register, or see why they must wait. */
function CheckInActions({ offer, busy, onCheckIn, onTransfer }: CheckInActionsProps) {
  switch (offer.kind) {
    case 'register':
      return (
        <Card>
          <p className="rb-text">请先注册为在职党员，单位党组织确认后即可报到。</p>
          <LinkRow to="register" label="注册为在职党员" />
        </Card>
      );
    case 'wait':
      return <StandingNote standing={offer.standing} />;
    case 'done':
      return <CheckInDone serviceCardNo={offer.serviceCardNo} checkedInAt={offer.checkedInAt} />;
    case 'transfer':
      return (
        <Card>
          <p className="rb-text">您已在{offer.from.name}报到</p>
          <p className="rb-text rb-muted">
            报到日期：
            <DateText at={offer.checkedInAt} />
            。如果搬了家，可以转到本社区，原来的记录会保留。
          </p>
          <ActionButton block big busy={busy} onClick={() => onTransfer(offer.from)}>
            转到本社区
          </ActionButton>
        </Card>
      );
    case 'checkIn':
    default:
      return (
        <Card>
          <p className="rb-text">在居住地社区报到后，您会获得活动证，并可以认领本社区的服务岗位。</p>
          <ActionButton block big busy={busy} onClick={onCheckIn}>
            报到
          </ActionButton>
        </Card>
      );
  }
}
