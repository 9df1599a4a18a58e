import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { initBackend } from './api/init';
import { patchTabBarA11y } from './platform/a11y';
import './app.scss';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    initBackend();
    patchTabBarA11y();
  });
  return children;
}

export default App;
