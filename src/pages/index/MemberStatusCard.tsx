import type { MemberProfile } from '../../../types';
import { standingOf } from '../../utils/member-standing';
import { Card } from '../../components/Card';
import { DateText } from '../../components/DateText';
import { LinkRow } from '../../components/LinkRow';
import { StandingText } from '../../features/member/StandingNote';
import { StatusTag } from '../../features/member/StatusTag';

/** 首页: where the signed-in person stands as an in-service Party member. */
export function MemberStatusCard({ member }: { member: MemberProfile | null }) {
  const standing = standingOf(member);
  if (!member || standing.kind === 'notRegistered') {
    return (
      <Card title="在职党员">
        <p className="rb-text">在职党员注册后，扫描居住地社区的报到码即可报到。</p>
        <LinkRow to="register" label="注册为在职党员" />
      </Card>
    );
  }
  const head = (
    <div className="rb-text rb-list__head">
      {member.name}（{member.unit.name}）<StatusTag status={member.status} />
    </div>
  );
  if (standing.kind !== 'verified') {
    return (
      <Card title="在职党员" tone={standing.kind === 'rejected' ? 'plain' : 'waiting'}>
        {head}
        <StandingText standing={standing} />
      </Card>
    );
  }
  return (
    <Card title="在职党员" tone={member.community ? 'success' : 'plain'}>
      {head}
      {member.community ? (
        <>
          <p className="rb-text">
            报到社区：{member.community.name}（{member.community.street}）
          </p>
          {member.checkedInAt ? (
            <p className="rb-text rb-muted">
              报到日期：
              <DateText at={member.checkedInAt} />
            </p>
          ) : null}
          {member.serviceCardNo ? (
            <p className="rb-text">
              活动证号：<span className="rb-service-card-no">{member.serviceCardNo}</span>
            </p>
          ) : null}
          <LinkRow to="activities" label="社区活动" />
          <LinkRow to="serviceCard" label="我的活动证" />
        </>
      ) : (
        <p className="rb-text">尚未报到：请扫描居住地社区的报到码。</p>
      )}
    </Card>
  );
}
