import type { ReactNode } from 'react';
import { Navigator } from '@tarojs/components';
import { orderUrl } from './links';

export interface OrderLinkProps {
  orderId: string;
  className?: string;
  children: ReactNode;
}

/** Mini-program: the whole card opens the request (the browser build renders an <a>, see OrderLink.h5.tsx). */
export function OrderLink({ orderId, className, children }: OrderLinkProps) {
  return (
    <Navigator url={orderUrl(orderId)} className={className} hoverClass="none">
      {children}
    </Navigator>
  );
}
