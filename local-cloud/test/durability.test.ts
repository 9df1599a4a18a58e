import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Sdk, rejection } from 'wx-local-cloud/testing';

const BIN = join(__dirname, '..', 'bin', 'wx-local-cloud.js');
const ENV = 'local-env';

let root: string;
let dataDir: string;
let manifestPath: string;
const children = new Set<ChildProcess>();

interface Server {
  child: ChildProcess;
  url: string;
  stdout: () => string;
}

const running = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

function exited(child: ChildProcess): Promise<void> {
  if (!running(child)) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Spawns the CLI and waits for its "listening on" line; points this file's SDK at it. */
function startServer(extraArgs: string[] = []): Promise<Server> {
  const child = spawn(
    process.execPath,
    [BIN, '--port', '0', '--data', dataDir, '--manifest', manifestPath, ...extraArgs],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.add(child);
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the CLI did not start in time\n${out}\n${err}`)), 30000);
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString('utf8');
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const match = /wx-local-cloud listening on (http:\/\/127\.0\.0\.1:(\d+))/.exec(out);
      if (match) {
        clearTimeout(timer);
        process.env.TCB_CONTEXT_CNFG = JSON.stringify({ URL: `${match[1]}/admin` });
        resolve({ child, url: match[1], stdout: () => out });
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the CLI exited (${code ?? signal}) before listening\n${out}\n${err}`));
    });
  });
}

async function kill9(server: Server): Promise<void> {
  server.child.kill('SIGKILL');
  await exited(server.child);
  expect(server.child.signalCode).toBe('SIGKILL');
}

let sdk: Sdk;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let db: any;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'local-cloud-durability-'));
  dataDir = join(root, 'data');
  mkdirSync(dataDir);
  manifestPath = join(root, 'manifest.json');
  writeFileSync(
    manifestPath,
    JSON.stringify({
      collections: [
        { name: 'notes', indexes: [{ name: 'slug_unique', keys: { slug: 1 }, unique: true }] },
        { name: 'counters', indexes: [] },
        { name: 'accounts', indexes: [] },
      ],
    }),
  );
  Object.assign(process.env, {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: 'http://127.0.0.1:9/admin' }),
    TENCENTCLOUD_RUNENV: 'SCF',
    TENCENTCLOUD_REGION: 'ap-shanghai',
    TCB_ENV: ENV,
    SCF_NAMESPACE: ENV,
    TENCENTCLOUD_SECRETID: 'dummy-secret-id',
    TENCENTCLOUD_SECRETKEY: 'dummy-secret-key',
    SILENCE: 'true',
  });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  sdk = require('wx-server-sdk') as Sdk;
  sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV });
  db = sdk.database();
});

afterAll(async () => {
  for (const child of children) {
    if (running(child)) child.kill('SIGKILL');
    await exited(child);
  }
  rmSync(root, { recursive: true, force: true });
});

