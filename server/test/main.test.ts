import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../src/app';

/**
 * Issue 7, item 3, as `npm start` runs it: `node server/dist/main.js` (built by `npm run build:server`) has the demo
 * sign-in only with `--demo`, refuses `--demo` in production, and on a network address unless DEMO_ON_NETWORK=1.
 */

const MAIN = join(REPO_ROOT, 'server', 'dist', 'main.js');
const children = new Set<ChildProcess>();
let dataDir: string;

beforeAll(() => {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run npm run build:server first`);
  dataDir = mkdtempSync(join(tmpdir(), 'rb-main-test-'));
});
afterAll(async () => {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  }
  rmSync(dataDir, { recursive: true, force: true });
});

interface Run {
  child: ChildProcess;
  /** Resolves with the app's URL once it prints it, or with the exit code and what it wrote if it exits first. */
  outcome: Promise<{ url: string } | { code: number | null; stderr: string }>;
}

function run(args: string[], env: Record<string, string>): Run {
  const child = spawn(process.execPath, [MAIN, ...args], {
    env: { ...process.env, PORT: '0', ADMIN_PORT: '0', SEED: '0', DATA_DIR: dataDir, NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let stdout = '';
  let stderr = '';
  const outcome = new Promise<{ url: string } | { code: number | null; stderr: string }>((resolve) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const match = /红袖章 running at (http:\/\/[^/ ]+)\//.exec(stdout);
      if (match) resolve({ url: match[1] });
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.once('exit', (code) => resolve({ code, stderr }));
  });
  return { child, outcome };
}

async function stop({ child }: Run): Promise<void> {
  child.kill('SIGTERM');
  if (child.exitCode === null) await new Promise((resolve) => child.once('exit', resolve));
}

test('--demo on a network HOST refuses to start, saying why in one line', async () => {
  const outcome = await run(['--demo'], { HOST: '0.0.0.0' }).outcome;
  expect(outcome).toMatchObject({ code: 1 });
  const { stderr } = outcome as { stderr: string };
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).toContain('DEMO_ON_NETWORK=1');
});

test('--demo with NODE_ENV=production refuses to start, even on loopback and with DEMO_ON_NETWORK=1', async () => {
  const outcome = await run(['--demo'], { NODE_ENV: 'production', HOST: '127.0.0.1', DEMO_ON_NETWORK: '1' }).outcome;
  expect(outcome).toMatchObject({ code: 1 });
  const { stderr } = outcome as { stderr: string };
  expect(stderr.trim().split('\n')).toHaveLength(1);
  expect(stderr).toContain('production');
});

test('--demo with DEMO_ON_NETWORK=1 on a network HOST starts, with the sign-in', async () => {
  const server = run(['--demo'], { HOST: '0.0.0.0', DEMO_ON_NETWORK: '1' });
  try {
    const outcome = await server.outcome;
    expect(outcome).toHaveProperty('url');
    const { url } = outcome as { url: string };
    expect((await fetch(`${url}/dev/login`)).status).toBe(200);
  } finally {
    await stop(server);
  }
});

test('without --demo the server starts with no sign-in at all', async () => {
  const server = run([], { HOST: '127.0.0.1', NODE_ENV: 'production' });
  try {
    const outcome = await server.outcome;
    expect(outcome).toHaveProperty('url');
    const { url } = outcome as { url: string };
    const page = await fetch(`${url}/dev/login`);
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('演示登录没有开启');
  } finally {
    await stop(server);
  }
});
