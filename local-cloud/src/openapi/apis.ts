import { randomBytes } from 'node:crypto';
import QRCode from 'qrcode';
import { z } from 'zod';
import { type OpenApiResult, json } from './envelope';

export interface OutboxMessage {
  id: string;
  sentAt: string;
  /** The function that sent it, when the call came from a function invocation. */
  fromFunction?: string;
  touser: string;
  templateId: string;
  page?: string;
  data: Record<string, { value: string }>;
  miniprogramState?: string;
  lang?: string;
}

export interface OpenApiConfig {
  /** The URL a mini-program code encodes for the browser build, given the code's page and scene. */
  qrUrl: (page: string, scene: string) => string;
  /** Words that make security.msgSecCheck answer `risky`. */
  blockedWords: string[];
  /** Records what subscribeMessage.send delivered. */
  deliver: (message: OutboxMessage) => void;
}

export interface OpenApiCall {
  params: Record<string, unknown>;
  fromFunction?: string;
}

type Handler = (call: OpenApiCall, config: OpenApiConfig) => Promise<OpenApiResult>;

export const wxError = (errcode: number, errmsg: string) => json({ errcode, errmsg });

/** The cloud's own refusals of an open API call (the APIs' own errcodes sit beside their checks). */
export const OPENAPI_ERRORS = { notServed: -604100, noPermission: -604101 } as const;

const getUnlimitedSchema = z.object({
  scene: z
    .string()
    .min(1)
    .max(32)
    .regex(/^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]+$/),
  page: z
    .string()
    .regex(/^[^/?][^?]*$/)
    .optional(),
  check_path: z.boolean().optional(),
  env_version: z.enum(['release', 'trial', 'develop']).optional(),
  width: z.number().int().min(280).max(1280).optional(),
  is_hyaline: z.boolean().optional(),
});

const msgSecCheckSchema = z.object({
  content: z.string().max(2500),
  version: z.literal(2),
  openid: z.string().min(1),
  scene: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  title: z.string().optional(),
  nickname: z.string().optional(),
  signature: z.string().optional(),
});

const subscribeSchema = z.object({
  touser: z.string().min(1),
  template_id: z.string().min(1),
  page: z.string().optional(),
  data: z.record(z.string(), z.object({ value: z.union([z.string(), z.number()]) })),
  miniprogram_state: z.enum(['developer', 'trial', 'formal']).optional(),
  lang: z.string().optional(),
});

const phoneSchema = z.object({ code: z.string().min(1) });

/** Codes drawn lately, by URL and width: a community's code is asked for again and again, and never changes. */
const drawnCodes = new Map<string, Buffer>();
const DRAWN_CODES_KEPT = 64;

/**
 * A QR code as a PNG. Grayscale (a QR code has no colour) makes the encoder filter and compress a quarter of the
 * bytes: about 15 ms a code instead of 47 ms on a 2-core machine, and a smaller file.
 */
async function drawQrCode(text: string, width: number): Promise<Buffer> {
  const key = `${width}\n${text}`;
  const kept = drawnCodes.get(key);
  if (kept) return kept;
  const png = await QRCode.toBuffer(text, {
    type: 'png',
    width,
    margin: 2,
    errorCorrectionLevel: 'M',
    // qrcode hands rendererOpts to pngjs, whose colorType 0 is grayscale (@types/qrcode lists only deflate's).
    rendererOpts: { colorType: 0 },
  } as QRCode.QRCodeToBufferOptions);
  if (drawnCodes.size >= DRAWN_CODES_KEPT) drawnCodes.delete(drawnCodes.keys().next().value as string);
  drawnCodes.set(key, png);
  return png;
}

/** Fills a URL template: `{base}` (the server's public URL), `{page}` and `{scene}` (URI-encoded). */
export function fillQrTemplate(template: string, base: string, page: string, scene: string): string {
  return template.replace('{base}', base).replace('{page}', page).replace('{scene}', encodeURIComponent(scene));
}

const handlers: Record<string, Handler> = {
  async 'wxacode.getUnlimited'({ params }, config) {
    const parsed = getUnlimitedSchema.safeParse(params);
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path[0];
      return field === 'page' ? wxError(41030, 'invalid page') : wxError(40169, `invalid ${String(field)}`);
    }
    const { scene, page = 'pages/index/index', width = 430 } = parsed.data;
    return { contentType: 'image/png', body: await drawQrCode(config.qrUrl(page, scene), width) };
  },

  async 'security.msgSecCheck'({ params }, config) {
    const parsed = msgSecCheckSchema.safeParse(params);
    if (!parsed.success) return wxError(40003, `invalid args: ${parsed.error.issues[0]?.message ?? ''}`);
    const text = [parsed.data.content, parsed.data.title, parsed.data.nickname, parsed.data.signature].join('\n');
    const keyword = config.blockedWords.find((word) => word && text.includes(word));
    const verdict = keyword ? { suggest: 'risky', label: 20001 } : { suggest: 'pass', label: 100 };
    return json({
      errcode: 0,
      errmsg: 'ok',
      trace_id: randomBytes(12).toString('hex'),
      result: verdict,
      detail: [{ strategy: 'keyword', errcode: 0, ...verdict, keyword: keyword ?? '', prob: keyword ? 90 : 0 }],
    });
  },

  async 'subscribeMessage.send'({ params, fromFunction }, config) {
    const parsed = subscribeSchema.safeParse(params);
    if (!parsed.success) return wxError(47003, `argument invalid! ${parsed.error.issues[0]?.message ?? ''}`);
    const { touser, template_id, page, data, miniprogram_state, lang } = parsed.data;
    const message: OutboxMessage = {
      id: randomBytes(8).toString('hex'),
      sentAt: new Date().toISOString(),
      fromFunction,
      touser,
      templateId: template_id,
      page,
      data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, { value: String(v.value) }])),
      miniprogramState: miniprogram_state,
      lang,
    };
    config.deliver(message);
    return json({ errcode: 0, errmsg: 'ok', msgid: message.id });
  },

  /** Locally a phone code of 11 digits stands for that number (there is no WeChat client to issue real codes). */
  async 'phonenumber.getPhoneNumber'({ params }) {
    const parsed = phoneSchema.safeParse(params);
    if (!parsed.success || !/^1\d{10}$/.test(parsed.data.code)) return wxError(40029, 'invalid code');
    const phone = parsed.data.code;
    return json({
      errcode: 0,
      errmsg: 'ok',
      phone_info: {
        phoneNumber: phone,
        purePhoneNumber: phone,
        countryCode: '86',
        watermark: { timestamp: Math.floor(Date.now() / 1000), appid: 'local' },
      },
    });
  },
};

export const supportedApis = Object.keys(handlers);

export async function callOpenApi(apiName: string, call: OpenApiCall, config: OpenApiConfig): Promise<OpenApiResult> {
  const handler = handlers[apiName];
  if (!handler) return wxError(OPENAPI_ERRORS.notServed, `API ${apiName} is not served by the local cloud`);
  return handler(call, config);
}
