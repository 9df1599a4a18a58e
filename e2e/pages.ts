import type { Browser, Page } from 'playwright-core';
import type { AppServer } from '../server/src/app';
import { SESSION_COOKIE } from '../server/src/session';
import { ROUTES, type RouteKey } from '../src/routes';
import { phoneContext } from './browser';

/** A page's address in the browser build (Taro's hash router), relative to the app server. */
export function h5Path(route: RouteKey): string {
  return `/#${ROUTES[route].path}`;
}

export const HOME = h5Path('home');
export const POSTS = h5Path('posts');
export const ORDERS = h5Path('orders');
export const MINE = h5Path('mine');
export const MY_DATA = h5Path('myData');
export const REGISTER = h5Path('register');
export const CHECK_IN = h5Path('checkIn');
export const UNIT_MEMBERS = h5Path('unitMembers');
export const NOT_CHECKED_IN = h5Path('notCheckedIn');
export const COMMUNITY_QR = h5Path('communityQr');

/** A phone already signed in as `openid` (a session cookie, no sign-in page), with a blank page. */
export async function phoneAs(app: AppServer, browser: Browser, openid: string): Promise<Page> {
  const context = await phoneContext(browser);
  await context.addCookies([{ name: SESSION_COOKIE, value: app.sessionFor(openid), url: app.url }]);
  return context.newPage();
}

/** The same, opened at `path`. */
export async function openAs(app: AppServer, browser: Browser, openid: string, path: string): Promise<Page> {
  const page = await phoneAs(app, browser, openid);
  await page.goto(`${app.url}${path}`);
  return page;
}

/** Uncaught errors in the page (a URIError from the router, say), collected from now on. */
export function uncaughtErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`${error.name}: ${error.message}`));
  return errors;
}

/** Waits for `text` to be visible on the page. */
export async function see(page: Page, text: string | RegExp): Promise<void> {
  await page.getByText(text).first().waitFor({ state: 'visible', timeout: 20_000 });
}

/** The page's one h1, once it has its data (Taro keeps hidden pages in the document: only the visible one). */
export async function heading(page: Page): Promise<string> {
  const h1 = page.locator('.taro_page:visible h1').first();
  await h1.waitFor({ timeout: 20_000 });
  return ((await h1.textContent()) ?? '').trim();
}

/** Waits until the page's h1 says `title` (a page shows a general title until its data is in). */
export async function seeHeading(page: Page, title: string): Promise<void> {
  await page.locator('.taro_page:visible h1', { hasText: title }).first().waitFor({ timeout: 20_000 });
}

/** The question Taro.showModal asks (a dialog, see src/platform/a11y.h5.ts), once it is on screen. */
export async function dialogText(page: Page): Promise<string> {
  const dialog = page.getByRole('dialog');
  await dialog.waitFor({ state: 'visible', timeout: 20_000 });
  return ((await dialog.textContent()) ?? '').trim();
}

/** Answers the open dialog with one of its buttons. */
export async function answerDialog(page: Page, answer: string): Promise<void> {
  await page.getByRole('dialog').getByRole('button', { name: answer, exact: true }).click();
  await page.getByRole('dialog').waitFor({ state: 'hidden', timeout: 20_000 });
}

/** The page on screen (Taro keeps the pages below it in the document, hidden). */
export const visible = (page: Page) => page.locator('.taro_page:visible');
