import type { WaitingStanding } from '../../utils/member-standing';
import { Card } from '../../components/Card';
import { DateText } from '../../components/DateText';

const TITLES: Record<WaitingStanding['kind'], string> = {
  rejected: '单位党组织未确认您的党员身份',
  reconfirming: '信息有变更，等待重新确认',
  pending: '等待单位党组织确认',
};

/** What a member who may not check in yet should know: the decision, its date and whom to ask, or what they wait for. */
export function StandingText({ standing }: { standing: WaitingStanding }) {
  const unit = `${standing.unitName}党组织`;
  switch (standing.kind) {
    case 'rejected':
      return (
        <>
          <p className="rb-text">
            {unit}
            {standing.decidedAt ? (
              <>
                于<DateText at={standing.decidedAt} />
              </>
            ) : null}
            未确认您的党员身份{standing.decidedByName ? `（经办人：${standing.decidedByName}）` : ''}。
          </p>
          <p className="rb-text">如果有误，请联系{unit}，由他们改正；改正后您就可以报到。</p>
        </>
      );
    case 'reconfirming':
      return <p className="rb-text">您修改了姓名、手机号或工作单位，需要{unit}重新确认。确认之前，您暂时不能报到。</p>;
    case 'pending':
    default:
      return (
        <p className="rb-text">
          您已提交注册。{unit}确认您的党员身份后，您就可以报到；如果等了很久，请联系{unit}。
        </p>
      );
  }
}

/** The same, as a card of its own (the check-in page shows it instead of the 报到 button). */
export function StandingNote({ standing }: { standing: WaitingStanding }) {
  return (
    <Card title={TITLES[standing.kind]} tone={standing.kind === 'rejected' ? 'plain' : 'waiting'}>
      <StandingText standing={standing} />
    </Card>
  );
}
