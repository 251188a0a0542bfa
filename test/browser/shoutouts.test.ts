// biome-ignore-all lint/performance/useDomNodeTextContent: these are Playwright locators, whose innerText() is the text a person sees
import { mkdirSync } from "node:fs";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, openPage, reportMissingChromium } from "../support/chromium";
import { sandboxPage } from "../support/sandbox-page";
import { startTestSandbox, type TestSandbox } from "../support/test-sandbox";

/**
 * Shout-outs in a real browser, through the page only, on top of the demo data: Max recognizes Pat
 * with /shoutout in #partner-acme, Pat sees it there, and Eli joins in with +1, counted once. It
 * saves the README's screenshot docs/screenshots/sandbox-shoutout.png.
 */

reportMissingChromium("test/browser/shoutouts.test.ts", "shout-outs cannot be tried in a browser");
const SCREENSHOTS = "docs/screenshots";
const WHY = "Closed the Harbor Freight renewal two weeks early & kept <!channel> out of it";

describe.skipIf(!hasChromium)("shout-outs in the sandbox page", () => {
  let running: TestSandbox;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    running = await startTestSandbox();
    ({ browser, page } = await openPage(`${running.url}/`));
    await page.locator("[data-testid=live][data-live=on]").waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  const { actAs, openChannel, type } = sandboxPage(() => page);

  const post = () => page.locator("#pane .message", { hasText: "Closed the Harbor Freight renewal" });
  /** The post's +1 button, whatever its count. */
  const plusOne = (card: Locator) => card.getByRole("button", { name: /\+1 \(\d+\)/ });

  it("posts Max's /shoutout @pat … #value in #partner-acme, mentioning Pat, with the value and +1 (0)", async () => {
    await actAs("Max Manager");
    await openChannel("partner-acme");
    await type(`/shoutout @pat ${WHY} #win-together`);

    const card = post();
    await card.waitFor();
    const text = await card.innerText();
    expect(text).toMatch(/@max gave @pat a shout-out/);
    expect(text).toContain("Win together");
    // The why is shown as typed: the markup in it pings nobody.
    expect(text).toContain("& kept <!channel> out of it");
    expect(text).not.toContain("@channel");
    expect(await plusOne(card).innerText()).toContain("+1 (0)");
  });

  it("shows Pat the shout-out in the channel, with Pat's own mention highlighted", async () => {
    await actAs("Pat Partner-A");
    await openChannel("partner-acme");
    const card = post();
    await card.waitFor();
    await card.locator(".mention-me", { hasText: "@pat" }).waitFor();
  });

  it("counts Eli's +1 once, and takes it back on a second click", async () => {
    await actAs("Eli External");
    await openChannel("partner-acme");
    const card = post();
    await card.waitFor();
    await plusOne(card).click();
    await card.getByRole("button", { name: /\+1 \(1\)/ }).waitFor();
    await plusOne(card).click();
    await card.getByRole("button", { name: /\+1 \(0\)/ }).waitFor();
    await plusOne(card).click();
    await card.getByRole("button", { name: /\+1 \(1\)/ }).waitFor();

    await card.scrollIntoViewIfNeeded();
    await page.mouse.move(1275, 795);
    await page.screenshot({ path: `${SCREENSHOTS}/sandbox-shoutout.png` });
  });
});
