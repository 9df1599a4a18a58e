import type { UnitMemberRow } from '../../../../types';
import { FlagTag, StatusTag } from '../../../features/member/StatusTag';

/** Name, tags and the masked phone of a member in a unit admin's list; a deleted row is anonymous. */
export function MemberRowHead({ member, showStatus }: { member: UnitMemberRow; showStatus?: boolean }) {
  if (member.status === 'deleted') {
    return (
      <div className="rb-list__head">
        <span className="rb-list__name">已注销的党员</span>
        <StatusTag status="deleted" />
      </div>
    );
  }
  return (
    <>
      <div className="rb-list__head">
        <span className="rb-list__name">{member.name}</span>
        {showStatus ? <StatusTag status={member.status} /> : null}
        <FlagTag flag={member.flag} />
      </div>
      <p className="rb-text">手机号：{member.phoneMasked}</p>
    </>
  );
}
