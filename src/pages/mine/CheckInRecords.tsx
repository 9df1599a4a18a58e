import { call } from '../../api/client';
import { Card } from '../../components/Card';
import { Loaded } from '../../components/Loaded';
import { CheckInHistory } from '../../features/checkin/CheckInHistory';
import { useRemote } from '../../hooks/use-remote';

/** 我的: a member's check-ins, loaded (and shown again) with the page. */
export function CheckInRecords() {
  const mine = useRemote(() => call('checkin', 'getMine', {}));
  return (
    <Card title="报到记录">
      <Loaded remote={mine}>{({ history }) => <CheckInHistory history={history} />}</Loaded>
    </Card>
  );
}
