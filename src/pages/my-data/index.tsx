import Taro from '@tarojs/taro';
import { call } from '../../api/client';
import { ActionButton } from '../../components/ActionButton';
import { Alert } from '../../components/Alert';
import { Card } from '../../components/Card';
import { DateText } from '../../components/DateText';
import { LinkRow } from '../../components/LinkRow';
import { MyDataSections } from './MyDataSections';
import { Page } from '../../components/Page';
import { Loaded } from '../../components/Loaded';
import { useRefreshMe } from '../../hooks/me';
import { useAction } from '../../hooks/use-action';
import { useRemote } from '../../hooks/use-remote';
import { DELETION_EXPLAINED, keepsNothing } from '../../utils/my-data';

/** Deleting cannot be undone, so it is asked first. */
async function confirmDeletion(): Promise<boolean> {
  const answer = await Taro.showModal({
    title: '删除个人信息',
    content: `确定删除您的个人信息吗？${DELETION_EXPLAINED.final}`,
    confirmText: '删除',
    cancelText: '取消',
    confirmColor: '#c8161d',
  });
  return answer.confirm;
}

export default function MyDataPage() {
  const remote = useRemote(() => call('user', 'getMyData', {}));
  const refreshMe = useRefreshMe();
  const deletion = useAction(async () => {
    const res = await call('user', 'deleteMyData', { confirm: true });
    void refreshMe();
    return res;
  });

  const deleteMine = async () => {
    if (await confirmDeletion()) await deletion.run();
  };

  if (deletion.data) {
    return (
      <Page title="我的信息">
        <Card tone="success">
          <div role="status">
            <h2 className="rb-title">已删除您的个人信息</h2>
          </div>
          <p className="rb-text">
            删除时间：
            <DateText at={deletion.data.deletedAt} time />
          </p>
          <p className="rb-text">{DELETION_EXPLAINED.kept}</p>
          <p className="rb-text">{DELETION_EXPLAINED.told}</p>
          <LinkRow to="home" label="返回首页" />
        </Card>
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
              <Card title="删除我的个人信息">
                <p className="rb-text">{DELETION_EXPLAINED.removed}</p>
                <p className="rb-text">{DELETION_EXPLAINED.kept}</p>
                <p className="rb-text">{DELETION_EXPLAINED.told}</p>
                <p className="rb-text">{DELETION_EXPLAINED.final}</p>
                <Alert message={deletion.error?.message} />
                <ActionButton
                  block
                  variant="secondary"
                  busy={deletion.busy}
                  busyText="正在删除…"
                  onClick={() => void deleteMine()}
                >
                  删除我的个人信息
                </ActionButton>
              </Card>
            ) : null}
          </>
        )}
      </Loaded>
    </Page>
  );
}
