/// <reference types="@tarojs/taro" />
import { CHECK_IN_PAGE } from '../types';
import { ROUTES, checkInUrl } from './routes';

// app.config.ts calls Taro's build-time global; here it only needs to hand the config back.
(globalThis as { defineAppConfig?: (config: Taro.AppConfig) => Taro.AppConfig }).defineAppConfig = (config) => config;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const appConfig = (require('./app.config') as typeof import('./app.config')).default;

const pagesOfConfig = [
  ...(appConfig.pages ?? []),
  ...(appConfig.subPackages ?? []).flatMap((pkg) => pkg.pages.map((page) => `${pkg.root}/${page}`)),
].map((page) => `/${page}`);

test('every page of app.config.ts has a route, and every route is a page of app.config.ts', () => {
  expect(
    Object.values(ROUTES)
      .map((route) => route.path)
      .sort(),
  ).toEqual([...pagesOfConfig].sort());
});

test('the routes marked as tabs are exactly the tab bar’s pages', () => {
  const tabs = (appConfig.tabBar?.list ?? []).map((item) => `/${item.pagePath}`);
  const tabRoutes = Object.values(ROUTES).filter((route) => route.tab);
  expect(tabRoutes.map((route) => route.path).sort()).toEqual([...tabs].sort());
});

test('the check-in route is the page the community QR codes open', () => {
  expect(ROUTES.checkIn.path).toBe(`/${CHECK_IN_PAGE}`);
  expect(checkInUrl('C 01')).toBe('/pages/check-in/index?scene=C%2001');
});
