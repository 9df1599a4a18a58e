#!/usr/bin/env node
// Runs npm scripts one after another and says which step is running, how many there are and how long each took, so
// that the minutes of building before a first `npm start` are never silent. A script that only chains other scripts
// (`npm run a && npm run b`) counts as its parts, so package.json stays the one place that says what a build is.
// Usage: node scripts/run-steps.mjs <script> [<script> …]
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { formatDuration } from './duration.mjs';

/** What each step is, in words; a script not listed here is shown by its name. */
const LABELS = {
  'setup:packages': 'npm packages',
  'setup:browser': 'Chromium and Chinese fonts for the browser tests',
  'build:cloud': 'local WeChat cloud',
  'build:functions': 'cloud functions',
  'build:server': 'app server',
  'build:h5': 'browser build (H5)',
  'build:weapp': 'mini-program build',
  typecheck: 'type check',
  'format:check': 'formatting check',
};

const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts ?? {};

function stepsOf(name) {
  const command = scripts[name];
  if (command === undefined) {
    console.error(`run-steps: package.json has no script "${name}".`);
    process.exit(2);
  }
  const chained = command.split('&&').map((part) => /^\s*npm run ([\w:.-]+)\s*$/.exec(part));
  return chained.every(Boolean) ? chained.flatMap((match) => stepsOf(match[1])) : [name];
}

const steps = process.argv.slice(2).flatMap(stepsOf);
const started = Date.now();

for (const [index, name] of steps.entries()) {
  const title = `[${index + 1}/${steps.length}] ${LABELS[name] ?? name}`;
  console.log(`\n${title}: npm run ${name}`);
  const stepStarted = Date.now();
  // npm is npm.cmd on Windows, which only a shell can start.
  const run = spawnSync('npm', ['run', '--silent', name], { stdio: 'inherit', shell: process.platform === 'win32' });
  const took = formatDuration(Date.now() - stepStarted);
  if (run.status !== 0) {
    console.error(`${title} failed after ${took}.`);
    process.exit(run.status ?? 1);
  }
  console.log(`${title} done in ${took}.`);
}

console.log(`\nAll ${steps.length} steps done in ${formatDuration(Date.now() - started)}.`);
