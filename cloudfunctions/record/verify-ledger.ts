import type { CommunitySummary, LedgerCheck, LedgerEntryDoc, ServiceRecordDoc } from '../../types';
import { checkLedger } from '../../domain/ledger-check';
import { RECORD_INPUTS } from '../../domain/schemas/record';
import { currentTime } from '../_shared/clock';
import { docs, findMany, oneOf, pagesWhere, within } from '../_shared/data';
import { AppError } from '../_shared/errors';
import { defineAction } from '../_shared/handler';
import { communitySummary } from '../_shared/views';

/** Entries and records are read at most this many at a time. */
const PAGE = 1000;
/** Records named by entries but no longer confirmed in the community, looked up this many ids at a time. */
const LOOKUP = 100;

/** A community's entries in the order of their place, page by page. */
async function entriesOf(communityId: string): Promise<LedgerEntryDoc[]> {
  const entries: LedgerEntryDoc[] = [];
  let after = 0;
  for (;;) {
    const page = await findMany(
      'ledgerEntries',
      { communityId, seq: within({ gt: after }) },
      { orderBy: ['seq', 'asc'], limit: PAGE },
    );
    entries.push(...page);
    if (page.length < PAGE) return entries;
    after = page[page.length - 1].seq;
  }
}

/** The community's confirmed records, and every record its entries name wherever it is now. */
async function recordsFor(communityId: string, entries: LedgerEntryDoc[]): Promise<Map<string, ServiceRecordDoc>> {
  const records = new Map<string, ServiceRecordDoc>();
  for await (const page of pagesWhere('serviceRecords', { communityId, status: 'confirmed' })) {
    for (const record of page) records.set(record._id, record);
  }
  const elsewhere = [...new Set(entries.map((entry) => entry.recordId).filter((id) => !records.has(id)))];
  for (let start = 0; start < elsewhere.length; start += LOOKUP) {
    const ids = elsewhere.slice(start, start + LOOKUP);
    for (const record of await findMany('serviceRecords', { _id: oneOf(ids) }, { limit: ids.length })) {
      records.set(record._id, record);
    }
  }
  return records;
}

async function checkCommunity(community: CommunitySummary): Promise<LedgerCheck> {
  const [entries, head] = await Promise.all([entriesOf(community.id), docs('ledgerHeads').get(community.id)]);
  const records = await recordsFor(community.id, entries);
  const { problems } = checkLedger({ communityId: community.id, entries, head, records });
  return { community, entries: entries.length, ok: problems.length === 0, problems };
}

/**
 * The county admin walks every community's ledger (or one's) and is told, community by community, what was changed
 * behind the functions' back: edited, deleted or inserted records, entries cut off, links that do not hold.
 */
export const verifyLedger = defineAction<'record', 'verifyLedger'>({
  access: 'countyAdmin',
  input: RECORD_INPUTS.verifyLedger,
  async run({ communityId }) {
    const checkedAt = currentTime();
    const communities: CommunitySummary[] = [];
    if (communityId !== undefined) {
      const found = await docs('communities').get(communityId);
      if (!found) throw new AppError('COMMUNITY_NOT_FOUND');
      communities.push(communitySummary(found));
    } else {
      for await (const page of pagesWhere('communities', {})) communities.push(...page.map(communitySummary));
    }
    const checks: LedgerCheck[] = [];
    // One community at a time: its records are the most held in memory at once.
    for (const community of communities) checks.push(await checkCommunity(community));
    return { checkedAt, communities: checks };
  },
});
