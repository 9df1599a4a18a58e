import { useRouter } from '@tarojs/taro';
import type { OrderDetail } from '../../../../types';
import { call } from '../../../api/client';
import { Card } from '../../../components/Card';
import { InfoList } from '../../../components/InfoList';
import { Loaded } from '../../../components/Loaded';
import { Notice } from '../../../components/Notice';
import { Page } from '../../../components/Page';
import { idParam } from '../../../features/orders/links';
import { OrderStatusTag } from '../../../features/orders/OrderStatusTag';
import { nextStep } from '../../../features/orders/status';
import { PhotoGallery } from '../../../features/photos/PhotoGallery';
import { useRemote } from '../../../hooks/use-remote';
import { OrderActions } from './OrderActions';
import { ContactCard, DoneCard, ReleasesCard, factRows } from './OrderFacts';

/** One request (`?id=`): what is needed, its state and what happens next, and what the caller may do now. */
export default function OrderDetailPage() {
  const { params } = useRouter();
  const orderId = idParam(params);
  const remote = useRemote(async () => (await call('order', 'get', { orderId })).order);
  // No longer the caller's to open (cancelled before it was published, taken by another): nothing old is shown.
  const gone = remote.error?.code === 'ORDER_NOT_FOUND';
  return (
    <Page title="需求详情">
      <Loaded remote={gone ? { ...remote, data: undefined } : remote}>
        {(order) => <OrderDetailView order={order} reload={remote.reload} replace={remote.setData} />}
      </Loaded>
    </Page>
  );
}

interface ViewProps {
  order: OrderDetail;
  reload: () => Promise<void>;
  replace: (order: OrderDetail) => void;
}

function OrderDetailView({ order, reload, replace }: ViewProps) {
  return (
    <>
      <Card>
        <div className="rb-list__head">
          <h2 className="rb-list__name">{order.kind}</h2>
          <OrderStatusTag order={order} />
        </div>
        <p className="rb-text">{order.text}</p>
        <PhotoGallery photos={order.photoUrls} urls={order.photoUrls} label="需求照片" />
        <Notice>{nextStep(order)}</Notice>
        <InfoList items={factRows(order)} />
      </Card>
      {order.contact ? <ContactCard contact={order.contact} /> : null}
      <DoneCard order={order} />
      <OrderActions order={order} reload={reload} replace={replace} />
      <ReleasesCard order={order} />
    </>
  );
}
