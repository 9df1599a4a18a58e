import { call } from '../../api/client';
import { DeleteCard } from '../../components/DeleteCard';
import { DateText } from '../../components/DateText';
import { LinkRow } from '../../components/LinkRow';
import { OutcomeCard } from '../../components/OutcomeCard';
import { MyDataSections } from './MyDataSections';
import { Page } from '../../components/Page';
import { Loaded } from '../../components/Loaded';
import { useRefreshMe } from '../../hooks/me';
import { useAction } from '../../hooks/use-action';
import { useRemote } from '../../hooks/use-remote';
import { DELETION_EXPLAINED, keepsNothing } from '../../utils/my-data';

export default function MyDataPage() {
  const remote = useRemote(() => call('user', 'getMyData', {}));
  const refreshMe = useRefreshMe();
  const deletion = useAction(async () => {
    const res = await call('user', 'deleteMyData', { confirm: true });
    void refreshMe();
    return res;
  });

  if (deletion.data) {
    return (
      <Page title="我的信息">
        <OutcomeCard title="已删除您的个人信息">
          <p className="rb-text">
            删除时间：
            <DateText at={deletion.data.deletedAt} time />
          </p>
          <p className="rb-text">{DELETION_EXPLAINED.kept}</p>
          <p className="rb-text">{DELETION_EXPLAINED.told}</p>
          <LinkRow to="home" label="返回首页" />
        </OutcomeCard>
      </Page>
    );
  }

  return (
    <Page title="我的信息">
      <Loaded remote={remote}>
        {(data) => (
          <>
            <p className="rb-text rb-muted">这里列出本系统保存的关于您的全部信息。</p>
            {keepsNothing(data) ? (
              <p className="rb-text">系统里没有保存您的个人信息。</p>
            ) : (
              <MyDataSections data={data} />
            )}
            {data.member ? (
              <DeleteCard
                title="删除我的个人信息"
                explained={[
                  DELETION_EXPLAINED.removed,
                  DELETION_EXPLAINED.kept,
                  DELETION_EXPLAINED.told,
                  DELETION_EXPLAINED.final,
                ]}
                confirm={{ title: '删除个人信息', content: `确定删除您的个人信息吗？${DELETION_EXPLAINED.final}` }}
                deletion={deletion}
              />
            ) : null}
          </>
        )}
      </Loaded>
    </Page>
  );
}
