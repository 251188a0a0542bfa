// biome-ignore-all lint/performance/useDomNodeTextContent: these are Playwright locators, whose innerText() is the text a person sees
import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, openPage, reportMissingChromium } from "../support/chromium";
import { sandboxPage } from "../support/sandbox-page";
import { startTestSandbox, type TestSandbox } from "../support/test-sandbox";

/**
 * The weekly digest in a real browser, through the page only, on top of the demo data (#sales is
 * subscribed): Ada clicks Run scheduled jobs now, and #sales shows the digest with its sections
 * and the leaderboard chart the app drew and uploaded; a second click posts nothing more. Max runs
 * /hub digest preview in #sales and only he sees it. It saves the README's screenshot
 * docs/screenshots/sandbox-digest.png.
 */

reportMissingChromium("test/browser/digest.test.ts", "the weekly digest cannot be tried in a browser");
const SCREENSHOTS = "docs/screenshots";

describe.skipIf(!hasChromium)("the weekly digest in the sandbox page", () => {
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

  const { actAs, openChannel, type, screenshot } = sandboxPage(() => page);
  /** The digests posted in the open channel, for everyone (a preview is ephemeral). */
  const posted = () =>
    page
      .locator("#pane .message:not(.ephemeral)")
      .filter({ has: page.locator(".block-header", { hasText: "Weekly digest" }) });

  it("posts the digest in #sales when Ada runs the scheduled jobs, with its sections and the chart", async () => {
    await actAs("Ada Admin");
    await openChannel("sales");
    // At start the scheduler may have posted this week's digest already (a Monday after 09:00 in Berlin).
    const before = await posted().count();
    await page.getByRole("button", { name: "Run scheduled jobs now" }).click();
    await page.locator(".toast", { hasText: /^Scheduled jobs ran: .*the weekly digest posted in #sales\.$/ }).waitFor();

    await expect.poll(() => posted().count(), { timeout: 10_000 }).toBe(before + 1);
    const digest = posted().last();
    const image = digest.locator(".block-image img[src^='/sandbox/files/F']");
    await image.waitFor();
    // The bytes the app uploaded reached the page: a decoded PNG of a real size.
    await page.waitForFunction(
      (element) => element instanceof HTMLImageElement && element.complete && element.naturalWidth > 300,
      await image.elementHandle(),
    );
    const text = await digest.innerText();
    for (const section of ["New registrations", "Conflicts to resolve", "Deals won", "Leaderboard of the week"]) {
      expect(text).toContain(section);
    }
    expect(text).toMatch(/Goal progress|Behind pace/);
    expect(text).toContain("Amounts in USD.");
    // Long lists are cut at five, saying how many more there are.
    expect(text).toMatch(/and \d+ more/);

    // The digest from its title down to the chart, as a person in #sales reads it, once the note
    // about the jobs (a toast of 5 s) has gone from over it.
    await page.locator(".toast").first().waitFor({ state: "detached", timeout: 8_000 });
    await digest.evaluate((element) => element.scrollIntoView({ block: "start" }));
    await screenshot("sandbox-digest");
  });

  it("posts nothing more on a second click the same day", async () => {
    const count = await posted().count();
    await page.getByRole("button", { name: "Run scheduled jobs now" }).click();
    await page.locator(".toast", { hasText: /^Scheduled jobs ran: nothing was due/ }).waitFor();
    // Give a wrongly queued post the time the outbox needs to deliver it.
    await page.waitForTimeout(1_500);
    expect(await posted().count()).toBe(count);
  });

  it("shows Max the digest as it would look now with /hub digest preview, for his eyes only", async () => {
    await actAs("Max Manager");
    await openChannel("sales");
    await type("/hub digest preview");
    const preview = page
      .locator("#pane .message.ephemeral")
      .filter({ has: page.locator(".block-header", { hasText: "Weekly digest" }) })
      .last();
    await preview.waitFor();
    const text = await preview.innerText();
    expect(text).toContain("Preview: only you see this.");
    expect(text).toContain("New registrations");
    // Nothing was posted for the channel: the preview is Max's alone.
    const previews = (userId: string) =>
      running.sandbox.fake
        .channelMessages("C0SALES", { userId })
        .filter((message) => JSON.stringify(message.blocks).includes("Preview: only you see this"));
    expect(previews("U0MANAGER").length).toBeGreaterThan(0);
    expect(previews("U0ADMIN")).toEqual([]);
  });
});
