import { useState } from 'react';
import Taro from '@tarojs/taro';
import type { Timestamp } from '../../../types';
import { call, errorMessage } from '../../api/client';
import { ActionButton } from '../../components/ActionButton';
import { Alert } from '../../components/Alert';
import { Card } from '../../components/Card';
import { DateText } from '../../components/DateText';
import { LinkRow } from '../../components/LinkRow';
import { MyDataSections } from './MyDataSections';
import { Page } from '../../components/Page';
import { RemoteStatus } from '../../components/RemoteStatus';
import { useRemote } from '../../hooks/useRemote';
import { DELETION_EXPLAINED, keepsNothing } from '../../utils/myData';
import { HOME_PAGE } from '../../utils/routes';

export default function MyDataPage() {
  const remote = useRemote(() => call('user', 'getMyData', {}));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [deletedAt, setDeletedAt] = useState<Timestamp | null>(null);

  const deleteMine = async () => {
    const answer = await Taro.showModal({
      title: '删除个人信息',
      content: `确定删除您的个人信息吗？${DELETION_EXPLAINED.final}`,
      confirmText: '删除',
      cancelText: '取消',
      confirmColor: '#c8161d',
    });
    if (!answer.confirm) return;
    setBusy(true);
    setError(null);
    try {
      const res = await call('user', 'deleteMyData', { confirm: true });
      setDeletedAt(res.deletedAt);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  if (deletedAt !== null) {
    return (
      <Page title="我的信息">
        <Card tone="success">
          <div role="status">
            <h2 className="rb-title">已删除您的个人信息</h2>
          </div>
          <p className="rb-text">
            删除时间：
            <DateText at={deletedAt} time />
          </p>
          <p className="rb-text">{DELETION_EXPLAINED.kept}</p>
          <p className="rb-text">{DELETION_EXPLAINED.told}</p>
          <LinkRow url={HOME_PAGE} tab label="返回首页" />
        </Card>
      </Page>
    );
  }

  const data = remote.data;
  return (
    <Page title="我的信息">
      <RemoteStatus remote={remote} />
      {data ? (
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
              <Alert message={error} />
              <ActionButton
                block
                variant="secondary"
                busy={busy}
                busyText="正在删除…"
                onClick={() => void deleteMine()}
              >
                删除我的个人信息
              </ActionButton>
            </Card>
          ) : null}
        </>
      ) : null}
    </Page>
  );
}
