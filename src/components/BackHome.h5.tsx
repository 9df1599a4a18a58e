import Taro from '@tarojs/taro';
import { NavLink } from './NavLink';
import './BackHome.scss';

/**
 * Browser: a page outside the tab bar has no navigation bar, so it gets 返回 (when there is a page to go back to in
 * this app) and 回到首页 (always: a page opened straight from a QR code or a link has nothing behind it).
 */
export function BackHome() {
  const canGoBack = Taro.getCurrentPages().length > 1;
  return (
    <nav className="rb-back-home" aria-label="页面导航">
      {canGoBack ? (
        <a
          href="#"
          className="rb-back-home__link"
          onClick={(event) => {
            event.preventDefault();
            void Taro.navigateBack();
          }}
        >
          ‹ 返回
        </a>
      ) : null}
      <NavLink to="home" className="rb-back-home__link">
        回到首页
      </NavLink>
    </nav>
  );
}
