import Taro from '@tarojs/taro';
import { ROUTES } from '../routes';
import type { NavLinkProps } from './NavLink';

/** Browser link: a real <a href="#/…"> (hash router) that navigates through Taro's router. */
export function NavLink({ to, className, children }: NavLinkProps) {
  const { path: url, tab } = ROUTES[to];
  return (
    <a
      href={'#' + url}
      className={className}
      onClick={(event) => {
        event.preventDefault();
        void (tab ? Taro.switchTab({ url }) : Taro.navigateTo({ url }));
      }}
    >
      {children}
    </a>
  );
}
