import { parseArgs } from 'node:util';
import { startLocalCloud } from './index';

const USAGE = `wx-local-cloud — a local WeChat cloud for the unmodified wx-server-sdk

Options:
  --port <n>          port on 127.0.0.1 (default: $PORT or 8787; 0 picks a free one)
  --data <dir>        data folder (default .local-cloud)
  --manifest <file>   collections and indexes (JSON)
  --functions <dir>   folder of built functions, one folder each with index.js
  --env <id>          environment id (default local-env)
  --public-url <url>  where temporary file URLs and QR codes point
  --reset             empty the database, storage and outbox before starting
  --timers <mode>     auto (default): run the functions' timer triggers (config.json "triggers", China time) as
                      they fall due; manual: only when asked (POST /_dev/triggers/<name>/fire)

It listens on 127.0.0.1 only and answers only tools on this machine: a request with an Origin header (a web page),
a Host other than 127.0.0.1/localhost:<port>, or a body that is not JSON or multipart is refused.
`;

/** A failure nobody awaited is a bug to fix, but it must not take the cloud down with everyone's work in it. */
function keepServing(kind: string) {
  return (error: unknown) => {
    process.stderr.write(
      `wx-local-cloud: ${kind} (still serving): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      data: { type: 'string' },
      manifest: { type: 'string' },
      functions: { type: 'string' },
      env: { type: 'string' },
      'public-url': { type: 'string' },
      reset: { type: 'boolean' },
      timers: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const timers = values.timers ?? 'auto';
  if (timers !== 'auto' && timers !== 'manual') throw new Error(`--timers takes auto or manual, not ${timers}`);
  const cloud = await startLocalCloud({
    timers,
    port: Number(values.port ?? process.env.PORT ?? 8787),
    dataDir: values.data ?? '.local-cloud',
    manifest: values.manifest,
    functionsDir: values.functions,
    env: values.env,
    publicUrl: values['public-url'],
  });
  if (values.reset) cloud.reset();
  const info = cloud.describe();
  process.stdout.write(
    [
      `wx-local-cloud listening on ${info.url}`,
      `  admin API:  ${info.adminUrl}`,
      `  port:       ${new URL(info.url).port}`,
      `  data:       ${info.dataDir}`,
      `  env:        ${info.env}`,
      `  functions:  ${info.functions.join(', ') || '(none)'}`,
      `  timers:     ${info.triggers.map((t) => `${t.functionName}/${t.name} "${t.cron}" next ${t.nextRun ?? 'never'}`).join('; ') || '(none)'}${timers === 'manual' ? ' (manual: POST /_dev/triggers/<name>/fire)' : ''}`,
      `  point wx-server-sdk here with TCB_CONTEXT_CNFG='{"URL":"${info.adminUrl}"}' TENCENTCLOUD_RUNENV=SCF`,
      '  only tools on this machine are answered (127.0.0.1, no Origin header)',
      '',
    ].join('\n'),
  );
  const stop = () => {
    void cloud.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.on('unhandledRejection', keepServing('unhandled rejection'));
  process.on('uncaughtException', keepServing('uncaught exception'));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
