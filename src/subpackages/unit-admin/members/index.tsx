import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { UnitMemberRow } from '../../../../types';
import { call, errorMessage } from '../../../api/client';
import { ActionButton } from '../../../components/ActionButton';
import { Alert } from '../../../components/Alert';
import { EmptyState } from '../../../components/EmptyState';
import { MemberRowHead } from '../../../components/MemberRowHead';
import { Page } from '../../../components/Page';
import { RemoteStatus } from '../../../components/RemoteStatus';
import { useRemote } from '../../../hooks/useRemote';
import { formatDate } from '../../../utils/time';

type Decision = 'verify' | 'reject';

export default function MembersPage() {
  const list = useRemote(() => call('unit', 'listMembers', { status: 'unverified' }));
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const decide = async (member: UnitMemberRow, decision: Decision) => {
    if (decision === 'reject') {
      const answer = await Taro.showModal({
        title: '确认操作',
        content: `确定「${member.name}」不是本单位党员吗？`,
        confirmText: '确定',
        cancelText: '取消',
        confirmColor: '#c8161d',
      });
      if (!answer.confirm) return;
    }
    setBusyId(member.memberId);
    setError(null);
    setNotice(null);
    try {
      await call('unit', 'verifyMember', { memberId: member.memberId, decision });
      const data = list.data;
      if (data) list.setData({ ...data, members: data.members.filter((m) => m.memberId !== member.memberId) });
      setNotice(
        decision === 'verify' ? `已确认「${member.name}」是本单位党员` : `已标记「${member.name}」不是本单位党员`,
      );
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusyId(null);
    }
  };

  const data = list.data;
  return (
    <Page title="党员身份确认">
      <RemoteStatus remote={list} />
      <Alert message={error} />
      {notice ? (
        <p className="notice notice-ok" role="status">
          {notice}
        </p>
      ) : null}
      {data ? (
        <>
          <p className="text">
            {data.unit.name}：等待确认 <span className="big-number">{data.members.length}</span> 人
          </p>
          {data.members.length === 0 ? (
            <EmptyState text="没有等待确认的党员" />
          ) : (
            <ul className="list">
              {data.members.map((member) => (
                <li className="list-item" key={member.memberId}>
                  <MemberRowHead member={member} />
                  <p className="text muted">注册日期：{formatDate(member.registeredAt)}</p>
                  <div className="btn-row">
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
        </>
      ) : null}
    </Page>
  );
}
