import { DEMO_COUNTY, DEMO_ROLE_LABELS, type DemoIdentity, type DemoRole, SIGN_IN_IDENTITIES } from './demo';
import type { DemoState } from './demo-states';
import { escapeHtml } from './html';

/** The groups of the login page, in order, with what each role does in the demo. */
const GROUPS: Array<{ role: DemoRole; hint: string }> = [
  { role: 'countyAdmin', hint: '设立社区和单位，任命社区工作人员和单位党组织管理员。' },
  { role: 'staff', hint: '每个社区一位：出示社区报到码，查看谁已报到。' },
  { role: 'unitAdmin', hint: '每个单位一位：确认本单位党员身份，查看谁还没有报到。县委办公室的名单最全。' },
  { role: 'member', hint: '县委办公室几位不同状态的党员和一位未通过确认的党员（演示数据里的其他党员不能登录）。' },
  { role: 'newcomer', hint: '演示开始时还没有任何记录的人：用来体验在职党员注册。' },
  { role: 'resident', hint: '普通居民：扫社区码查看社区。居民不填写姓名，所以这里和应用里都显示“未填写姓名”。' },
];

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 18px/1.6 system-ui, -apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", sans-serif; color: #1a1a1a; background: #f7f4f0; }
header.top { background: #a50e0e; color: #fff; padding: 1rem 1.25rem; }
header.top p { margin: 0; font-size: 1rem; }
main { max-width: 56rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
h1 { font-size: 1.75rem; margin: 0.75rem 0 0.5rem; }
h2 { font-size: 1.375rem; margin: 2rem 0 0.25rem; border-bottom: 3px solid #a50e0e; padding-bottom: 0.25rem; }
.hint { margin: 0.25rem 0 0.75rem; color: #3d3d3d; }
ul.people { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.75rem; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); }
form { margin: 0; }
button { width: 100%; min-height: 3.5rem; padding: 0.75rem 1rem; font: inherit; text-align: left; cursor: pointer; color: #1a1a1a; background: #fff; border: 2px solid #7a1a1a; border-radius: 10px; }
button:hover { background: #fdecec; }
button:focus-visible { outline: 4px solid #1f4fd6; outline-offset: 2px; }
button .name { display: block; font-size: 1.25rem; font-weight: 700; }
button .role { display: block; font-size: 1rem; color: #7a1a1a; font-weight: 600; }
button .note { display: block; font-size: 0.95rem; color: #3d3d3d; }
.current { background: #fff; border: 2px solid #1a1a1a; border-radius: 10px; padding: 0.75rem 1rem; margin: 1rem 0; }
.current p { margin: 0 0 0.5rem; }
.current button { width: auto; min-height: 3rem; text-align: center; background: #a50e0e; color: #fff; border-color: #a50e0e; font-weight: 700; }
.current button:hover { background: #7f0b0b; }
.notice { background: #fff4d6; border-left: 6px solid #8a5a00; padding: 0.75rem 1rem; margin: 1rem 0; }
`;

/** How a person shows when the database could not say (their seeded description). */
function seededState(identity: DemoIdentity): DemoState {
  return { name: identity.name, roleLabel: DEMO_ROLE_LABELS[identity.role], note: identity.note };
}

function personButton(identity: DemoIdentity, state: DemoState, next: string): string {
  return `<li><form method="post" action="/dev/login">
<input type="hidden" name="openid" value="${escapeHtml(identity.openid)}">
<input type="hidden" name="next" value="${escapeHtml(next)}">
<button type="submit"><span class="name">${escapeHtml(state.name)}</span><span class="role">${escapeHtml(state.roleLabel)}</span><span class="note">${escapeHtml(state.note)}</span></button>
</form></li>`;
}

export interface LoginPageOptions {
  /** Where to go after signing in (already sanitised). */
  next: string;
  /** Who is signed in now, if anyone. */
  current?: DemoIdentity | null;
  /** A message to show at the top (e.g. a refused sign-in). */
  notice?: string;
  /** Each listed person's state now, read from the database (see demo-states.ts). */
  states: Map<string, DemoState>;
}

/** The demo sign-in page: every listed identity as a button, grouped by role, each with its state now. */
export function renderLoginPage(options: LoginPageOptions): string {
  const { next, current, notice, states } = options;
  const stateOf = (identity: DemoIdentity) => states.get(identity.openid) ?? seededState(identity);
  const sections = GROUPS.map(({ role, hint }) => {
    const people = SIGN_IN_IDENTITIES.filter((identity) => identity.role === role);
    const id = `group-${role}`;
    return `<section aria-labelledby="${id}">
<h2 id="${id}">${escapeHtml(DEMO_ROLE_LABELS[role])}</h2>
<p class="hint">${escapeHtml(hint)}</p>
<ul class="people">
${people.map((identity) => personButton(identity, stateOf(identity), next)).join('\n')}
</ul>
</section>`;
  }).join('\n');
  const currentBlock = current
    ? `<div class="current" role="status">
<p>现在登录的是：<strong>${escapeHtml(stateOf(current).name)}</strong>（${escapeHtml(stateOf(current).roleLabel)}，${escapeHtml(stateOf(current).note)}）</p>
<form method="post" action="/dev/logout"><input type="hidden" name="next" value="/dev/login"><button type="submit">退出登录</button></form>
</div>`
    : '';
  const noticeBlock = notice ? `<p class="notice" role="alert">${escapeHtml(notice)}</p>` : '';
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>演示登录 · 红袖章</title>
<style>${STYLE}</style>
</head>
<body>
<header class="top"><p>红袖章 · ${escapeHtml(DEMO_COUNTY)}在职党员到居住地社区报到（本地演示）</p></header>
<main>
<h1>选择一个演示身份登录</h1>
<p>这是本地演示环境，不需要微信。点一个人的名字，就以这个人的身份进入。以下人名、单位和电话都是虚构的。</p>
${noticeBlock}
${currentBlock}
${sections}
</main>
</body>
</html>
`;
}
