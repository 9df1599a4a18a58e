import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import type { AppServer } from '../server/src/app';

/**
 * What a phone's camera reads off the staff screen: a screenshot of the rotating code, decoded. The code is redrawn
 * every few seconds, so a screenshot taken while the new image is still being decoded is read again, as a camera
 * would keep looking.
 */
export async function readSignInCode(page: Page): Promise<string> {
  const image = page.locator('img.rb-sign-in-code');
  await image.waitFor();
  for (let attempt = 1; ; attempt++) {
    await image.evaluate((img) => (img as HTMLImageElement).decode().catch(() => undefined));
    const png = PNG.sync.read(await image.screenshot());
    const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    if (code) return code.data;
    if (attempt === 5) throw new Error('the sign-in code on the staff screen does not decode');
    await page.waitForTimeout(300);
  }
}

/** Moves the functions' clock through the demo server's developer route, as a browser test may. */
export async function moveClock(app: AppServer, advanceMs: number): Promise<void> {
  const res = await fetch(`${app.url}/dev/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ advanceMs }),
  });
  if (res.status !== 200) throw new Error(`POST /dev/clock answered ${res.status}`);
}

export interface ActivityForm {
  title: string;
  place: string;
  /** YYYY-MM-DD, HH:mm, HH:mm (China time). */
  date: string;
  start: string;
  end: string;
  capacity: number;
}

/** Fills 发布活动 and publishes it; the page then offers 打开签到码. */
export async function publishActivity(page: Page, form: ActivityForm): Promise<void> {
  await page.locator('#activity-title').waitFor();
  await page.fill('#activity-title', form.title);
  await page.fill('#activity-place', form.place);
  await page.fill('#activity-date', form.date);
  await page.fill('#activity-start', form.start);
  await page.fill('#activity-end', form.end);
  await page.fill('#activity-capacity', String(form.capacity));
  await page.getByRole('button', { name: '发布活动' }).click();
  await page.getByText('活动已发布').first().waitFor({ state: 'visible', timeout: 20_000 });
}
