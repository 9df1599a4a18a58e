import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface RawAppJson {
  pages: string[];
  subPackages?: { root: string; pages: string[] }[];
  window?: { navigationBarTitleText?: string };
  tabBar?: { list: { pagePath: string; text: string }[] };
}

/** What `app.json` of a build declares: its pages (subpackages included), tab pages and default title. */
export interface AppJson {
  pages: string[];
  tabPages: string[];
  defaultTitle: string;
  titleOf(route: string): string;
}

export function readAppJson(dist: string): AppJson {
  const raw = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8')) as RawAppJson;
  const pages = [
    ...raw.pages,
    ...(raw.subPackages ?? []).flatMap((pkg) => pkg.pages.map((page) => `${pkg.root.replace(/\/$/, '')}/${page}`)),
  ];
  const defaultTitle = raw.window?.navigationBarTitleText ?? '';
  return {
    pages,
    tabPages: (raw.tabBar?.list ?? []).map((tab) => tab.pagePath),
    defaultTitle,
    titleOf(route) {
      const json = JSON.parse(readFileSync(join(dist, `${route}.json`), 'utf8')) as { navigationBarTitleText?: string };
      return json.navigationBarTitleText ?? defaultTitle;
    },
  };
}

/** Splits `/pages/a/index?x=1` (or a path relative to `from`) into route and query, as WeChat hands them to onLoad. */
export function parseUrl(url: string, from?: string): { route: string; query: Record<string, string> } {
  const [path = '', search = ''] = url.split('?');
  let route: string;
  if (path.startsWith('/')) route = path.slice(1);
  else {
    const base = (from ?? '').split('/').slice(0, -1);
    for (const part of path.split('/')) {
      if (part === '..') base.pop();
      else if (part !== '.') base.push(part);
    }
    route = base.join('/');
  }
  // WeChat hands query values to onLoad as they were written, without decoding them.
  const query: Record<string, string> = {};
  for (const pair of search.split('&').filter(Boolean)) {
    const at = pair.indexOf('=');
    if (at < 0) query[pair] = '';
    else query[pair.slice(0, at)] = pair.slice(at + 1);
  }
  return { route, query };
}
