import type { MemberProfile } from '../../../types';
import { Card } from '../../components/Card';
import { LinkRow } from '../../components/LinkRow';

/** After 提交注册: what happens next. */
export function RegisterDone({ member }: { member: MemberProfile }) {
  const waiting = member.status !== 'verified';
  return (
    <Card tone={waiting ? 'waiting' : 'success'}>
      <div role="status">
        <h2 className="rb-title">{waiting ? '已提交，等待单位党组织确认' : '已保存您的登记信息'}</h2>
      </div>
      <p className="rb-text">
        {member.name}，{member.unit.name}
      </p>
      {waiting ? <p className="rb-text">单位党组织确认您的党员身份后，就可以扫描居住地社区的报到码报到。</p> : null}
      <LinkRow to="home" label="返回首页" />
      <LinkRow to="mine" label="查看我的登记信息" />
    </Card>
  );
}
