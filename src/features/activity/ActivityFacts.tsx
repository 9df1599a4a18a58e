import type { ActivityView } from '../../../types';
import { InfoList } from '../../components/InfoList';
import { activityWindowText } from './format';

/** An activity's time, place, sign-ups and linked post. */
export function ActivityFacts({ activity }: { activity: ActivityView }) {
  const items = [
    { key: '时间', value: activityWindowText(activity.startsAt, activity.endsAt) },
    { key: '地点', value: activity.place },
    { key: '报名', value: `${activity.signUpCount}/${activity.capacity}人` },
  ];
  if (activity.post) items.push({ key: '岗位', value: activity.post.kind });
  return <InfoList items={items} />;
}
