// biome-ignore-all lint/performance/useDomNodeTextContent: these are Playwright locators, whose innerText() is the text a person sees
import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasChromium, openPage, reportMissingChromium } from "../support/chromium";
import { sandboxPage } from "../support/sandbox-page";
import { startTestSandbox, type TestSandbox } from "../support/test-sandbox";

/**
 * Issue 9's tour in a real browser, through the page only, on the demo data: Max resolves the
 * Tanabe Robotics conflict from its request in #deal-approvals (side by side, a choice, a reason)
 * and Bea, whose registration lost, reads why; Pat answers a manager's question with the Answer
 * button on the App Home and Max hears the answer; a permalink to the request, shared in #sales,
 * leads back to it; Ada runs the scheduled jobs from the page. It saves the README's screenshot docs/screenshots/sandbox-conflict.png.
 */

reportMissingChromium("test/browser/deal-conflicts.test.ts", "conflicts and answers cannot be tried in a browser");
const SCREENSHOTS = "docs/screenshots";
const REASON = "Sakura registered Tanabe Robotics first and is in the proposal stage with them.";
const ANSWER = "A new project: their second plant in Cork, separate from the current contract.";

describe.skipIf(!hasChromium)("conflicts and questions in the sandbox page", () => {
  let running: TestSandbox;
  let browser: Browser;
  let page: Page;
  /** The demo's Tanabe Robotics registrations (#88 by Globex waits, #70 by Sakura holds the customer). */
  let globexId = 0;
  let sakuraId = 0;
  /** Pat's registration with a manager's question waiting for the answer. */
  let questionId = 0;

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    running = await startTestSandbox();
    const { db } = running.sandbox;
    const globex = await db.deal.findFirstOrThrow({ where: { customerName: "Tanabe Robotics", status: "conflict" } });
    globexId = globex.id;
    sakuraId = globex.conflictDealId ?? 0;
    const question = await db.deal.findFirstOrThrow({ where: { status: "info_requested", createdBy: "U0PARTNERA" } });
    questionId = question.id;
    ({ browser, page } = await openPage(`${running.url}/`));
    await page.locator("[data-testid=live][data-live=on]").waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  const { modal, messages, field, actAs, openChannel, type, screenshot } = sandboxPage(() => page);
  const request = (id: number) => messages(`Deal registration #${id} ·`);

  it("shows Max the Tanabe Robotics request in #deal-approvals with the conflict and Resolve conflict, not Approve", async () => {
    await actAs("Max Manager");
    await openChannel("deal-approvals");
    const card = request(globexId);
    await card.waitFor();
    const text = await card.innerText();
    expect(text).toContain("Tanabe Robotics");
    expect(text).toContain("Conflict");
    expect(text).toContain(`#${sakuraId}`);
    expect(text).toContain("Sakura Networks");
    expect(await card.getByRole("button", { name: "Resolve conflict" }).count()).toBe(1);
    expect(await card.getByRole("button", { name: "Approve", exact: true }).count()).toBe(0);
  });

  it("opens both registrations side by side, with who came first, and the two ways to decide", async () => {
    await request(globexId).getByRole("button", { name: "Resolve conflict" }).click();
    await modal().locator("h2", { hasText: "Resolve conflict" }).waitFor();
    const text = await modal().innerText();
    expect(text).toContain(`This registration #${globexId} · Globex Distribution`);
    expect(text).toContain(`Other registration #${sakuraId} · Sakura Networks`);
    expect(text).toContain("came first");
    expect(text).toMatch(/Protection ends\s+\d{4}-\d{2}-\d{2}/);
    const decision = field("Decision");
    await decision.getByLabel(`Approve #${globexId}, reject #${sakuraId}`).waitFor();
    await decision.getByLabel(`Keep #${sakuraId}, reject #${globexId}`).check();
    await field("Why").locator("textarea").fill(REASON);
    // Framed from the registration that came first down to the choice and the reason.
    await modal()
      .locator(".block-section", { hasText: `Other registration #${sakuraId}` })
      .evaluate((block) => block.scrollIntoView({ block: "start" }));
    await screenshot("sandbox-conflict");
  });

  it("asks for the reason before it decides, then keeps Sakura's protection and rejects Globex's registration", async () => {
    await field("Why").locator("textarea").fill("");
    await modal().getByRole("button", { name: "Decide" }).click();
    await field("Why").locator(".field-error", { hasText: "Please complete this required field." }).waitFor();
    expect(await request(globexId).innerText()).toContain("Resolve conflict");

    await field("Why").locator("textarea").fill(REASON);
    await modal().getByRole("button", { name: "Decide" }).click();
    await modal().waitFor({ state: "detached" });
    const card = request(globexId);
    await card.locator(".block-context", { hasText: /Rejected/ }).waitFor();
    expect(await card.getByRole("button", { name: "Resolve conflict" }).count()).toBe(0);
    // The conflict note stays on the request whatever happened since.
    expect(await card.innerText()).toContain(`#${sakuraId}`);
  });

  it("tells Bea, whose registration lost, why: a DM from Partner Hub with Max's reason", async () => {
    await actAs("Bea Partner-B");
    await page.click("[data-nav-app]");
    await page.click("[data-app-tab=messages]");
    const notice = messages(`#${globexId} · Tanabe Robotics`);
    await notice.waitFor();
    const text = await notice.innerText();
    expect(text).toContain("rejected");
    expect(text).toContain(REASON);
    expect(await notice.locator(".author").innerText()).toContain("Partner Hub");
  });

  it("lets Pat answer the manager's question with the Answer button on the App Home", async () => {
    await actAs("Pat Partner-A");
    await page.click("[data-nav-app]");
    await page.click("[data-app-tab=home]");
    const home = page.locator("[data-testid=home]");
    const row = home.locator(".block-section", { hasText: `#${questionId} ·` });
    await row.waitFor();
    await row.getByRole("button", { name: "Answer" }).click();
    await modal().locator("h2", { hasText: "Answer the manager" }).waitFor();
    expect(await modal().innerText()).toContain("Is this a new project or the renewal of their current contract?");
    await modal().locator("textarea").fill(ANSWER);
    await modal().getByRole("button", { name: "Send answer" }).click();
    await modal().locator("h2", { hasText: "Answer sent" }).waitFor();
    await modal().getByRole("button", { name: "Done" }).click();
    await modal().waitFor({ state: "detached" });
    // Back in the queue: the row no longer asks for an answer.
    await home
      .locator(".block-section", { hasText: `#${questionId} ·` })
      .getByRole("button", { name: "Answer" })
      .waitFor({
        state: "detached",
      });
  });

  it("shows Max the answer: in his DM from Partner Hub and on the request, which waits for a decision again", async () => {
    await actAs("Max Manager");
    await page.click("[data-nav-app]");
    await page.click("[data-app-tab=messages]");
    await messages(ANSWER).waitFor();

    await openChannel("deal-approvals");
    const card = request(questionId);
    await card.locator(".block-section", { hasText: ANSWER }).waitFor();
    const text = await card.innerText();
    expect(text).toContain("Is this a new project or the renewal of their current contract?");
    expect(await card.getByRole("button", { name: "Approve", exact: true }).count()).toBe(1);
  });

  it("follows a permalink to the request, shared in #sales, back to its message in #deal-approvals", async () => {
    const ts = await request(globexId).getAttribute("data-ts");
    const response = await fetch(`${running.sandbox.fake.apiUrl}chat.getPermalink`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer xoxb-test" },
      body: JSON.stringify({ channel: "C0APPROVALS", message_ts: ts }),
    });
    const { permalink } = (await response.json()) as { permalink: string };
    expect(permalink).toMatch(/^https:\/\/vendor\.slack\.com\/archives\/C0APPROVALS\/p\d{16}$/);

    await openChannel("sales");
    await type(`Decided, see ${permalink}`);
    const link = messages("Decided, see").locator(`a[href="${permalink}"]`);
    await link.click();
    await page.locator(".pane-title", { hasText: "# deal-approvals" }).waitFor();
    await page.locator(`#pane .message.message-revealed[data-ts="${ts}"]`).waitFor();
    expect(page.url()).toBe(`${running.url}/`);
  });

  it("offers Run scheduled jobs now to Ada Admin only, and says what the jobs did", async () => {
    expect(await page.locator("[data-run-jobs]").count()).toBe(0);
    await actAs("Ada Admin");
    const control = page.getByRole("button", { name: "Run scheduled jobs now" });
    await control.click();
    await page.locator(".toast", { hasText: /^Scheduled jobs ran: / }).waitFor();
    await control.waitFor();
  });
});
