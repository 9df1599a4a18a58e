import Taro from '@tarojs/taro';
import { orderUrl } from './links';
import type { OrderLinkProps } from './OrderLink';

/** Browser: a real <a href="#/…"> to the request that navigates through Taro's router. */
export function OrderLink({ orderId, className, children }: OrderLinkProps) {
  const url = orderUrl(orderId);
  return (
    <a
      href={'#' + url}
      className={className}
      onClick={(event) => {
        event.preventDefault();
        void Taro.navigateTo({ url });
      }}
    >
      {children}
    </a>
  );
}
