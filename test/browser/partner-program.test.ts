// biome-ignore-all lint/performance/useDomNodeTextContent: these are Playwright locators, whose innerText() is the text a person sees
import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, openPage, reportMissingChromium } from "../support/chromium";
import { sandboxPage } from "../support/sandbox-page";
import { startTestSandbox, type TestSandbox } from "../support/test-sandbox";

/**
 * Issue 14's tour in a real browser, through the page only, on the demo data: Ivy of Initech finds
 * the receipt of her application in the channel Initech shares with the vendor; Max reviews it
 * from its card in #deal-approvals (scores, due diligence, a reason), is told what is still open,
 * and approves; Ivy is welcomed and finds Initech's onboarding started; Pat opens Our partnership
 * and the scorecard from the App Home. It saves the README's screenshot
 * docs/screenshots/sandbox-program.png (Pat's scorecard).
 */

reportMissingChromium("test/browser/partner-program.test.ts", "the partner program cannot be tried in a browser");
const SCREENSHOTS = "docs/screenshots";
const REASON = "Strong references in banking and a team that can deliver on its own.";

describe.skipIf(!hasChromium)("the partner program in the sandbox page", () => {
  let running: TestSandbox;
  let browser: Browser;
  let page: Page;
  /** The demo's pending application, from Initech. */
  let applicationId = 0;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    running = await startTestSandbox();
    const pending = await running.sandbox.db.partnerApplication.findFirstOrThrow({ where: { company: "Initech" } });
    applicationId = pending.id;
    ({ browser, page } = await openPage(`${running.url}/`));
    await page.locator("[data-testid=live][data-live=on]").waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  const { modal, messages, field, actAs, openChannel, screenshot } = sandboxPage(() => page);
  const card = () => messages(`Partner application #${applicationId}: Initech`);
  /** A criterion's score select (its note field's label starts with the same words). */
  const score = (criterion: string) => field(`${criterion} \\(weight`).locator("select");

  it("shows Ivy, who applied from Initech's own Slack, the receipt in #prospect-initech", async () => {
    await actAs("Ivy Prospect (Initech)");
    await page.locator(".pane-title", { hasText: "# prospect-initech" }).waitFor();
    const receipt = messages("thanks for applying");
    await receipt.waitFor();
    expect(await receipt.innerText()).toContain(`Initech's application (#${applicationId}) is with our partner team`);
  });

  it("shows Max the application in #deal-approvals, half reviewed, with a Review button", async () => {
    await actAs("Max Manager");
    await openChannel("deal-approvals");
    await card().waitFor();
    const text = await card().innerText();
    expect(text).toContain("Slack Connect");
    expect(text).toContain("2 of 5 criteria scored");
    expect(text).toContain("1 due-diligence check done");
    await card().getByRole("button", { name: "Review" }).click();
    await modal().locator("h2", { hasText: "Review application" }).waitFor();
    // What Max scored days ago is already picked.
    expect(await score("Reputation").inputValue()).toBe("4");
    expect(await score("Track record").inputValue()).toBe("3");
    expect(await score("Product fit").inputValue()).toBe("");
  });

  it("refuses to approve while due-diligence checks are open, under the checks, and keeps the scores", async () => {
    await score("Customer base").selectOption("4");
    await score("Product fit").selectOption("5");
    await score("Cultural fit").selectOption("4");
    await field("Product fit: note").locator("input").fill("Sells our Helpdesk Cloud to banks already.");
    await field("Decision")
      .getByLabel(/^Approve/)
      .check();
    await field("Reason").locator("textarea").fill(REASON);
    await modal().getByRole("button", { name: "Save" }).click();
    const refusal = field("Due diligence").locator(".field-error");
    await refusal.waitFor();
    expect(await refusal.innerText()).toMatch(/NDA signed/);
    expect(await score("Product fit").inputValue()).toBe("5");
    expect(await card().getByRole("button", { name: "Review" }).count()).toBe(1);
  });

  it("approves once every check is done: the card shows who approved and the new partner", async () => {
    const checks = field("Due diligence");
    for (const check of ["Partner agreement signed", "NDA signed", "Credit check done"]) {
      await checks.getByLabel(check).check();
    }
    expect(await checks.getByLabel("References checked").isChecked()).toBe(true);
    await modal().getByRole("button", { name: "Save" }).click();
    await modal().locator(".block-section", { hasText: "is approved as the partner Initech" }).waitFor();
    await modal().getByRole("button", { name: "Done" }).click();
    await modal().waitFor({ state: "detached" });

    await card().locator(".block-section", { hasText: "Approved" }).waitFor();
    const text = await card().innerText();
    expect(text).toContain("by @max");
    expect(text).toContain(REASON);
    expect(text).toContain("onboarding started");
    expect(text).toContain("5 of 5 criteria scored");
    expect(await card().getByRole("button", { name: "Review" }).count()).toBe(0);
  });

  it("welcomes Ivy in #prospect-initech, and her onboarding checklist has already started", async () => {
    await actAs("Ivy Prospect (Initech)");
    await page.locator(".pane-title", { hasText: "# prospect-initech" }).waitFor();
    const welcome = messages("welcome aboard");
    await welcome.waitFor();
    expect(await welcome.innerText()).toContain(REASON);
    await welcome.getByRole("button", { name: "Onboarding" }).click();
    // Signed during due diligence, and Ivy joined Initech's team in Partner Hub on approval.
    const checklist = messages("Onboarding · Initech");
    await checklist.waitFor();
    const text = await checklist.innerText();
    expect(text).toContain("2 of 6 steps done");
    expect(text).toMatch(/Partner agreement signed · done by @max/);
    expect(text).toMatch(/Team members added to Partner Hub · done/);
    expect(await checklist.getByRole("button", { name: "Mark done" }).count()).toBeGreaterThan(0);
  });

  it("shows Pat Acme's partnership on the App Home, then the card and the scorecard with last quarter's review", async () => {
    await actAs("Pat Partner-A");
    await page.click("[data-nav-app]");
    await page.click("[data-app-tab=home]");
    const home = page.locator("[data-testid=home]");
    const partnership = home.locator(".block-section", { hasText: "Acme Solutions · Gold partner" });
    await partnership.waitFor();
    expect(await partnership.innerText()).toContain("Next: Platinum");

    await home.getByRole("button", { name: "Our partnership" }).click();
    await page.click("[data-app-tab=messages]");
    const partnerCard = messages("Last 12 months");
    await partnerCard.waitFor();
    const cardText = await partnerCard.innerText();
    expect(cardText).toContain("Acme Solutions");
    expect(cardText).toContain("Gold");
    expect(cardText).toContain("#partner-acme");

    await partnerCard.getByRole("button", { name: "Scorecard" }).click();
    const scorecard = messages("Acme Solutions: scorecard");
    await scorecard.waitFor();
    const text = await scorecard.innerText();
    expect(text).toContain("Notes, shared with the partner");
    expect(text).toContain("Strong quarter for new logos");
    await scorecard.evaluate((message) => message.scrollIntoView({ block: "start" }));
    await screenshot("sandbox-program");
  });
});
