// biome-ignore-all lint/performance/useDomNodeTextContent: these are Playwright locators, whose innerText() is the text a person sees
import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, openPage, reportMissingChromium } from "../support/chromium";
import { sandboxPage } from "../support/sandbox-page";
import { startTestSandbox, type TestSandbox } from "../support/test-sandbox";

/**
 * The golden path of the README's quick start, in a real browser (Debian's Chromium, headless) and
 * through the page only: Pat registers a deal with /deal in #partner-acme, Max approves it in
 * #deal-approvals, Pat hears about it and finds it on the App Home, and Ada Admin checks that every
 * message went out with /hub status. It saves the screenshots the
 * README shows (docs/screenshots/).
 */

reportMissingChromium("test/browser/golden-path.test.ts", "the golden path cannot be walked in a browser");
const SCREENSHOTS = "docs/screenshots";
/** How the page shows a `<!date^…^{date}|…>` token, as Slack does: "February 28th, 2027". */
const SLACK_DATE = "[A-Z][a-z]+ \\d{1,2}(st|nd|rd|th), \\d{4}";

describe.skipIf(!hasChromium)("the golden path in the sandbox page", () => {
  let running: TestSandbox;
  let browser: Browser;
  let page: Page;
  /** "#94 · Initech GmbH", as the app titles the deal once it is registered. */
  let dealTitle = "";

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

  const { modal, messages, field, actAs, openChannel, screenshot } = sandboxPage(() => page);

  it("opens the deal modal with /deal, typed by Pat in #partner-acme", async () => {
    await actAs("Pat Partner-A");
    await page.locator(".pane-title", { hasText: "# partner-acme" }).waitFor();
    await page.fill("#composer-input", "/deal");
    await page.press("#composer-input", "Enter");
    await modal().locator("h2", { hasText: "Register a deal" }).waitFor();
    expect(await modal().innerText()).toContain("Registering for Acme Solutions");
  });

  it("shows the error under Amount when Pat registers with a bad amount, and registers nothing", async () => {
    await field("Customer company").locator("input").fill("Initech GmbH");
    await field("Customer website").locator("input").fill("https://www.initech.de/about");
    await field("What is being sold").locator("input").fill("200 seats of Analytics Pro");
    await field("Currency").locator("select").selectOption({ label: "EUR · Euro" });
    await field("Stage").locator("select").selectOption({ label: "Qualified" });
    await field("Expected close date").locator("input").fill("2027-03-31");
    await field("Notes").locator("textarea").fill("CFO is the sponsor; security review in progress.");
    await field("Amount").locator("input").pressSequentially("12,50.5");
    // Checked as Pat types, before the submit.
    await field("Amount").locator(".input-hint", { hasText: "Check the separators" }).waitFor();

    await modal().getByRole("button", { name: "Register" }).click();
    const error = field("Amount").locator(".field-error");
    await error.waitFor();
    expect(await error.innerText()).toBe(
      'Check the separators in "12,50.5": group thousands by three, like 1,250,000.',
    );
    expect(await modal().locator(".field-error:visible").count()).toBe(1);
    expect(await field("Customer company").locator("input").inputValue()).toBe("Initech GmbH");
    await screenshot("sandbox-modal");
  });

  it("registers the deal once the amount is fixed, and posts it in #partner-acme", async () => {
    await field("Amount").locator("input").fill("");
    await field("Amount").locator("input").pressSequentially("12,500.50");
    await field("Amount").locator(".input-hint", { hasText: "= EUR 12,500.50" }).waitFor();
    await modal().getByRole("button", { name: "Register" }).click();
    await modal().locator("h2", { hasText: "Deal registered" }).waitFor();
    const confirmation = await modal().innerText();
    expect(confirmation).toMatch(/Deal #\d+ · Initech GmbH is registered for Acme Solutions — EUR 12,500\.50\./);
    expect(confirmation).toContain("you'll get a DM with the decision");
    dealTitle = /#\d+ · Initech GmbH/.exec(confirmation)?.[0] ?? "";
    await modal().getByRole("button", { name: "Done" }).click();
    await modal().waitFor({ state: "detached" });

    const card = messages(`Deal ${dealTitle}`);
    await card.waitFor();
    expect(await card.innerText()).toContain("Pending review");
    expect(await card.innerText()).toContain("EUR 12,500.50");
  });

  it("lets Max Manager approve it in #deal-approvals, where the request then shows who approved", async () => {
    await actAs("Max Manager");
    await openChannel("deal-approvals");
    const request = messages(`Deal registration ${dealTitle}`);
    await request.waitFor();
    expect(await request.innerText()).toContain("Acme Solutions");
    await request.getByRole("button", { name: "Approve" }).click();
    await request.locator(".block-context", { hasText: "Approved · protected until" }).waitFor();
    // Dates in messages are Slack date tokens, shown in the reader's own time zone and Slack's words.
    expect(await request.innerText()).toMatch(new RegExp(`Approved · protected until ${SLACK_DATE} by @max on `));
    expect(await request.getByRole("button", { name: "Approve" }).count()).toBe(0);
    await screenshot("sandbox-channel");
  });

  it("tells Pat: a note in the deal's thread in #partner-acme and a DM from Partner Hub", async () => {
    await actAs("Pat Partner-A");
    await page.locator(".pane-title", { hasText: "# partner-acme" }).waitFor();
    const card = messages(`Deal ${dealTitle}`);
    await card.locator(".thread-link", { hasText: "1 reply" }).waitFor();
    expect(await card.innerText()).toContain("Approved · protected until");
    await card.locator(".thread-link").click();
    const note = page.locator("#thread-messages .message", { hasText: "was approved" });
    await note.waitFor();
    expect(await note.innerText()).toMatch(
      new RegExp(
        `Your registration #\\d+ · Initech GmbH was approved: the customer is protected for you until ${SLACK_DATE}`,
      ),
    );
    await page.click("[data-close-thread]");

    await page.click("[data-nav-app]");
    await page.click("[data-app-tab=messages]");
    const dm = messages(`${dealTitle} was approved`);
    await dm.waitFor();
    expect(await dm.locator(".author").innerText()).toContain("Partner Hub");
  });

  it("shows the deal under My deals on Pat's App Home", async () => {
    await page.click("[data-app-tab=home]");
    const home = page.locator("[data-testid=home]");
    const mine = home.locator(".block-header", { hasText: /^My deals \(\d+\)$/ });
    await mine.waitFor();
    const deal = home.locator(".block-section", { hasText: dealTitle });
    await deal.waitFor();
    const text = await deal.innerText();
    expect(text).toContain("Qualified · EUR 12,500.50");
    expect(text).toContain("Approved · protected until");
    // Pat's company has more open deals from the demo data, some of them overdue.
    expect(await home.locator(".block-section", { hasText: "overdue" }).count()).toBeGreaterThan(0);
    await screenshot("sandbox-home");
  });

  it("shows Ada Admin the system status: every message delivered, and when the jobs last ran", async () => {
    await actAs("Ada Admin");
    await openChannel("deal-approvals");
    await page.fill("#composer-input", "/hub status");
    await page.press("#composer-input", "Enter");
    const status = page.locator("#pane .message.ephemeral", { hasText: "Partner Hub status" });
    await status.waitFor();
    const text = await status.innerText();
    expect(text).toMatch(process.env.TEST_DATABASE_URL ? /Database\s+PostgreSQL/ : /Database\s+SQLite/);
    expect(text).toMatch(/Migrations applied\s+\d+ · latest \d+_/);
    expect(text).toContain("nothing waiting");
    expect(text).toMatch(/Failed\s+none/);
    await screenshot("sandbox-status");
  });
});
