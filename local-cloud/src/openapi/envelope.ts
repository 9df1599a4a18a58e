import protobuf from 'protobufjs';

/** The protobuf messages wx-server-sdk wraps open-API calls in (field numbers from the SDK's bundled index.js). */
const root = protobuf.parse(`
syntax = "proto3";
message KeyValuePair { string key = 1; bytes value = 2; string contenttype = 3; string filename = 4; }
message OpenApiData { repeated KeyValuePair pairs = 1; }
message CommApiData { int32 apiType = 1; OpenApiData openapiData = 2; string appid = 6; }
message HttpHeader { string key = 1; string value = 2; }
message CommOpenApiResp {
  bytes respData = 1; string contentType = 2; int32 errorCode = 3; uint32 httpCode = 4;
  repeated HttpHeader headers = 5; int32 svrkitErrorCode = 6;
}
`).root;

const CommApiData = root.lookupType('CommApiData');
const CommOpenApiResp = root.lookupType('CommOpenApiResp');

interface Pair {
  key: string;
  value?: Uint8Array;
}

/** The request's parameters, snake_case as the SDK sends them, each value parsed from its JSON bytes. */
export function decodeRequest(bytes: Uint8Array): Record<string, unknown> {
  const message = CommApiData.toObject(CommApiData.decode(bytes), { defaults: true }) as {
    openapiData?: { pairs?: Pair[] };
  };
  const params: Record<string, unknown> = {};
  for (const pair of message.openapiData?.pairs ?? []) {
    const text = Buffer.from(pair.value ?? []).toString('utf8');
    try {
      params[pair.key] = JSON.parse(text);
    } catch {
      params[pair.key] = text;
    }
  }
  return params;
}

export interface OpenApiResult {
  contentType: string;
  body: Buffer;
}

export function json(value: Record<string, unknown>): OpenApiResult {
  return { contentType: 'application/json; charset=utf-8', body: Buffer.from(JSON.stringify(value)) };
}

export function encodeResponse(result: OpenApiResult): Buffer {
  const message = CommOpenApiResp.create({
    respData: result.body,
    contentType: result.contentType,
    errorCode: 0,
    httpCode: 200,
  });
  return Buffer.from(CommOpenApiResp.encode(message).finish());
}
