import type { ConfirmResult } from '../../../../types';

/** What a confirmation did, in words: how many were stamped and why any were not. */
export function confirmSummary(result: ConfirmResult): string {
  const count = (outcome: string) => result.results.filter((r) => r.outcome === outcome).length;
  const parts = [`已认定${result.confirmed}条`];
  if (count('alreadyDecided')) parts.push(`${count('alreadyDecided')}条已由其他工作人员处理`);
  if (count('stillSignedIn')) parts.push(`${count('stillSignedIn')}条活动还没结束，暂不能认定`);
  return parts.join('；');
}
