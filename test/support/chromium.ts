import { existsSync } from "node:fs";
import { type Browser, chromium, type Page } from "playwright-core";

/** Debian's Chromium: playwright cannot download its own browser here, so the tests use this one. */
export const CHROMIUM = "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);

/**
 * Says, when the file's tests are collected, why they will be skipped: a skipped test must never
 * pass silently. `.ci/run` installs Chromium, so CI always runs them.
 */
export function reportMissingChromium(file: string, what: string): void {
  if (hasChromium) return;
  console.warn(
    `[${file}] SKIPPED: ${CHROMIUM} is not installed, so ${what}. Install it with: apt-get install -y chromium`,
  );
}

/** Headless, and without the background networking this closed machine refuses anyway. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** A 1280x800 page (the size the README's screenshots are taken at) on `url`. */
export async function openPage(url: string): Promise<{ browser: Browser; page: Page }> {
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(url);
  return { browser, page };
}
