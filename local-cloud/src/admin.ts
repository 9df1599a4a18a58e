import { z } from 'zod';
import type { DatabaseEngine } from './db/database';
import { CloudError } from './errors';
import { jsonTextTooDeep } from './json-limits';
import { OPENAPI_ERRORS, type OpenApiConfig, callOpenApi, wxError } from './openapi/apis';
import { decodeRequest, encodeResponse } from './openapi/envelope';
import { type FunctionRunner, type Identity, INVOKE_ERRORS } from './runner/runner';
import type { FileStorage } from './storage';

const collectionName = z.string().min(1).max(128);
const queryFields = {
  collectionName,
  queryType: z.enum(['WHERE', 'DOC']).optional(),
  query: z.unknown().optional(),
  order: z.unknown().optional(),
  offset: z.number().int().min(0).optional(),
  limit: z.number().int().min(0).optional(),
  projection: z.unknown().optional(),
  transactionId: z.string().optional(),
};
const modifyFields = {
  ...queryFields,
  data: z.unknown(),
  multi: z.boolean().optional(),
  merge: z.boolean().optional(),
  upsert: z.boolean().optional(),
};

const schemas = {
  'database.getDocument': z.object(queryFields),
  'database.calculateDocument': z.object(queryFields),
  'database.insertDocument': z.object({
    collectionName,
    data: z.array(z.unknown()).min(1).max(1000),
    transactionId: z.string().optional(),
  }),
  'database.modifyDocument': z.object(modifyFields),
  'database.modifyAndReturnDoc': z.object(modifyFields),
  'database.removeDocument': z.object({ ...queryFields, multi: z.boolean().optional() }),
  'database.aggregateDocuments': z.object({
    collectionName,
    stages: z.array(z.object({ stageKey: z.string().regex(/^\$[a-zA-Z]+$/), stageValue: z.unknown() })),
    transactionId: z.string().optional(),
  }),
  'database.addCollection': z.object({ collectionName: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/) }),
  'database.startTransaction': z.object({}),
  'database.commitTransaction': z.object({ transactionId: z.string().min(1) }),
  'database.abortTransaction': z.object({ transactionId: z.string().min(1) }),
  'storage.getUploadMetadata': z.object({ path: z.string().min(1).max(1024) }),
  'storage.batchGetDownloadUrl': z.object({
    file_list: z.array(z.object({ fileid: z.string().min(1), max_age: z.number().optional() })).max(50),
  }),
  'storage.batchDeleteFile': z.object({ fileid_list: z.array(z.string().min(1)).max(50) }),
  'storage.getFileAuthority': z.object({
    openId: z.string().optional(),
    fileList: z
      .array(z.object({ type: z.enum(['READ', 'WRITE', 'READWRITE']), path: z.string().min(1).max(1024) }))
      .max(50),
  }),
  'functions.invokeFunction': z.object({ function_name: z.string().min(1), request_data: z.string().optional() }),
} as const;

export type AdminAction = keyof typeof schemas | 'wx.openApi';

export interface AdminContext {
  db: DatabaseEngine;
  storage: FileStorage;
  runner: FunctionRunner;
  openapi: OpenApiConfig;
  /** Counts every admin call by action, whoever made it. */
  stats: Map<string, number>;
}

export type AdminReply =
  { kind: 'json'; body: Record<string, unknown> } | { kind: 'binary'; body: Buffer; contentType: string };

const TOKEN_FIELDS = [
  'wxCloudApiToken',
  'tcb_sessionToken',
  'sessionToken',
  'envName',
  'action',
  'instance',
  'database',
];

function paramsOf(body: Record<string, unknown>): Record<string, unknown> {
  const params = { ...body };
  for (const field of TOKEN_FIELDS) delete params[field];
  return params;
}

type Handler = (params: never, ctx: AdminContext, caller: Caller) => unknown;

interface Caller {
  functionName?: string;
  identity?: Identity;
  openapi?: string[];
}

