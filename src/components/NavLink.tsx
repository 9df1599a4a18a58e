import type { ReactNode } from 'react';
import { Navigator } from '@tarojs/components';

export interface NavLinkProps {
  /** An app path such as /pages/register/index. */
  url: string;
  /** A tab-bar page (opened with switchTab). */
  tab?: boolean;
  className?: string;
  children: ReactNode;
}

/** Mini-program link: a navigator (the browser build renders an <a>, see NavLink.h5.tsx). */
export function NavLink({ url, tab, className, children }: NavLinkProps) {
  return (
    <Navigator url={url} openType={tab ? 'switchTab' : 'navigate'} className={className} hoverClass="none">
      {children}
    </Navigator>
  );
}
