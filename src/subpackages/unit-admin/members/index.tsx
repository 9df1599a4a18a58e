import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { UnitMemberRow } from '../../../../types';
import { call } from '../../../api/client';
import { ActionButton } from '../../../components/ActionButton';
import { Alert } from '../../../components/Alert';
import { Card } from '../../../components/Card';
import { EmptyState } from '../../../components/EmptyState';
import { Notice } from '../../../components/Notice';
import { MemberRowHead } from '../shared/MemberRowHead';
import { Page } from '../../../components/Page';
import { RegisteredOn } from '../shared/RegisteredOn';
import { Loaded } from '../../../components/Loaded';
import { useAction } from '../../../hooks/use-action';
import { useRemote } from '../../../hooks/use-remote';
import { groupMembers, replaceRow } from '../../../utils/member-groups';
import './index.scss';

type Decision = 'verify' | 'reject';
/** What a decision does: `reverse` is a verify that undoes an earlier rejection. */
type Kind = Decision | 'reverse';

/** Decisions that are hard to take back are asked first, naming the person. */
const QUESTIONS: Record<'reject' | 'reverse', (name: string) => string> = {
  reject: (name) => `确定「${name}」不是本单位党员吗？`,
  reverse: (name) => `确定改为确认「${name}」是本单位党员吗？此前的「不是本单位党员」决定将撤销。`,
};

const DONE: Record<Kind, (name: string) => string> = {
  verify: (name) => `已确认「${name}」是本单位党员`,
  reject: (name) => `已标记「${name}」不是本单位党员`,
  reverse: (name) => `已改为确认「${name}」是本单位党员`,
};

async function confirmFirst(question: string): Promise<boolean> {
  const answer = await Taro.showModal({
    title: '确认操作',
    content: question,
    confirmText: '确定',
    cancelText: '取消',
    confirmColor: '#c8161d',
  });
  return answer.confirm;
}

export default function MembersPage() {
  const list = useRemote(() => call('unit', 'listMembers', {}));
  const [deciding, setDeciding] = useState<string | null>(null);
  const verify = useAction(async (member: UnitMemberRow, decision: Decision, kind: Kind) => {
    const { member: row } = await call('unit', 'verifyMember', { memberId: member.memberId, decision });
    const data = list.data;
    if (data) list.setData({ ...data, members: replaceRow(data.members, row) });
    return DONE[kind](member.name);
  });
  const busyId = verify.busy ? deciding : null;

  const decide = async (member: UnitMemberRow, decision: Decision) => {
    const kind: Kind = member.status === 'rejected' ? 'reverse' : decision;
    if (kind !== 'verify' && !(await confirmFirst(QUESTIONS[kind](member.name)))) return;
    verify.reset();
    setDeciding(member.memberId);
    await verify.run(member, decision, kind);
  };

  return (
    <Page title="党员身份确认">
      <Loaded remote={list}>
        {(data) => {
          const groups = groupMembers(data.members);
          return (
            <>
              <Alert message={verify.error?.message} />
              {verify.data ? (
                <Notice tone="ok" role="status">
                  {verify.data}
                </Notice>
              ) : null}
              <p className="rb-text">
                {data.unit.name}：等待确认<span className="rb-number">{groups.unverified.length}</span>人，已确认
                {groups.verified.length}人
              </p>
              <h2 className="rb-title">等待确认</h2>
              {groups.unverified.length === 0 ? (
                <EmptyState text="没有等待确认的党员" />
              ) : (
                <ul className="rb-list" aria-label="等待确认的党员">
                  {groups.unverified.map((member) => (
                    <li className="rb-list__item" key={member.memberId}>
                      <MemberRowHead member={member} />
                      <RegisteredOn at={member.registeredAt} />
                      <div className="rb-members__actions">
                        <ActionButton
                          busy={busyId === member.memberId}
                          disabled={busyId !== null}
                          onClick={() => void decide(member, 'verify')}
                        >
                          确认是本单位党员
                        </ActionButton>
                        <ActionButton
                          variant="quiet"
                          disabled={busyId !== null}
                          onClick={() => void decide(member, 'reject')}
                        >
                          不是本单位党员
                        </ActionButton>
                      </div>
                    </li>
                  ))}
                </ul>
              )}
              {groups.rejected.length > 0 ? (
                <Card title="未通过确认">
                  <p className="rb-text rb-muted">如果当初的决定有误，可以改为确认。</p>
                  <ul className="rb-list" aria-label="未通过确认的党员">
                    {groups.rejected.map((member) => (
                      <li className="rb-list__item" key={member.memberId}>
                        <MemberRowHead member={member} showStatus />
                        <ActionButton
                          variant="secondary"
                          busy={busyId === member.memberId}
                          disabled={busyId !== null}
                          onClick={() => void decide(member, 'verify')}
                        >
                          改为确认
                        </ActionButton>
                      </li>
                    ))}
                  </ul>
                </Card>
              ) : null}
              {groups.deleted.length > 0 ? (
                <Card title="已注销">
                  <p className="rb-text rb-muted">这些党员删除了自己的个人信息，记录已匿名保留，统计数字不受影响。</p>
                  <ul className="rb-list" aria-label="已注销的党员">
                    {groups.deleted.map((member) => (
                      <li className="rb-list__item" key={member.memberId}>
                        <MemberRowHead member={member} />
                        <RegisteredOn at={member.registeredAt} />
                      </li>
                    ))}
                  </ul>
                </Card>
              ) : null}
            </>
          );
        }}
      </Loaded>
    </Page>
  );
}
