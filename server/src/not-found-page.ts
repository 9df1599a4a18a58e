import { escapeHtml } from './html';

export interface NotFoundPageOptions {
  /** Where the page sends people: the demo sign-in when it is on, else the app's home. */
  link: { href: string; label: string };
  /** Why there is nothing here, in one sentence. */
  reason?: string;
}

/** A plain Chinese page for an address the server does not have. */
export function renderNotFoundPage({
  link,
  reason = '您打开的地址不存在，可能输错了或已经失效。',
}: NotFoundPageOptions) {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>页面不存在 · 红袖章</title>
<style>
body { margin: 0; font: 18px/1.6 system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", sans-serif; color: #1a1a1a; background: #f7f4f0; }
main { max-width: 40rem; margin: 0 auto; padding: 2rem 1.25rem; }
h1 { font-size: 1.75rem; margin: 0 0 0.75rem; }
a { display: inline-block; margin-top: 1rem; padding: 0.75rem 1.25rem; min-height: 3rem; color: #fff; background: #a50e0e; border-radius: 10px; font-weight: 700; text-decoration: none; }
a:focus-visible { outline: 4px solid #1f4fd6; outline-offset: 2px; }
</style>
</head>
<body>
<main>
<h1>页面不存在</h1>
<p>${escapeHtml(reason)}</p>
<a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a>
</main>
</body>
</html>
`;
}
