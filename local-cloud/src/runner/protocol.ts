/** Who an invocation runs as: what the platform puts into the function's environment. */
export interface Identity {
  openid?: string;
  appid?: string;
  unionid?: string;
  /** `wx_client` for a call from the mini-program; `…,scf` for one function calling another. */
  source?: string;
  clientIp?: string;
}

export interface WorkerSetup {
  functionName: string;
  entry: string;
  cloudUrl: string;
  env: string;
}

export interface InvokeMessage {
  type: 'invoke';
  requestId: string;
  event: unknown;
  identity: Identity;
  /** Identifies the invocation to the server on every SDK call it makes (sent as WX_API_TOKEN). */
  token: string;
  timeoutMs: number;
  /** How far the local cloud's clock is moved from the real time (0 unless a test moved it). */
  clockOffsetMs: number;
}

export type WorkerReply =
  | { type: 'ready' }
  | { type: 'loadError'; message: string }
  | { type: 'result'; requestId: string; ok: true; result: unknown }
  | { type: 'result'; requestId: string; ok: false; message: string; stack?: string };
