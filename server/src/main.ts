import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT, startAppServer } from './app';

/**
 * `node server/dist/main.js [--demo]`: the local app server. PORT (default 8787), HOST (default 127.0.0.1; 0.0.0.0
 * lets phones on the same network in, and QR codes then carry this machine's LAN address), ADMIN_PORT (the local
 * cloud's own server on 127.0.0.1: default PORT + 1), DATA_DIR (default <repo>/.local-cloud), PUBLIC_URL (what QR codes
 * and file links point at), SEED=0 to start without demo data. `--demo` turns on the demo sign-in (/dev/login): refused
 * with NODE_ENV=production, and on a HOST other than loopback unless DEMO_ON_NETWORK=1.
 */

function portFrom(name: string, fallback: number): number {
  const raw = process.env[name];
  const port = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${name} must be a port number, not ${raw}`);
  return port;
}

const isLoopback = (host: string) => host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);

/** Why the demo sign-in may not run here, or null when it may. */
function demoRefusal(host: string): string | null {
  if (process.env.NODE_ENV === 'production') {
    return 'refusing to start: --demo lets anyone sign in as anyone, and NODE_ENV is production';
  }
  if (!isLoopback(host) && process.env.DEMO_ON_NETWORK !== '1') {
    return `refusing to start: --demo on HOST=${host} lets anyone on the network sign in as anyone (set DEMO_ON_NETWORK=1 to allow it)`;
  }
  return null;
}

/** A failure nobody awaited is a bug to fix, but it must not take the server down with everyone's work in it. */
function keepServing(kind: string) {
  return (error: unknown) => {
    console.error(`${kind} (still serving):`, error instanceof Error ? (error.stack ?? error.message) : error);
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { demo: { type: 'boolean', default: false } } });
  const host = process.env.HOST || '127.0.0.1';
  if (values.demo) {
    const refusal = demoRefusal(host);
    if (refusal) {
      console.error(refusal);
      process.exit(1);
    }
  }
  const port = portFrom('PORT', 8787);
  const adminPort = portFrom('ADMIN_PORT', port === 0 || port === 65535 ? 0 : port + 1);
  const dataDir = resolve(process.env.DATA_DIR ?? join(REPO_ROOT, '.local-cloud'));
  const functionsDir = join(REPO_ROOT, 'dist-cloud');
  const h5Dir = join(REPO_ROOT, 'dist-h5');
  process.on('unhandledRejection', keepServing('unhandled rejection'));
  process.on('uncaughtException', keepServing('uncaught exception'));
  const app = await startAppServer({
    dataDir,
    port,
    host,
    adminPort,
    publicUrl: process.env.PUBLIC_URL || undefined,
    functionsDir,
    h5Dir,
    seed: process.env.SEED !== '0',
    devLogin: values.demo,
    timers: 'auto',
  });

  console.log(
    values.demo
      ? `红袖章 running at ${app.url}/ — sign in at ${app.url}/dev/login`
      : `红袖章 running at ${app.url}/ (no demo sign-in: start with --demo for it)`,
  );
  if (app.publicUrl !== app.url) console.log(`QR codes and links point at ${app.publicUrl}/`);
  console.log(`local cloud (admin API, /_dev) for tools on this machine only: ${app.adminUrl}`);
  console.log(`data: ${dataDir}`);
  if (app.seed?.seeded) {
    const c = app.seed.counts;
    console.log(
      `demo data loaded: ${c.communities} communities, ${c.units} units, ${c.members} members ` +
        `(${c.checkIns} check-ins, ${c.serviceCards} 活动证), ${c.users} users, ${c.auditLogs} audit entries`,
    );
  } else if (app.seed) {
    console.log(`demo data already present (${app.seed.counts.members} members); delete ${dataDir} to start over`);
  }
  if (!existsSync(join(functionsDir, 'user', 'index.js'))) {
    console.warn(`warning: no cloud functions in ${functionsDir} — run \`npm run build\``);
  }
  if (!existsSync(join(h5Dir, 'index.html'))) {
    console.warn(`warning: no H5 build in ${h5Dir} — run \`npm run build\``);
  }

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) {
      console.log('forced exit');
      process.exit(1);
    }
    closing = true;
    console.log(`${signal}: shutting down…`);
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
