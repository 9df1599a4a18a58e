import { parentPort, workerData } from 'node:worker_threads';
import { sdkEnvironment } from '../sdk-environment';
import type { InvokeMessage, WorkerReply, WorkerSetup } from './protocol';

type Main = (event: unknown, context: Record<string, unknown>) => unknown;

const setup = workerData as WorkerSetup;
const port = parentPort;
if (!port) throw new Error('worker.ts runs only as a worker thread');

// What the cloud's function instance has in its environment, pointed at the local server. process.env is this
// thread's own copy, so each worker (one invocation at a time) has its own identity.
Object.assign(process.env, sdkEnvironment(setup.cloudUrl, setup.env), {
  SCF_FUNCTIONNAME: setup.functionName,
  TENCENTCLOUD_SESSIONTOKEN: 'local-session-token',
  // The SDK copies only the variables named here into its context; WX_API_TOKEN becomes each call's wxCloudApiToken.
  WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID,WX_CLIENTIP,WX_CLIENTIPV6,WX_API_TOKEN',
});

const send = (reply: WorkerReply) => port.postMessage(reply);

// The local cloud's clock: each invocation runs at the real time moved by the cloud's offset (one invocation at a
// time per worker, so the offset is this invocation's own).
const realNow = Date.now.bind(Date);
let clockOffsetMs = 0;
Date.now = () => realNow() + clockOffsetMs;

let main: Main;
try {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(setup.entry) as { main?: Main };
  if (typeof mod.main !== 'function') throw new Error(`${setup.entry} exports no main(event, context)`);
  main = mod.main;
  send({ type: 'ready' });
} catch (error) {
  send({ type: 'loadError', message: error instanceof Error ? error.message : String(error) });
}

port.on('message', async (message: InvokeMessage) => {
  const { identity } = message;
  process.env.WX_OPENID = identity.openid ?? '';
  process.env.WX_APPID = identity.appid ?? '';
  process.env.WX_UNIONID = identity.unionid ?? '';
  process.env.WX_CLIENTIP = identity.clientIp ?? '';
  process.env.WX_CLIENTIPV6 = '';
  process.env.TCB_SOURCE = identity.source ?? '';
  process.env.WX_API_TOKEN = message.token;
  clockOffsetMs = message.clockOffsetMs;
  const context = {
    callbackWaitsForEmptyEventLoop: false,
    request_id: message.requestId,
    function_name: setup.functionName,
    function_version: '$LATEST',
    namespace: setup.env,
    memory_limit_in_mb: 256,
    time_limit_in_ms: message.timeoutMs,
    environment: JSON.stringify({ TCB_ENV: setup.env, SCF_NAMESPACE: setup.env }),
  };
  try {
    const result = await main(message.event, context);
    // The platform carries results as JSON: Dates become strings and undefined disappears, as in the cloud.
    const wire = result === undefined ? null : (JSON.parse(JSON.stringify(result)) as unknown);
    send({ type: 'result', requestId: message.requestId, ok: true, result: wire });
  } catch (error) {
    const err = error instanceof Error ? error : new Error(JSON.stringify(error));
    send({ type: 'result', requestId: message.requestId, ok: false, message: err.message, stack: err.stack });
  }
});
