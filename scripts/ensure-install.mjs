#!/usr/bin/env node
// Installs the npm packages when node_modules is missing or older than package-lock.json, so that `npm test` and
// `npm start` work on a fresh clone with nothing but Node.
import { execSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const stamp = 'node_modules/.red-armband-install';
const lock = readFileSync('package-lock.json');
const digest = createHash('sha256').update(lock).digest('hex');

if (!existsSync(stamp) || readFileSync(stamp, 'utf8') !== digest) {
  console.log('Installing npm packages (npm ci)…');
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
  writeFileSync(stamp, digest);
}
