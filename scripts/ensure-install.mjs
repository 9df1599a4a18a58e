#!/usr/bin/env node
// Installs the npm packages when node_modules is missing or older than package-lock.json, so that `npm test` and
// `npm start` work on a fresh clone with nothing but Node. npm writes node_modules/.package-lock.json on every install.
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { clearInterval, setInterval } from 'node:timers';
import { formatDuration } from './duration.mjs';

const installed = 'node_modules/.package-lock.json';
const stale = !existsSync(installed) || statSync('package-lock.json').mtimeMs > statSync(installed).mtimeMs;

if (stale) {
  console.log(
    'Installing npm packages with npm ci: about 3 minutes on a 2-core machine (better-sqlite3 compiles from source). ' +
      "npm's warnings are hidden; errors still show.",
  );
  const started = Date.now();
  // npm ci prints nothing at --loglevel=error until it ends, so say every half minute that it is still at work.
  const heartbeat = setInterval(
    () => console.log(`  still installing (${formatDuration(Date.now() - started)})…`),
    30_000,
  );
  const status = await new Promise((resolve) => {
    const npm = spawn('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
      stdio: 'inherit',
      shell: process.platform === 'win32',
    });
    npm.on('close', (code) => resolve(code ?? 1));
    npm.on('error', () => resolve(1));
  });
  clearInterval(heartbeat);
  if (status !== 0) {
    console.error(`npm ci failed after ${formatDuration(Date.now() - started)}.`);
    process.exit(status);
  }
  console.log(`npm packages installed in ${formatDuration(Date.now() - started)}.`);
}
