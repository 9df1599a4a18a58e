import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';

/** The JavaScript a browser loads for the first page, raw and as gzip would send it. */
export async function firstPageScripts(page: Page, url: string): Promise<{ files: number; raw: number; gzip: number }> {
  const bodies: Array<Promise<Buffer>> = [];
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') bodies.push(response.body());
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  const scripts = await Promise.all(bodies);
  return {
    files: scripts.length,
    raw: scripts.reduce((sum, body) => sum + body.length, 0),
    gzip: scripts.reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0),
  };
}
