import { useEffect } from 'react';
import Taro from '@tarojs/taro';

/**
 * Names the page in WeChat's navigation bar (the browser build: the document title) when what the page shows depends
 * on the person — 修改登记信息 rather than the config's 在职党员注册 — so that the bar and the h1 agree.
 */
export function useNavigationTitle(title: string): void {
  useEffect(() => {
    Taro.setNavigationBarTitle({ title }).catch(() => undefined);
  }, [title]);
}
