/**
 * `npm run ledger:verify`: walks every community's ledger in the local data (DATA_DIR, default `.local-cloud/`),
 * read-only, and prints per community 账本完好 or each problem; exits 1 on any problem (or when there is no data).
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkLedger, describeProblem } from '../domain/ledger-check';
import { decodeDoc } from '../local-cloud/src/ejson';
import type { CommunityDoc, LedgerEntryDoc, LedgerHeadDoc, LedgerProblem, ServiceRecordDoc } from '../types';

export interface CommunityReport {
  communityId: string;
  name: string;
  entries: number;
  problems: LedgerProblem[];
}

/** Reads the local cloud's database file without writing to it, and checks each community's chain. */
export function verifyDataDir(dataDir: string): CommunityReport[] {
  const file = join(dataDir, 'database.sqlite');
  const conn = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = conn.prepare<[string], { id: string; body: string }>('SELECT id, body FROM docs WHERE coll = ?');
    function* docsOf<T>(coll: string): Generator<T> {
      for (const row of rows.iterate(coll)) yield { ...decodeDoc(row.body), _id: row.id } as T;
    }
    const names = new Map<string, string>();
    for (const community of docsOf<CommunityDoc>('communities')) names.set(community._id, community.name);
    const entries = new Map<string, LedgerEntryDoc[]>();
    for (const entry of docsOf<LedgerEntryDoc>('ledgerEntries')) {
      const list = entries.get(entry.communityId) ?? [];
      list.push(entry);
      entries.set(entry.communityId, list);
    }
    const heads = new Map<string, LedgerHeadDoc>();
    for (const head of docsOf<LedgerHeadDoc>('ledgerHeads')) heads.set(head._id, head);
    const records = new Map<string, ServiceRecordDoc>();
    for (const record of docsOf<ServiceRecordDoc>('serviceRecords')) records.set(record._id, record);

    const communityIds = new Set([...names.keys(), ...entries.keys(), ...heads.keys()]);
    for (const record of records.values()) if (record.status === 'confirmed') communityIds.add(record.communityId);
    return [...communityIds].sort().map((communityId) => {
      const chain = (entries.get(communityId) ?? []).sort((a, b) => a.seq - b.seq);
      const { problems } = checkLedger({ communityId, entries: chain, head: heads.get(communityId) ?? null, records });
      return { communityId, name: names.get(communityId) ?? '（已删除的社区）', entries: chain.length, problems };
    });
  } finally {
    conn.close();
  }
}

function main(): number {
  const dataDir = resolve(process.env.DATA_DIR ?? join(process.cwd(), '.local-cloud'));
  if (!existsSync(join(dataDir, 'database.sqlite'))) {
    console.error(
      `找不到本地数据：${dataDir}中没有database.sqlite。请先运行本地云开发环境，或用DATA_DIR指明数据目录。`,
    );
    return 1;
  }
  const reports = verifyDataDir(dataDir);
  let problems = 0;
  for (const report of reports) {
    const title = `${report.name}（${report.communityId}）`;
    if (report.problems.length === 0) {
      console.log(`✓ ${title}：账本完好，共${report.entries}条盖章记载`);
      continue;
    }
    problems += report.problems.length;
    console.log(`✗ ${title}：发现${report.problems.length}处问题（账本共${report.entries}条）`);
    for (const problem of report.problems) console.log(`    ${describeProblem(problem)}`);
  }
  if (reports.length === 0) console.log('本地数据中还没有社区，也没有盖章记录。');
  console.log(problems === 0 ? '全部账本完好。' : `共发现${problems}处问题：有记录在函数之外被改动过。`);
  return problems === 0 ? 0 : 1;
}

if (require.main === module) process.exitCode = main();
