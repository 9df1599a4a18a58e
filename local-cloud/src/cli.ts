import { parseArgs } from 'node:util';
import { startLocalCloud } from './index';

const USAGE = `wx-local-cloud — a local WeChat cloud for the unmodified wx-server-sdk

Options:
  --port <n>          port (default: $PORT or 8787; 0 picks a free one)
  --host <addr>       address to listen on (default 127.0.0.1)
  --data <dir>        data folder (default .local-cloud)
  --manifest <file>   collections and indexes (JSON)
  --functions <dir>   folder of built functions, one folder each with index.js
  --env <id>          environment id (default local-env)
  --public-url <url>  where browsers reach this server
  --reset             empty the database, storage and outbox before starting
`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      manifest: { type: 'string' },
      functions: { type: 'string' },
      env: { type: 'string' },
      'public-url': { type: 'string' },
      reset: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const cloud = await startLocalCloud({
    port: Number(values.port ?? process.env.PORT ?? 8787),
    host: values.host,
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
      `  point wx-server-sdk here with TCB_CONTEXT_CNFG='{"URL":"${info.adminUrl}"}' TENCENTCLOUD_RUNENV=SCF`,
      '',
    ].join('\n'),
  );
  const stop = () => {
    void cloud.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
