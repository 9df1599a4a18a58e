import { ROLE_LABELS } from '../../../types';
import { Card } from '../../components/Card';
import { InfoList } from '../../components/InfoList';
import { LinkRow } from '../../components/LinkRow';
import { DateText } from '../../components/DateText';
import { Page } from '../../components/Page';
import { Loaded } from '../../components/Loaded';
import { SignOut } from './SignOut';
import { Tag } from '../../components/Tag';
import { StatusTag } from '../../features/member/StatusTag';
import { useMe } from '../../hooks/me';
import { CheckInRecords } from './CheckInRecords';
import { ServiceSummary } from './ServiceSummary';

export default function MinePage() {
  const remote = useMe();
  return (
    <Page title="我的" tab>
      <Loaded remote={remote}>
        {(me) => {
          const { member } = me;
          return (
            <>
              <Card title="基本信息">
                <InfoList
                  items={[
                    { key: '姓名', value: me.name ?? member?.name ?? '未填写' },
                    {
                      key: '身份',
                      value: (
                        <span className="rb-tags rb-tags--end">
                          {me.roles.map((role) => (
                            <Tag key={role} text={ROLE_LABELS[role]} />
                          ))}
                        </span>
                      ),
                    },
                  ]}
                />
              </Card>

              {member ? (
                <>
                  <Card title="活动证">
                    {member.serviceCardNo ? (
                      <p className="rb-text">
                        活动证号：<span className="rb-service-card-no">{member.serviceCardNo}</span>
                      </p>
                    ) : (
                      <p className="rb-text">尚未报到：首次在居住地社区报到后发放活动证。</p>
                    )}
                  </Card>
                  <ServiceSummary />
                  <Card title="在职党员登记">
                    <InfoList
                      items={[
                        { key: '身份状态', value: <StatusTag status={member.status} /> },
                        { key: '工作单位', value: member.unit.name },
                        { key: '手机号', value: member.phone },
                        { key: '技能', value: member.skills.length ? member.skills.join('、') : '未填写' },
                        {
                          key: '愿意参与',
                          value: member.willingness.length ? member.willingness.join('、') : '未选择',
                        },
                        { key: '一句话承诺', value: member.pledge || '未填写' },
                        { key: '承诺公示', value: member.pledgePublic ? '同意在社区公示栏公开' : '不公开' },
                        { key: '注册日期', value: <DateText at={member.registeredAt} /> },
                      ]}
                    />
                    {member.status === 'rejected' ? null : <LinkRow to="register" label="修改登记信息" />}
                  </Card>
                  <CheckInRecords />
                </>
              ) : (
                <Card title="在职党员">
                  <p className="rb-text">您还没有登记为在职党员。</p>
                  <LinkRow to="register" label="注册为在职党员" />
                </Card>
              )}
              <Card title="个人信息">
                <p className="rb-text">查看本系统保存的关于您的全部信息，也可以删除。</p>
                <LinkRow to="myData" label="我的信息" />
              </Card>
              <SignOut />
            </>
          );
        }}
      </Loaded>
    </Page>
  );
}
