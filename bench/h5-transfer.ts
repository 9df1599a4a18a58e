import type { Page } from 'playwright-core';

/** The JavaScript a browser loads for the first page: bytes on the wire (as the server sends them) and unpacked. */
export async function firstPageScripts(
  page: Page,
  url: string,
): Promise<{ files: number; transferred: number; raw: number; encodings: string[] }> {
  const seen: Array<Promise<{ transferred: number; raw: number; encoding: string }>> = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    seen.push(
      (async () => ({
        transferred: (await response.request().sizes()).responseBodySize,
        raw: (await response.body()).length,
        encoding: (await response.headerValue('content-encoding')) ?? 'identity',
      }))(),
    );
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  const scripts = await Promise.all(seen);
  return {
    files: scripts.length,
    transferred: scripts.reduce((sum, s) => sum + s.transferred, 0),
    raw: scripts.reduce((sum, s) => sum + s.raw, 0),
    encodings: [...new Set(scripts.map((s) => s.encoding))],
  };
}
