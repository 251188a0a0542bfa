// biome-ignore-all lint/performance/useDomNodeTextContent: these are Playwright locators, whose innerText() is the text a person sees
import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, openPage, reportMissingChromium } from "../support/chromium";
import { sandboxPage } from "../support/sandbox-page";
import { startTestSandbox, type TestSandbox } from "../support/test-sandbox";

/**
 * The leaderboard and goals in a real browser, through the page only, on top of the demo data
 * (demo goals included): Eli, a Slack Connect guest of Acme, opens the leaderboard and Acme's goals
 * from the launcher in #partner-acme; Max runs /leaderboard month in #sales and asks for the chart,
 * which the app renders, uploads to the fake Slack and shows in an image block. It saves the
 * README's screenshot docs/screenshots/sandbox-leaderboard.png.
 */

reportMissingChromium("test/browser/leaderboard.test.ts", "the leaderboard cannot be tried in a browser");
const SCREENSHOTS = "docs/screenshots";

describe.skipIf(!hasChromium)("the leaderboard in the sandbox page", () => {
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

  const { actAs, openChannel, type, messages, screenshot } = sandboxPage(() => page);
  const launcher = () => messages("register your deals here");

  it("lets Max post the launcher in #partner-acme, with Leaderboard and Our goals buttons", async () => {
    await actAs("Max Manager");
    await openChannel("partner-acme");
    await type("/hub launcher");
    await launcher().getByRole("button", { name: "Leaderboard" }).waitFor();
    await launcher().getByRole("button", { name: "Our goals" }).waitFor();
  });

  it("opens the leaderboard from the launcher for Eli, a guest: Acme's amounts, other partners' ranks only", async () => {
    await actAs("Eli External");
    await openChannel("partner-acme");
    await launcher().getByRole("button", { name: "Leaderboard" }).click();
    // The default: revenue this week, which on a Monday morning may have no won deal yet.
    const answer = page.locator("#pane .message.ephemeral", { hasText: "Revenue won · Week of" }).last();
    await answer.waitFor();
    const text = await answer.innerText();
    expect(text).toContain("Amounts in USD.");
    if (!text.includes("Nothing to show")) {
      // Other partners' amounts are hidden from a partner's people (the program's default).
      expect(text).toMatch(/rank only/i);
      expect(text).not.toMatch(/Summit Cloud Partners — USD/);
    }
  });

  it("shows Eli Acme's goals with progress bars from Our goals", async () => {
    await launcher().getByRole("button", { name: "Our goals" }).click();
    const goals = page.locator("#pane .message.ephemeral", { hasText: "▓" }).last();
    await goals.waitFor();
    const text = await goals.innerText();
    expect(text).toContain("Acme Solutions");
    expect(text).toMatch(/\d+ ?%/);
    expect(text).toMatch(/Program|All Gold partners/);
  });

  it("answers Max's /leaderboard month in #sales and draws it as a chart image", async () => {
    await actAs("Max Manager");
    await openChannel("sales");
    await type("/leaderboard month");
    const answer = page.locator("#pane .message.ephemeral", { hasText: "Post to channel" }).last();
    await answer.waitFor();
    // This month's title names the month: "Revenue won · November 2026 · Partners".
    expect(await answer.innerText()).toMatch(/Revenue won · [A-Z][a-z]+ \d{4} · Partners/);
    await answer.getByRole("button", { name: "Chart" }).click();

    const image = page.locator("#pane .message .block-image img[src^='/sandbox/files/F']").last();
    await image.waitFor();
    // The bytes the app uploaded reached the page: a decoded PNG of a real size.
    await page.waitForFunction(
      (element) => element instanceof HTMLImageElement && element.complete && element.naturalWidth > 300,
      await image.elementHandle(),
    );
    const src = String(await image.getAttribute("src"));
    const served = await page.request.get(`${running.url}${src}`);
    expect(served.status()).toBe(200);
    expect(served.headers()["content-type"]).toBe("image/png");
    expect(served.headers()["x-content-type-options"]).toBe("nosniff");
    expect((await page.request.get(`${running.url}/sandbox/files/F0NOSUCHFILE`)).status()).toBe(404);
    const fileId = src.split("/").at(-1) ?? "";
    expect(running.sandbox.fake.file(fileId)?.mimetype).toBe("image/png");
    expect(running.sandbox.fake.callsOf("files.completeUploadExternal").length).toBeGreaterThan(0);

    // The whole chart above the composer, with the answer it was drawn from above it.
    await image.evaluate((element) => element.scrollIntoView({ block: "end" }));
    await screenshot("sandbox-leaderboard");
  });
});
