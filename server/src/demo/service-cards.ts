import type { CounterDoc, ServiceCardDoc } from '../../../types';
import { SERVICE_CARD_COUNTERS, formatServiceCardNo, serviceCardCounterId } from '../../../domain/service-card';
import { chinaTime } from '../../../domain/time';
import type { DemoPart } from './data';
import type { MemberHistory } from './history';

/**
 * The 活动证, issued at each member's first check-in: in order of issue, cards take the year's counters in turn; each
 * counter numbers from 1 and holds its last number (the numbering of domain/service-card.ts).
 */
export function seedServiceCards(histories: readonly MemberHistory[]): DemoPart {
  const firsts = histories
    .filter((h) => h.stays.length > 0)
    .map((h) => ({ memberId: h.member.id, communityId: h.stays[0].communityId, issuedAt: h.stays[0].checkedInAt }))
    .sort((a, b) => a.issuedAt - b.issuedAt || a.memberId.localeCompare(b.memberId));
  const serviceCards: ServiceCardDoc[] = [];
  const lastOfCounter = new Map<string, number>();
  for (const [index, card] of firsts.entries()) {
    const year = chinaTime(card.issuedAt).year();
    const counter = (index % SERVICE_CARD_COUNTERS) + 1;
    const counterId = serviceCardCounterId(year, counter);
    const sequence = (lastOfCounter.get(counterId) ?? 0) + 1;
    lastOfCounter.set(counterId, sequence);
    serviceCards.push({ _id: formatServiceCardNo(year, counter, sequence), ...card });
  }
  const counters: CounterDoc[] = [...lastOfCounter.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([_id, value]) => ({ _id, value }));
  return { serviceCards, counters };
}

/** Each carded member's 活动证 number. */
export function serviceCardNumbers(histories: readonly MemberHistory[]): Map<string, string> {
  return new Map((seedServiceCards(histories).serviceCards ?? []).map((card) => [card.memberId, card._id]));
}