describe('kill -9 and restart on the same data folder', () => {
  const written: {
    noteId?: string;
    fileID?: string;
    fileBytes?: Buffer;
  } = {};
  const when = new Date('2024-10-01T07:01:00.000Z');

  test('writes through the first server: an add, _.inc updates, a committed and an aborted transaction', async () => {
    const first = await startServer();

    const { _id } = await db
      .collection('notes')
      .add({ data: { slug: 'first', title: '报到', tags: ['a', 'b'], at: when } });
    written.noteId = _id;

    await db.collection('counters').add({ data: { _id: 'visits', n: 0 } });
    await Promise.all(
      Array.from({ length: 7 }, () =>
        db
          .collection('counters')
          .doc('visits')
          .update({ data: { n: db.command.inc(1) } }),
      ),
    );

    await db.collection('accounts').add({ data: { _id: 'a', balance: 100 } });
    await db.collection('accounts').add({ data: { _id: 'b', balance: 0 } });
    const moved = await db.runTransaction(async (tx: Sdk) => {
      const a = await tx.collection('accounts').doc('a').get();
      await tx
        .collection('accounts')
        .doc('a')
        .update({ data: { balance: a.data.balance - 30 } });
      await tx
        .collection('accounts')
        .doc('b')
        .update({ data: { balance: db.command.inc(30) } });
      return 'moved';
    });
    expect(moved).toBe('moved');

    const aborted = await rejection(
      db.runTransaction(async (tx: Sdk) => {
        await tx
          .collection('accounts')
          .doc('a')
          .update({ data: { balance: 0 } });
        await tx.rollback('changed my mind');
      }),
    );
    // The SDK rejects with the value given to rollback().
    expect(aborted as unknown).toBe('changed my mind');

    written.fileBytes = Buffer.from(`kept across a crash ${Date.now()}`);
    written.fileID = (
      (await sdk.uploadFile({ cloudPath: 'crash/kept.txt', fileContent: written.fileBytes })) as { fileID: string }
    ).fileID;
    await sdk.openapi.subscribeMessage.send({
      touser: 'o-durable',
      templateId: 'TPL_DURABLE',
      data: { thing1: { value: 'kept' } },
    });

    // Control: everything is visible before the crash.
    expect((await db.collection('counters').doc('visits').get()).data.n).toBe(7);
    expect((await db.collection('accounts').doc('a').get()).data.balance).toBe(70);

    await kill9(first);
    await expect(db.collection('notes').count()).rejects.toBeDefined();
  });

  test('a new server on the same folder reads everything back', async () => {
    expect(written.noteId).toBeDefined();
    const second = await startServer();

    const note = await db.collection('notes').doc(written.noteId).get();
    expect(note.data).toEqual({ _id: written.noteId, slug: 'first', title: '报到', tags: ['a', 'b'], at: when });
    expect((await db.collection('notes').count()).total).toBe(1);

    expect((await db.collection('counters').doc('visits').get()).data.n).toBe(7);

    const accounts = await db.collection('accounts').orderBy('_id', 'asc').get();
    expect(accounts.data).toEqual([
      { _id: 'a', balance: 70 },
      { _id: 'b', balance: 30 },
    ]);

    // The unique index still holds after the restart.
    await expect(db.collection('notes').add({ data: { slug: 'first', title: 'duplicate' } })).rejects.toBeDefined();
    expect((await db.collection('notes').count()).total).toBe(1);

    const { fileContent } = (await sdk.downloadFile({ fileID: written.fileID })) as { fileContent: Buffer };
    expect(fileContent.equals(written.fileBytes as Buffer)).toBe(true);

    const outbox = (await (await fetch(`${second.url}/_dev/outbox?touser=o-durable`)).json()) as {
      messages: { templateId: string }[];
    };
    expect(outbox.messages.map((m) => m.templateId)).toEqual(['TPL_DURABLE']);

    // A write after the restart survives a second crash too.
    await db
      .collection('counters')
      .doc('visits')
      .update({ data: { n: db.command.inc(1) } });
    await kill9(second);
    await startServer();
    expect((await db.collection('counters').doc('visits').get()).data.n).toBe(8);
  });

  test('a --reset start empties the database, storage and outbox but keeps the collections', async () => {
    for (const child of children) if (running(child)) child.kill('SIGKILL');
    await Promise.all([...children].map(exited));

    const fresh = await startServer(['--reset']);
    expect((await db.collection('notes').count()).total).toBe(0);
    expect((await db.collection('counters').count()).total).toBe(0);
    expect((await db.collection('accounts').count()).total).toBe(0);

    const temp = (await sdk.getTempFileURL({ fileList: [written.fileID] })) as { fileList: { status: number }[] };
    expect(temp.fileList[0].status).not.toBe(0);

    const outbox = (await (await fetch(`${fresh.url}/_dev/outbox`)).json()) as { messages: unknown[] };
    expect(outbox.messages).toEqual([]);

    // The collections exist again and take writes; the unique index is back in force.
    await db.collection('notes').add({ data: { slug: 'after-reset' } });
    await expect(db.collection('notes').add({ data: { slug: 'after-reset' } })).rejects.toBeDefined();
    expect((await db.collection('notes').count()).total).toBe(1);
  });

  test('SIGTERM stops the server cleanly and a restart without --reset keeps the data', async () => {
    for (const child of children) if (running(child)) child.kill('SIGKILL');
    await Promise.all([...children].map(exited));

    const server = await startServer();
    await db.collection('notes').add({ data: { slug: 'before-sigterm' } });
    server.child.kill('SIGTERM');
    await exited(server.child);
    expect(server.child.exitCode).toBe(0);

    await startServer();
    const { data } = await db.collection('notes').where({ slug: 'before-sigterm' }).get();
    expect(data).toHaveLength(1);
    expect((await db.collection('notes').count()).total).toBe(2);
  });
});

describe('command line', () => {
  test('--help prints the usage and exits without starting a server', () => {
    const res = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8', timeout: 20000 });
    expect(res.status).toBe(0);
    expect(res.stdout).toContain('wx-local-cloud');
    for (const option of ['--port', '--data', '--manifest', '--functions', '--reset']) {
      expect(res.stdout).toContain(option);
    }
    expect(res.stdout).not.toContain('listening on');
  });

  test('an unknown option fails with a non-zero exit code', () => {
    const res = spawnSync(process.execPath, [BIN, '--no-such-option'], { encoding: 'utf8', timeout: 20000 });
    expect(res.status).not.toBe(0);
    expect(res.stdout).not.toContain('listening on');
  });

  test('the startup banner names the data folder and the admin URL', async () => {
    for (const child of children) if (running(child)) child.kill('SIGKILL');
    await Promise.all([...children].map(exited));
    const server = await startServer();
    expect(server.stdout()).toContain(`${server.url}/admin`);
    expect(server.stdout()).toContain(dataDir);
  });
});
