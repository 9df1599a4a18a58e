import type { ReactNode } from 'react';
import { Navigator } from '@tarojs/components';
import { ROUTES, type RouteKey } from '../routes';

export interface NavLinkProps {
  /** The page to open (a tab-bar page opens with switchTab, any other with navigateTo). */
  to: RouteKey;
  className?: string;
  children: ReactNode;
}

/** Mini-program link: a navigator (the browser build renders an <a>, see NavLink.h5.tsx). */
export function NavLink({ to, className, children }: NavLinkProps) {
  const { path, tab } = ROUTES[to];
  return (
    <Navigator url={path} openType={tab ? 'switchTab' : 'navigate'} className={className} hoverClass="none">
      {children}
    </Navigator>
  );
}
