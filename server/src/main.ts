import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REPO_ROOT, startAppServer } from './app';

/**
 * `node server/dist/main.js`: the local app server. PORT (default 8787), HOST (default 127.0.0.1; 0.0.0.0 lets phones
 * on the same network in, and QR codes then carry this machine's LAN address), DATA_DIR (default <repo>/.local-cloud),
 * PUBLIC_URL (what QR codes and file links point at), SEED=0 to start without demo data.
 */
async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, not ${process.env.PORT}`);
  const dataDir = resolve(process.env.DATA_DIR ?? join(REPO_ROOT, '.local-cloud'));
  const functionsDir = join(REPO_ROOT, 'dist-cloud');
  const h5Dir = join(REPO_ROOT, 'dist-h5');
  const app = await startAppServer({
    dataDir,
    port,
    host: process.env.HOST || '127.0.0.1',
    publicUrl: process.env.PUBLIC_URL || undefined,
    functionsDir,
    h5Dir,
    seed: process.env.SEED !== '0',
  });

  console.log(`红袖章 running at ${app.url}/ — sign in at ${app.url}/dev/login`);
  if (app.publicUrl !== app.url) console.log(`QR codes and links point at ${app.publicUrl}/`);
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
