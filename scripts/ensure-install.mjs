#!/usr/bin/env node
// Installs the npm packages when node_modules is missing or older than package-lock.json, so that `npm test` and
// `npm start` work on a fresh clone with nothing but Node. npm writes node_modules/.package-lock.json on every install.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const installed = 'node_modules/.package-lock.json';
const stale = !existsSync(installed) || statSync('package-lock.json').mtimeMs > statSync(installed).mtimeMs;

if (stale) {
  console.log('Installing npm packages (npm ci)…');
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
}
