import type { MemberProfile } from '../../types';
import { formatDate } from '../utils/time';
import { Card } from './Card';
import { LinkRow } from './LinkRow';
import { StatusTag } from './StatusTag';

const REGISTER = '/pages/register/index';

/** 首页: where the signed-in person stands as an in-service Party member. */
export function MemberStatusCard({ member }: { member: MemberProfile | null }) {
  if (!member) {
    return (
      <Card title="在职党员">
        <p className="text">在职党员注册后，扫描居住地社区的报到码即可报到。</p>
        <LinkRow url={REGISTER} label="注册为在职党员" />
      </Card>
    );
  }
  if (member.status === 'unverified') {
    return (
      <Card title="在职党员" tone="waiting">
        <div className="text list-item-head">
          {member.name}（{member.unit.name}） <StatusTag status="unverified" />
        </div>
        <p className="text">等待单位党组织确认</p>
      </Card>
    );
  }
  if (member.status === 'rejected') {
    return (
      <Card title="在职党员">
        <div className="text list-item-head">
          {member.name}（{member.unit.name}） <StatusTag status="rejected" />
        </div>
        <p className="text">单位党组织未确认你的党员身份，请联系单位党组织，或修改登记信息。</p>
        <LinkRow url={REGISTER} label="修改登记信息" />
      </Card>
    );
  }
  return (
    <Card title="在职党员" tone={member.community ? 'success' : 'plain'}>
      <div className="text list-item-head">
        {member.name}（{member.unit.name}） <StatusTag status="verified" />
      </div>
      {member.community ? (
        <>
          <p className="text">
            报到社区：{member.community.name}（{member.community.street}）
          </p>
          {member.checkedInAt ? <p className="text muted">报到日期：{formatDate(member.checkedInAt)}</p> : null}
          {member.serviceCardNo ? (
            <p className="text">
              活动证号：<span className="service-card-no">{member.serviceCardNo}</span>
            </p>
          ) : null}
        </>
      ) : (
        <p className="text">尚未报到：请扫描居住地社区的报到码。</p>
      )}
    </Card>
  );
}
