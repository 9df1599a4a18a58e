import type { LedgerCheck, LedgerProblem, LedgerProblemKind } from '../../../../types';
import { call } from '../../../api/client';
import { ActionButton } from '../../../components/ActionButton';
import { Alert } from '../../../components/Alert';
import { DateText } from '../../../components/DateText';
import { Notice } from '../../../components/Notice';
import { Page } from '../../../components/Page';
import { Tag } from '../../../components/Tag';
import { useAction } from '../../../hooks/use-action';

const PROBLEM: Record<LedgerProblemKind, string> = {
  edited: '被改动',
  deleted: '被删除',
  inserted: '未经认定写入',
  truncated: '链尾被截断',
  broken: '链条断开',
};

/** One problem in words, with the record (or the ledger entry) it is about. */
function problemText(problem: LedgerProblem): string {
  const where =
    problem.recordId !== null ? `记录${problem.recordId}` : problem.seq !== null ? `第${problem.seq}条账目` : '';
  return where ? `${PROBLEM[problem.kind]}：${where}` : PROBLEM[problem.kind];
}

function CommunityCheck({ check }: { check: LedgerCheck }) {
  return (
    <li className="rb-list__item">
      <div className="rb-list__head">
        <h2 className="rb-list__name">{check.community.name}</h2>
        <Tag text={check.ok ? '正常' : `发现${check.problems.length}处问题`} tone={check.ok ? 'green' : 'red'} />
      </div>
      <p className="rb-text rb-muted">已核对认定记录{check.entries}条</p>
      {check.ok ? null : (
        <ul className="rb-ledger__problems" aria-label={`${check.community.name}的问题`}>
          {check.problems.map((problem, index) => (
            <li className="rb-text" key={`${problem.kind}-${problem.recordId ?? ''}-${problem.seq ?? index}`}>
              {problemText(problem)}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

export default function LedgerPage() {
  const verify = useAction(() => call('record', 'verifyLedger', {}));
  const result = verify.data;
  const troubled = result ? result.communities.filter((check) => !check.ok).length : 0;
  return (
    <Page title="记录核验">
      <p className="rb-text rb-muted">
        每条认定都按顺序记入各社区的账链。核验会逐条核对，找出在系统之外被改动、删除或直接写入的记录。
      </p>
      <ActionButton block big busy={verify.busy} busyText="正在核验…" onClick={() => void verify.run()}>
        {result ? '重新核验' : '开始核验'}
      </ActionButton>
      <Alert message={verify.error?.message} />
      {result ? (
        <>
          <Notice tone={troubled ? 'note' : 'ok'} role="status">
            {troubled ? `有${troubled}个社区的记录发现问题，请查看下面的说明。` : '全部社区的记录都正常。'}
          </Notice>
          <p className="rb-text rb-muted">
            核验时间：
            <DateText at={result.checkedAt} time />
          </p>
          <ul className="rb-list" aria-label="各社区的核验结果">
            {result.communities.map((check) => (
              <CommunityCheck key={check.community.id} check={check} />
            ))}
          </ul>
        </>
      ) : null}
    </Page>
  );
}
