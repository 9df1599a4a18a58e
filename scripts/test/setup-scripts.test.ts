// The set-up scripts as a person meets them: run as processes, in a throwaway folder where that is needed.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';

const scripts = resolve(__dirname, '..');

function node(script: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const run = spawnSync(process.execPath, [join(scripts, script), ...args], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'setup-scripts-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function writePackageJson(scriptsOfPackage: Record<string, string>) {
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'steps', private: true, scripts: scriptsOfPackage }));
}

describe('run-steps', () => {
  test('numbers the steps, names each, times each, and expands a script that only chains others', () => {
    writePackageJson({
      'build:cloud': 'node -e "console.log(\'cloud built\')"',
      'build:h5': 'node -e "console.log(\'h5 built\')"',
      'build:local': 'npm run build:cloud && npm run build:h5',
      lint: 'node -e 0',
    });
    const run = node('run-steps.mjs', ['build:local', 'lint'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n').filter(Boolean)).toEqual([
      '[1/3] local WeChat cloud: npm run build:cloud',
      'cloud built',
      expect.stringMatching(/^\[1\/3\] local WeChat cloud done in \d+( ms|\.\d s)\.$/),
      '[2/3] browser build (H5): npm run build:h5',
      'h5 built',
      expect.stringMatching(/^\[2\/3\] browser build \(H5\) done in /),
      '[3/3] lint: npm run lint',
      expect.stringMatching(/^\[3\/3\] lint done in /),
      expect.stringMatching(/^All 3 steps done in /),
    ]);
  });

  test('stops at the first failing step with its exit code, and names it', () => {
    writePackageJson({ first: 'node -e "process.exit(3)"', second: 'node -e "console.log(\'second ran\')"' });
    const run = node('run-steps.mjs', ['first', 'second'], { cwd: dir });
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(/^\[1\/2\] first failed after /m);
    expect(run.stdout).not.toContain('second ran');
  });

  test('refuses a script package.json does not have, before running anything', () => {
    writePackageJson({ first: 'node -e "console.log(\'first ran\')"' });
    const run = node('run-steps.mjs', ['first', 'missing'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('package.json has no script "missing"');
    expect(run.stdout).not.toContain('first ran');
  });
});

describe('ensure-install', () => {
  /** A stand-in `npm` first on the PATH: it records its arguments and exits with the given code. */
  function fakeNpm(exitCode: number): NodeJS.ProcessEnv {
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    writeFileSync(join(bin, 'npm'), `#!/bin/sh\necho "$@" > "${join(dir, 'npm-args')}"\nexit ${exitCode}\n`);
    chmodSync(join(bin, 'npm'), 0o755);
    return { PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` };
  }

  function installedAt(lockTime: Date, installedTime: Date) {
    writeFileSync(join(dir, 'package-lock.json'), '{}');
    mkdirSync(join(dir, 'node_modules'));
    writeFileSync(join(dir, 'node_modules/.package-lock.json'), '{}');
    utimesSync(join(dir, 'package-lock.json'), lockTime, lockTime);
    utimesSync(join(dir, 'node_modules/.package-lock.json'), installedTime, installedTime);
  }

  test('does nothing, silently, when node_modules is newer than the lock file', () => {
    installedAt(new Date(2026, 0, 1), new Date(2026, 0, 2));
    const run = node('ensure-install.mjs', [], { cwd: dir, env: fakeNpm(0) });
    expect(run).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  test('runs npm ci without its warnings when the lock file changed, and says how long it took', () => {
    installedAt(new Date(2026, 0, 2), new Date(2026, 0, 1));
    const run = node('ensure-install.mjs', [], { cwd: dir, env: fakeNpm(0) });
    expect(run.status).toBe(0);
    expect(readFileSync(join(dir, 'npm-args'), 'utf8').trim()).toBe('ci --no-audit --no-fund --loglevel=error');
    expect(run.stdout).toContain('Installing npm packages with npm ci: about 3 minutes');
    expect(run.stdout).toMatch(/npm packages installed in \d+/);
  });

  test('passes on the exit code of a failed npm ci', () => {
    const run = node('ensure-install.mjs', [], { cwd: dir, env: fakeNpm(7) });
    expect(run.status).toBe(7);
    expect(run.stderr).toMatch(/npm ci failed after /);
  });
});

describe('ensure-browser', () => {
  test('is silent and succeeds when CHROMIUM_PATH names an existing browser and a Chinese font is there', () => {
    const browser = join(dir, 'chrome');
    writeFileSync(browser, '');
    const font = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
    const run = node('ensure-browser.mjs', [], { env: { CHROMIUM_PATH: browser } });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    // Without a Chinese font it warns (or installs one as root); only the silence depends on the machine.
    if (!font.error && font.stdout.trim() !== '') expect(run.stderr).toBe('');
  });

  test('stops with one line when CHROMIUM_PATH names nothing, and installs nothing in its place', () => {
    const run = node('ensure-browser.mjs', [], { env: { CHROMIUM_PATH: join(dir, 'no-such-browser') } });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringContaining(`CHROMIUM_PATH is ${dir}/no-such-browser`)]);
  });
});
