import { type PropsWithChildren, createElement } from 'react';
import Taro, { useLaunch, usePageNotFound } from '@tarojs/taro';
import { initBackend } from './api/init';
import { MeProvider } from './hooks/me';
import { patchTabBarA11y } from './platform/a11y';
import { repairMalformedUrl } from './platform/url';
import { ROUTES } from './routes';
import './app.scss';

// Before the browser build's router reads the address (it starts right after this module).
repairMalformedUrl();

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    initBackend();
    patchTabBarA11y();
  });
  // An unknown page (an old link, a mistyped address) shows 页面不存在 instead of a blank or the wrong page.
  usePageNotFound(() => {
    void Taro.redirectTo({ url: ROUTES.notFound.path });
  });
  // Every page reads who the person is from here (useMe) instead of asking the function itself.
  return createElement(MeProvider, null, children);
}

export default App;
