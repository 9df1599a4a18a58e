import type { OrderDetail } from '../../../../types';
import { Card } from '../../../components/Card';
import { DateText } from '../../../components/DateText';
import { InfoList, type InfoItem } from '../../../components/InfoList';
import { CallButton } from '../../../features/orders/CallButton';
import { starsText } from '../../../features/orders/StarRating';
import { wantedWords } from '../../../features/orders/wanted';
import { PhotoGallery } from '../../../features/photos/PhotoGallery';

/** The request's facts, as far as the caller may see them. */
export function factRows(order: OrderDetail): InfoItem[] {
  const rows: InfoItem[] = [
    { key: '社区', value: order.community.name },
    { key: '小区', value: order.compound },
    { key: '希望办好', value: wantedWords(order.wantedBy) },
    { key: '提交时间', value: <DateText at={order.createdAt} time /> },
  ];
  if (order.onBehalfOf) rows.push({ key: '代为提交', value: `社区工作人员${order.onBehalfOf.staffName}` });
  if (order.publishedAt !== null) rows.push({ key: '发布时间', value: <DateText at={order.publishedAt} time /> });
  if (order.taker) {
    rows.push({ key: '领办党员', value: `${order.taker.name}（${order.taker.phoneMasked}）` });
  }
  if (order.takenAt !== null) rows.push({ key: '领办时间', value: <DateText at={order.takenAt} time /> });
  if (order.doneAt !== null) rows.push({ key: '办好时间', value: <DateText at={order.doneAt} time /> });
  if (order.rejectReason) rows.push({ key: '退回理由', value: order.rejectReason });
  if (order.mergedInto) rows.push({ key: '合并到', value: '社区的另一个相同需求' });
  return rows;
}

/** Who to call and where to go: only the taker and the community's staff are sent it. */
export function ContactCard({ contact }: { contact: NonNullable<OrderDetail['contact']> }) {
  return (
    <Card title="居民联系方式">
      <InfoList
        items={[
          { key: '姓名', value: contact.name },
          { key: '电话', value: contact.phone },
          { key: '住址', value: `${contact.compound}${contact.address}` },
        ]}
      />
      <CallButton phone={contact.phone} name={contact.name} />
      <p className="rb-text rb-muted">这些信息只用于办理这个需求，请不要告诉别人。</p>
    </Card>
  );
}

/** What the member did, and the resident's (or staff's) word on it. */
export function DoneCard({ order }: { order: OrderDetail }) {
  if (order.doneNote === null && order.rating === null) return null;
  return (
    <Card title="办理情况">
      {order.doneNote !== null ? <p className="rb-text">{order.doneNote}</p> : null}
      <PhotoGallery photos={order.donePhotoUrls} urls={order.donePhotoUrls} label="办理照片" />
      {order.rating ? (
        <InfoList
          items={[
            { key: '评价', value: starsText(order.rating.stars) },
            ...(order.rating.comment ? [{ key: '评语', value: order.rating.comment }] : []),
            {
              key: '确认人',
              value: order.rating.by === 'staff' ? `社区工作人员${order.rating.byName}代居民确认` : order.rating.byName,
            },
          ]}
        />
      ) : null}
    </Card>
  );
}

/** Members who gave the request back, and why. */
export function ReleasesCard({ order }: { order: OrderDetail }) {
  if (order.releases.length === 0) return null;
  return (
    <Card title="放弃领办记录">
      <ul className="rb-list">
        {order.releases.map((release) => (
          <li className="rb-list__item" key={`${release.memberId}-${release.at}`}>
            <p className="rb-text">
              {release.memberName}，<DateText at={release.at} time />
            </p>
            <p className="rb-text rb-muted">原因：{release.reason}</p>
          </li>
        ))}
      </ul>
    </Card>
  );
}
