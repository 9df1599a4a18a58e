#!/usr/bin/env node
// Makes sure the browser tests can run: installs Debian's Chromium and a Chinese font with apt-get when this process
// may (root, or passwordless sudo), and otherwise stops with the one command to run. Silent when all is there.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { formatDuration } from './duration.mjs';

const { DEFAULT_BROWSER, planBrowserSetup } = createRequire(import.meta.url)('./browser-setup.cjs');

const CJK_FONT_PACKAGES = ['fonts-noto-cjk', 'fonts-wqy-zenhei', 'fonts-wqy-microhei'];
/** Where those packages put their fonts: finding one is enough, and much faster than asking fontconfig. */
const CJK_FONT_FILES = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
];

function chineseFontPresent() {
  if (CJK_FONT_FILES.some((file) => existsSync(file))) return true;
  const fcList = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  if (!fcList.error) return fcList.stdout.trim() !== '';
  // Chromium pulls in fontconfig's library but not its fc-list tool: ask Debian's package database instead.
  const dpkg = spawnSync('dpkg-query', ['-W', '-f=${Status}\n', ...CJK_FONT_PACKAGES], { encoding: 'utf8' });
  if (!dpkg.error) return dpkg.stdout.includes('install ok installed');
  // Neither tool: not a Debian-like system, whose own fonts are trusted.
  return true;
}

function privilege() {
  if (process.getuid?.() === 0) return 'root';
  const sudo = spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' });
  return !sudo.error && sudo.status === 0 ? 'sudo' : 'none';
}

const browserPath = process.env.CHROMIUM_PATH || DEFAULT_BROWSER;
const facts = {
  browserPath,
  browserPathFromEnv: Boolean(process.env.CHROMIUM_PATH),
  browserPresent: existsSync(browserPath),
  chineseFontPresent: chineseFontPresent(),
  hasAptGet: existsSync('/usr/bin/apt-get'),
  privilege: 'none',
};
if (!facts.browserPresent || !facts.chineseFontPresent) facts.privilege = privilege();

const plan = planBrowserSetup(facts);
if (plan.kind === 'stop') {
  console.error(plan.message);
  process.exit(1);
}
if (plan.kind === 'warn') console.warn(plan.message);
if (plan.kind === 'install') {
  console.log(`Installing ${plan.packages.join(' and ')} with apt-get for the browser tests (a minute or two)…`);
  const started = Date.now();
  for (const [command, ...args] of plan.commands) {
    const run = spawnSync(command, args, { stdio: 'inherit' });
    if (run.status !== 0) {
      console.error(`\`${[command, ...args].join(' ')}\` failed: install ${plan.packages.join(' ')} by hand.`);
      process.exit(1);
    }
  }
  if (!existsSync(browserPath)) {
    console.error(`apt-get installed chromium, but ${browserPath} is still missing: set CHROMIUM_PATH to the browser.`);
    process.exit(1);
  }
  const version = spawnSync(browserPath, ['--version'], { encoding: 'utf8' }).stdout?.trim();
  console.log(`Installed in ${formatDuration(Date.now() - started)}: ${version || browserPath}.`);
}
