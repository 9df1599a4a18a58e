import { ROLE_LABELS, type MyData } from '../../../types';
import { auditLine } from '../../utils/my-data';
import { Card } from '../../components/Card';
import { CheckInHistory } from '../../features/checkin/CheckInHistory';
import { DateText } from '../../components/DateText';
import { InfoList } from '../../components/InfoList';
import { StatusTag } from '../../features/member/StatusTag';

const listed = (items: readonly string[], none: string) => (items.length ? items.join('、') : none);

/** 我的信息: everything `user.getMyData` returned, section by section, in plain Chinese. */
export function MyDataSections({ data }: { data: MyData }) {
  const { user, member, checkIns, serviceCard, audit } = data;
  return (
    <>
      {user ? (
        <Card title="工作身份">
          <InfoList
            items={[
              { key: '姓名', value: user.name },
              { key: '身份', value: user.roles.map((role) => ROLE_LABELS[role]).join('、') },
              { key: '开通日期', value: <DateText at={user.createdAt} /> },
            ]}
          />
        </Card>
      ) : null}
      {member ? (
        <Card title="在职党员登记">
          <InfoList
            items={[
              { key: '姓名', value: member.name },
              { key: '手机号', value: member.phone },
              { key: '工作单位', value: member.unit.name },
              { key: '加入单位日期', value: <DateText at={member.unitJoinedAt} /> },
              { key: '身份状态', value: <StatusTag status={member.status} /> },
              ...(member.decidedAt
                ? [
                    {
                      key: '单位党组织决定',
                      value: (
                        <>
                          <DateText at={member.decidedAt} />
                          {member.decidedByName ? `，${member.decidedByName}` : ''}
                        </>
                      ),
                    },
                  ]
                : []),
              { key: '技能', value: listed(member.skills, '未填写') },
              { key: '愿意参与', value: listed(member.willingness, '未选择') },
              { key: '一句话承诺', value: member.pledge || '未填写' },
              { key: '承诺公示', value: member.pledgePublic ? '同意在社区公示栏公开' : '不公开' },
              { key: '注册日期', value: <DateText at={member.registeredAt} /> },
              { key: '最近修改', value: <DateText at={member.updatedAt} time /> },
            ]}
          />
        </Card>
      ) : null}
      {serviceCard ? (
        <Card title="活动证">
          <InfoList
            items={[
              { key: '活动证号', value: <span className="rb-service-card-no">{serviceCard.no}</span> },
              { key: '发放日期', value: <DateText at={serviceCard.issuedAt} /> },
              { key: '发放社区', value: serviceCard.community.name },
            ]}
          />
        </Card>
      ) : null}
      {member || checkIns.length > 0 ? (
        <Card title="报到记录">
          <CheckInHistory history={checkIns} />
        </Card>
      ) : null}
      {audit.length > 0 ? (
        <Card title="操作记录">
          <ul className="rb-info">
            {audit.map((entry, i) => (
              <li className="rb-info__row" key={`${entry.at}-${i}`}>
                <span>{auditLine(entry)}</span>
                <DateText at={entry.at} time className="rb-muted" />
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
    </>
  );
}
