import { SERVICE_LIMITS } from '../../../../types';
import { call } from '../../../api/client';
import { EmptyState } from '../../../components/EmptyState';
import { Loaded } from '../../../components/Loaded';
import { Page } from '../../../components/Page';
import { formatHours as hoursText } from '../../../../domain/hours';
import { waitingText } from '../../../features/stamp/hours';
import { useRemote } from '../../../hooks/use-remote';

export default function OverduePage() {
  const list = useRemote(() => call('record', 'overdue', { limit: SERVICE_LIMITS.pageMax }));
  return (
    <Page title="超时未认定">
      <Loaded remote={list}>
        {(data) =>
          data.items.length === 0 ? (
            <EmptyState text="没有超时未认定的记录" />
          ) : (
            <>
              <p className="rb-text rb-muted">
                这些服务记录提交后很久还没有社区认定，等待最久的排在前面。请提醒相关社区及时处理。
              </p>
              <ul className="rb-list" aria-label="超时未认定的记录">
                {data.items.map((item) => (
                  <li className="rb-list__item" key={item.recordId}>
                    <div className="rb-list__head">
                      <h2 className="rb-list__name">{item.community.name}</h2>
                    </div>
                    <p className="rb-text">
                      {item.memberName}：{item.description}
                    </p>
                    <p className="rb-text rb-muted">
                      时长{hoursText(item.minutes)}，已等待{waitingText(item.waitingHours)}
                    </p>
                  </li>
                ))}
              </ul>
              {data.next ? <p className="rb-text rb-muted">这里先显示等待最久的{data.items.length}条。</p> : null}
            </>
          )
        }
      </Loaded>
    </Page>
  );
}
