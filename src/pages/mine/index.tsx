import { ROLE_LABELS } from '../../../types';
import { call, errorMessage } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Card } from '../../components/Card';
import { CheckInHistory } from '../../features/checkin/CheckInHistory';
import { InfoList } from '../../components/InfoList';
import { LinkRow } from '../../components/LinkRow';
import { DateText } from '../../components/DateText';
import { Page } from '../../components/Page';
import { RemoteStatus } from '../../components/RemoteStatus';
import { SignOut } from './SignOut';
import { Tag } from '../../components/Tag';
import { StatusTag } from '../../features/member/StatusTag';
import { useRemote } from '../../hooks/useRemote';
import { MY_DATA_PAGE, REGISTER_PAGE } from '../../utils/routes';

async function loadMine() {
  const me = await call('user', 'getMe', {});
  if (!me.member) return { me, checkIns: null, checkInsError: null };
  try {
    return { me, checkIns: await call('checkin', 'getMine', {}), checkInsError: null };
  } catch (e) {
    return { me, checkIns: null, checkInsError: errorMessage(e) };
  }
}

export default function MinePage() {
  const remote = useRemote(loadMine);
  const me = remote.data?.me;
  const member = me?.member ?? null;
  const checkIns = remote.data?.checkIns ?? null;
  const cardNo = checkIns?.serviceCardNo ?? member?.serviceCardNo ?? null;

  return (
    <Page title="我的" tab>
      <RemoteStatus remote={remote} />
      {me ? (
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
                {cardNo ? (
                  <p className="rb-text">
                    活动证号：<span className="rb-service-card-no">{cardNo}</span>
                  </p>
                ) : (
                  <p className="rb-text">尚未报到：首次在居住地社区报到后发放活动证。</p>
                )}
              </Card>
              <Card title="在职党员登记">
                <InfoList
                  items={[
                    { key: '身份状态', value: <StatusTag status={member.status} /> },
                    { key: '工作单位', value: member.unit.name },
                    { key: '手机号', value: member.phone },
                    { key: '技能', value: member.skills.length ? member.skills.join('、') : '未填写' },
                    { key: '愿意参与', value: member.willingness.length ? member.willingness.join('、') : '未选择' },
                    { key: '一句话承诺', value: member.pledge || '未填写' },
                    { key: '承诺公示', value: member.pledgePublic ? '同意在社区公示栏公开' : '不公开' },
                    { key: '注册日期', value: <DateText at={member.registeredAt} /> },
                  ]}
                />
                {member.status === 'rejected' ? null : <LinkRow url={REGISTER_PAGE} label="修改登记信息" />}
              </Card>
              <Card title="报到记录">
                <Alert message={remote.data?.checkInsError} />
                {checkIns ? <CheckInHistory current={checkIns.current} history={checkIns.history} /> : null}
              </Card>
            </>
          ) : (
            <Card title="在职党员">
              <p className="rb-text">您还没有登记为在职党员。</p>
              <LinkRow url={REGISTER_PAGE} label="注册为在职党员" />
            </Card>
          )}
          <Card title="个人信息">
            <p className="rb-text">查看本系统保存的关于您的全部信息，也可以删除。</p>
            <LinkRow url={MY_DATA_PAGE} label="我的信息" />
          </Card>
          <SignOut />
        </>
      ) : null}
    </Page>
  );
}