const handlers: {
  [K in keyof typeof schemas]: (p: z.infer<(typeof schemas)[K]>, ctx: AdminContext, caller: Caller) => unknown;
} = {
  'database.getDocument': (p, { db }) => db.getDocument(p),
  'database.calculateDocument': (p, { db }) => db.calculateDocument(p),
  'database.insertDocument': (p, { db }) => db.insertDocument(p),
  'database.modifyDocument': (p, { db }) => db.modifyDocument(p),
  'database.modifyAndReturnDoc': (p, { db }) => db.modifyAndReturnDoc(p),
  'database.removeDocument': (p, { db }) => db.removeDocument(p),
  'database.aggregateDocuments': (p, { db }) => db.aggregateDocuments(p),
  'database.addCollection': (p, { db }) => db.addCollection(p),
  'database.startTransaction': (_p, { db }) => db.startTransaction(),
  'database.commitTransaction': (p, { db }) => db.commitTransaction(p),
  'database.abortTransaction': (p, { db }) => db.abortTransaction(p),
  'storage.getUploadMetadata': (p, { storage }) => storage.getUploadMetadata(p),
  'storage.batchGetDownloadUrl': (p, { storage }) => storage.batchGetDownloadUrl(p),
  'storage.batchDeleteFile': (p, { storage }) => storage.batchDeleteFile(p),
  'storage.getFileAuthority': (p, { storage }) =>
    storage.fileAuthority(
      p.openId ?? '',
      p.fileList.map((file) => file.path),
    ),
  'functions.invokeFunction': async (p, { runner }, caller) => {
    if (p.request_data && jsonTextTooDeep(p.request_data, runner.maxEventDepth)) {
      throw new CloudError('INVALID_PARAM', `request_data nests deeper than ${runner.maxEventDepth} levels`);
    }
    const event = p.request_data ? (JSON.parse(p.request_data) as unknown) : {};
    const identity: Identity = { ...caller.identity, source: `${caller.identity?.source ?? 'wx_unknown'},scf` };
    const { outcome } = await runner.invoke(p.function_name, event, identity);
    if (!outcome.ok) {
      const code =
        outcome.errCode === INVOKE_ERRORS.notFound
          ? 'FUNCTION_NOT_FOUND'
          : outcome.errCode === INVOKE_ERRORS.invalidParam
            ? 'INVALID_PARAM'
            : 'FUNCTIONS_EXECUTE_FAIL';
      throw new CloudError(code, outcome.errMsg);
    }
    return { response_data: JSON.stringify(outcome.result) };
  },
};

/** Actions whose answer sits at the top level of the body rather than under `data`. */
const TOP_LEVEL = new Set(['database.startTransaction']);

/** Serves one admin API request: validates it, finds the invocation that made it, and runs the action. */
export async function dispatch(
  body: Record<string, unknown>,
  ctx: AdminContext,
  rawOpenApiRequest?: Buffer,
): Promise<AdminReply> {
  const action = String(body.action ?? '');
  ctx.stats.set(action, (ctx.stats.get(action) ?? 0) + 1);
  const invocation = ctx.runner.invocation(typeof body.wxCloudApiToken === 'string' ? body.wxCloudApiToken : undefined);
  if (invocation) invocation.calls[action] = (invocation.calls[action] ?? 0) + 1;
  const caller: Caller = {
    functionName: invocation?.functionName,
    identity: invocation?.identity,
    openapi: invocation?.openapi,
  };

  if (action === 'wx.openApi') {
    const apiName = String(body.apiName ?? '');
    const result =
      caller.functionName && !caller.openapi?.includes(apiName)
        ? wxError(
            OPENAPI_ERRORS.noPermission,
            `function ${caller.functionName} has no permission to call ${apiName}: add it to config.json permissions.openapi`,
          )
        : await callOpenApi(
            apiName,
            { params: decodeRequest(rawOpenApiRequest ?? Buffer.alloc(0)), fromFunction: caller.functionName },
            ctx.openapi,
          );
    return { kind: 'binary', contentType: 'application/octet-stream', body: encodeResponse(result) };
  }

  if (!(action in schemas)) {
    throw new CloudError('ACTION_NOT_SUPPORTED', `action ${action} is not served by the local cloud`);
  }
  const key = action as keyof typeof schemas;
  const parsed = schemas[key].safeParse(paramsOf(body));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CloudError('INVALID_PARAM', `${action}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}`);
  }
  const handler = handlers[key] as unknown as Handler;
  const data = (await handler(parsed.data as never, ctx, caller)) as Record<string, unknown>;
  return { kind: 'json', body: TOP_LEVEL.has(action) ? { ...data } : { data } };
}
