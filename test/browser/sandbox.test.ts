import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Sandbox } from "../../src/sandbox/sandbox";
import { hasChromium, openPage, reportMissingChromium } from "../support/chromium";
import { startTestSandbox, type TestSandbox } from "../support/test-sandbox";

/**
 * The sandbox page in a real browser (Debian's Chromium, headless): every kind of surface, element
 * and person the page plays. The README's golden path and screenshots are in golden-path.test.ts.
 */

reportMissingChromium("test/browser/sandbox.test.ts", "the sandbox page cannot be tested in a browser");

/** A modal with every input element the app uses, opened through the fake Slack's views.open. */
const EVERY_INPUT_MODAL = {
  type: "modal",
  callback_id: "sandbox_fixture",
  title: { type: "plain_text", text: "Every input" },
  submit: { type: "plain_text", text: "Save" },
  close: { type: "plain_text", text: "Cancel" },
  blocks: [
    input("name_block", "Name", { type: "plain_text_input", action_id: "name" }),
    input("notes_block", "Notes", { type: "plain_text_input", action_id: "notes", multiline: true }, true),
    input("amount_block", "Amount", { type: "number_input", action_id: "amount", is_decimal_allowed: true }),
    input("stage_block", "Stage", {
      type: "static_select",
      action_id: "stage",
      options: [option("prospecting", "Prospecting"), option("proposal", "Proposal")],
    }),
    input("tags_block", "Tags", {
      type: "multi_static_select",
      action_id: "tags",
      options: [option("cloud", "Cloud"), option("renewal", "Renewal"), option("upsell", "Upsell")],
    }),
    input("owner_block", "Owner", { type: "users_select", action_id: "owner" }),
    input("close_block", "Expected close", { type: "datepicker", action_id: "close", initial_date: "2026-12-31" }),
    input(
      "notify_block",
      "Notify",
      { type: "checkboxes", action_id: "notify", options: [option("dm", "By DM")] },
      true,
    ),
    input("tier_block", "Tier", {
      type: "radio_buttons",
      action_id: "tier",
      options: [option("gold", "Gold"), option("silver", "Silver")],
      initial_option: option("silver", "Silver"),
    }),
  ],
};

function option(value: string, label: string) {
  return { text: { type: "plain_text", text: label }, value };
}

function input(blockId: string, label: string, element: object, optional = false) {
  return { type: "input", block_id: blockId, label: { type: "plain_text", text: label }, element, optional };
}

describe.skipIf(!hasChromium)("the sandbox page in Chromium", () => {
  let running: TestSandbox;
  let sandbox: Sandbox;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    running = await startTestSandbox();
    sandbox = running.sandbox;
    ({ browser, page } = await openPage(`${running.url}/`));
  });

  afterAll(async () => {
    await browser?.close();
    await running?.stop();
  });

  const message = (text: string) => page.locator("#pane .message", { hasText: text }).last();

  async function run(command: string): Promise<void> {
    await page.fill("#composer-input", command);
    await page.press("#composer-input", "Enter");
  }

  async function actAs(userId: string, name: string): Promise<void> {
    await page.click("[data-switcher-toggle]");
    await page.click(`[data-persona=${userId}]`);
    await page.locator("[data-testid=acting-as]", { hasText: name }).waitFor();
  }

  it("shows the workspace's channels, the app and who is acting", async () => {
    await page.locator("[data-testid=live][data-live=on]").waitFor();
    const channels = await page.locator("[data-nav-channel]").allInnerTexts();
    expect(channels.map((name) => name.replace(/[^a-z-]/g, ""))).toEqual([
      "sales",
      "deal-approvals",
      "partner-acme",
      "partner-globex",
      "prospect-initech",
    ]);
    expect(await page.locator("[data-nav-app]").textContent()).toContain("Partner Hub");
    expect(await page.locator("[data-testid=acting-as]").textContent()).toBe("Ada Admin");
    expect(await page.locator(".pane-title").textContent()).toBe("# sales");
  });

  it("runs /hub help and shows the answer as an ephemeral message", async () => {
    await run("/hub help");
    const help = message("Partner Hub commands");
    await help.waitFor();
    expect(await help.getAttribute("class")).toContain("ephemeral");
    expect(await help.textContent()).toContain("Only visible to you");
    expect(await help.locator(".block-header").first().textContent()).toBe("Partner Hub commands");
    expect(await help.locator("code", { hasText: "/partner list" }).count()).toBeGreaterThan(0);
  });

  it("lets the manager add a partner and list partners", async () => {
    await actAs("U0MANAGER", "Max Manager");
    expect(await page.locator(".who-role").textContent()).toBe("manager · Vendor Inc");
    await page.fill("#composer-input", "/part");
    await page.locator("[data-command-hint='/partner']").waitFor();
    await page.press("#composer-input", "Tab");
    expect(await page.inputValue("#composer-input")).toBe("/partner ");
    await run("/partner add Initech region:EMEA tier:gold");
    const added = message("Added Initech");
    await added.waitFor();
    // A new partner starts with its onboarding checklist (issue 14).
    expect(await added.textContent()).toContain("Initech · EMEA · gold · onboarding");
    await run("/partner list");
    const list = message("Partner companies (13)");
    await list.waitFor();
    expect(await list.textContent()).toContain("Initech · EMEA · gold");
    expect(await list.textContent()).toContain("Acme Solutions · EMEA · gold");
  });

  it("refuses partner A the partner list, in the only channel partner A is in", async () => {
    await actAs("U0PARTNERA", "Pat Partner-A");
    expect(await page.locator(".who-role").textContent()).toBe("member · Acme Solutions");
    await page.locator(".pane-title", { hasText: "partner-acme" }).waitFor();
    expect(await page.locator("[data-nav-channel]").count()).toBe(1);
    await run("/partner list");
    const refusal = message("Only managers and admins can list partner companies");
    await refusal.waitFor();
    expect(await refusal.getAttribute("class")).toContain("ephemeral");
  });

  it("opens the app's modal from its slash command and closes it with Cancel", async () => {
    await run("/deal");
    const modal = page.locator(".modal");
    await modal.waitFor();
    expect(await modal.locator("h2").textContent()).not.toBe("");
    expect(await modal.locator(".block-input").count()).toBeGreaterThan(0);
    expect(await modal.locator("[data-modal=submit]").count()).toBe(1);
    await modal.locator("[data-modal=cancel]").click();
    await modal.waitFor({ state: "detached" });
    expect(sandbox.fake.topModal("U0PARTNERA")).toBeUndefined();
  });

  it("sends block_actions while the person types in inputs that ask for it, and keeps their place", async () => {
    await run("/deal");
    const modal = page.locator(".modal");
    await modal.waitFor();
    const amount = modal.locator("input[name='deal_amount.value']");
    const updates = sandbox.fake.callsOf("views.update").length;
    // Slow typing: the app updates the view (its hint) between keystrokes, as it does in Slack.
    await amount.pressSequentially("1250", { delay: 550 });
    await modal.locator(".input-hint", { hasText: "= USD 1,250.00" }).waitFor();
    expect(sandbox.fake.callsOf("views.update").length - updates).toBeGreaterThanOrEqual(2);
    expect(await amount.inputValue()).toBe("1250");
    expect(await amount.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.type("0");
    await modal.locator(".input-hint", { hasText: "= USD 12,500.00" }).waitFor();
    expect(await amount.inputValue()).toBe("12500");
    await modal.locator("[data-modal=cancel]").click();
    await modal.waitFor({ state: "detached" });
  });

  it("opens the App Home tab and shows what the app published, or says why there is nothing", async () => {
    await page.click("[data-nav-app]");
    const home = page.locator("[data-testid=home]");
    await home.waitFor();
    const subscribed = (await fetch(`http://127.0.0.1:${sandbox.port}/sandbox/state?user=U0PARTNERA`).then((r) =>
      r.json(),
    )) as { homeOpenedEvent: boolean };
    if (subscribed.homeOpenedEvent) {
      await sandbox.fake.waitFor(() => sandbox.fake.homeTabs.get("U0PARTNERA"), 5_000, "the Home tab");
      await home.locator(".block").first().waitFor();
      const published = sandbox.fake.homeTabs.get("U0PARTNERA") as { blocks: unknown[] };
      expect(await home.locator(":scope > .block").count()).toBe(published.blocks.length);
    } else {
      await page.locator("[data-testid=home-empty]").waitFor();
      expect(await home.textContent()).toContain("has not published a Home tab for Pat Partner-A");
      expect(await home.textContent()).toContain("app_home_opened");
    }

    const publish = await fetch(`${sandbox.fake.apiUrl}views.publish`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer xoxb-test" },
      body: JSON.stringify({
        user_id: "U0PARTNERA",
        view: { type: "home", blocks: [{ type: "header", text: { type: "plain_text", text: "Published just now" } }] },
      }),
    });
    expect(((await publish.json()) as { ok: boolean }).ok).toBe(true);
    await home.locator(".block-header", { hasText: "Published just now" }).waitFor();
  });

  it("shows a message the moment Slack has it, without a reload", async () => {
    await page.click("[data-nav-channel=C0PARTNERA]");
    await page.locator(".pane-title", { hasText: "partner-acme" }).waitFor();
    await page.evaluate(() => {
      (window as unknown as { stillTheSamePage: boolean }).stillTheSamePage = true;
    });
    sandbox.fake.postAsUser("U0MANAGER", "C0PARTNERA", "Quarter closes Friday, *get your deals in*");
    const live = message("Quarter closes Friday");
    await live.waitFor();
    expect(await live.locator("b").textContent()).toBe("get your deals in");
    expect(await live.locator(".author").textContent()).toBe("Max Manager");
    expect(await page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(
      true,
    );
  });

  it("opens a thread from the reply count and replies in it", async () => {
    await message("Quarter closes Friday").hover();
    await message("Quarter closes Friday").locator("[data-thread]").click();
    await page.locator("#thread").waitFor();
    await page.fill("#thread-input", "On it, two more this week");
    await page.press("#thread-input", "Enter");
    await page.locator("#thread-messages .message", { hasText: "On it, two more this week" }).waitFor();
    await message("Quarter closes Friday").locator(".thread-link", { hasText: "1 reply" }).waitFor();
    await page.click("[data-close-thread]");
    expect(await page.locator("#thread").isHidden()).toBe(true);
  });

  it("renders a modal with every input type, checks required fields, and submits Slack's state", async () => {
    const opened = await fetch(`${sandbox.fake.apiUrl}views.open`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer xoxb-test" },
      body: JSON.stringify({ trigger_id: sandbox.fake.issueTrigger("U0PARTNERA"), view: EVERY_INPUT_MODAL }),
    });
    const viewId = ((await opened.json()) as { view: { id: string } }).view.id;
    const modal = page.locator(".modal");
    await modal.waitFor();
    expect(await modal.locator("h2").textContent()).toBe("Every input");
    for (const type of [
      "plain_text_input",
      "number_input",
      "static_select",
      "multi_static_select",
      "users_select",
      "datepicker",
      "checkboxes",
      "radio_buttons",
    ]) {
      expect(await modal.locator(`[data-type=${type}]`).count(), type).toBeGreaterThan(0);
    }
    expect(await modal.locator("textarea[name='notes_block.notes']").count()).toBe(1);

    await modal.locator("[data-modal=submit]").click();
    const nameError = modal.locator("[data-error-for=name_block]");
    await nameError.waitFor();
    expect(await nameError.textContent()).toBe("Please complete this required field.");
    expect(await modal.locator("[data-error-for=notes_block]").isHidden()).toBe(true);

    await modal.locator("[name='name_block.name']").fill("Initech renewal");
    await modal.locator("[name='amount_block.amount']").fill("12500.50");
    await modal.locator("[name='stage_block.stage']").selectOption("proposal");
    await modal.locator("[name='tags_block.tags']").selectOption(["cloud", "upsell"]);
    await modal.locator("[name='owner_block.owner']").selectOption("U0PARTNERA");
    await modal.locator("[name='notify_block.notify']").check();
    await modal.locator("[name='tier_block.tier'][value=gold]").check();
    const [request] = await Promise.all([
      page.waitForRequest((sent) => sent.url().endsWith("/sandbox/submit")),
      modal.locator("[data-modal=submit]").click(),
    ]);
    expect(request.postDataJSON()).toEqual({
      user: "U0PARTNERA",
      viewId,
      entered: {
        "name_block.name": "Initech renewal",
        "notes_block.notes": null,
        "amount_block.amount": "12500.50",
        "stage_block.stage": "proposal",
        "tags_block.tags": ["cloud", "upsell"],
        "owner_block.owner": "U0PARTNERA",
        "close_block.close": "2026-12-31",
        "notify_block.notify": ["dm"],
        "tier_block.tier": "gold",
      },
    });
    // No listener in the app takes this fixture's callback_id: Slack then reports trouble connecting.
    await modal.locator(".modal-failure", { hasText: "We had some trouble connecting" }).waitFor({ timeout: 8_000 });
    expect(await modal.locator("[name='name_block.name']").inputValue()).toBe("Initech renewal");
    await modal.locator("[data-modal=cancel]").click();
    await modal.waitFor({ state: "detached" });
    expect(sandbox.fake.topModal("U0PARTNERA")).toBeUndefined();
  });

  it("sends block_actions for buttons (after their confirm), selects, overflow menus and date pickers", async () => {
    const posted = await fetch(`${sandbox.fake.apiUrl}chat.postMessage`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer xoxb-test" },
      body: JSON.stringify({
        channel: "C0PARTNERA",
        text: "Pick one",
        blocks: [
          { type: "section", block_id: "intro", text: { type: "mrkdwn", text: "*Pick one*" } },
          {
            type: "actions",
            block_id: "controls",
            elements: [
              {
                type: "button",
                action_id: "go",
                text: { type: "plain_text", text: "Go" },
                value: "42",
                confirm: {
                  title: { type: "plain_text", text: "Really?" },
                  text: { type: "mrkdwn", text: "This *cannot* be undone." },
                  confirm: { type: "plain_text", text: "Do it" },
                  deny: { type: "plain_text", text: "Keep" },
                },
              },
              { type: "static_select", action_id: "stage", options: [option("won", "Won"), option("lost", "Lost")] },
              {
                type: "overflow",
                action_id: "more",
                options: [option("edit", "Edit"), option("withdraw", "Withdraw")],
              },
              { type: "datepicker", action_id: "when" },
            ],
          },
        ],
      }),
    });
    const { ts } = (await posted.json()) as { ts: string };
    const card = message("Pick one");
    await card.waitFor();
    const sent: unknown[] = [];
    await page.route("**/sandbox/action", async (route) => {
      sent.push(route.request().postDataJSON());
      await route.fulfill({ json: { ok: true } });
    });
    const target = { where: "message", channel: "C0PARTNERA", ts };
    const base = { user: "U0PARTNERA", target, blockId: "controls" };

    await card.locator("[data-action-id=go]").click();
    await page.locator("#confirm .modal", { hasText: "This cannot be undone." }).waitFor();
    await page.click("[data-confirm=no]");
    expect(sent).toEqual([]);
    await card.locator("[data-action-id=go]").click();
    await page.click("[data-confirm=yes]");
    await card.locator("[data-action-id=stage]").selectOption("lost");
    await card.locator(".overflow summary").click();
    await card.locator("[data-action-id=more][data-value=withdraw]").click();
    await card.locator("[data-action-id=when]").fill("2027-01-15");
    await expect.poll(() => sent.length).toBe(4);
    expect(sent).toEqual([
      { ...base, actionId: "go" },
      { ...base, actionId: "stage", value: "lost" },
      { ...base, actionId: "more", value: "withdraw" },
      { ...base, actionId: "when", value: "2027-01-15" },
    ]);
    await page.unroute("**/sandbox/action");
  });

  it("shows the Slack Connect guest as external, only in the shared channel, without slash commands", async () => {
    await actAs("U0EXTERNAL", "Eli External (Acme)");
    expect(await page.locator("[data-testid=acting-as] .external-badge").textContent()).toBe("external");
    await page.locator(".pane-title", { hasText: "partner-acme" }).waitFor();
    expect(await page.locator(".connect-badge").textContent()).toBe("Slack Connect");
    expect(await page.locator("[data-nav-app]").count()).toBe(0);
    expect(await page.locator("#composer-hint").textContent()).toContain("not available to them");
    await run("/partner list");
    const note = message("doesn't share slash commands");
    await note.waitFor();
    expect(await note.locator(".author").textContent()).toBe("Slackbot");
  });

  it("reconnects by itself after the sandbox restarts, and shows what is new without a reload", async () => {
    await page.locator("[data-testid=live][data-live=on]").waitFor();
    await page.evaluate(() => {
      (window as unknown as { beforeRestart: boolean }).beforeRestart = true;
    });
    const reconnecting = page.locator("[data-testid=live][data-live=off]", { hasText: "Reconnecting…" }).waitFor();
    // The page's first tries meet a sandbox still starting (503), which ends a bare EventSource.
    sandbox = await running.restart({ unavailableMs: 2_500 });
    await reconnecting;
    await page.locator("[data-testid=live][data-live=on]", { hasText: "Live" }).waitFor({ timeout: 45_000 });
    // Refetched from the new start: its fake Slack is kept in memory, so the old messages are gone.
    await message("Pick one").waitFor({ state: "detached" });
    sandbox.fake.postAsUser("U0MANAGER", "C0PARTNERA", "Back after the restart");
    await message("Back after the restart").waitFor();
    expect(await page.locator("[data-testid=acting-as]").textContent()).toContain("Eli External");
    expect(await page.evaluate(() => (window as unknown as { beforeRestart?: boolean }).beforeRestart)).toBe(true);
    // A whole stop and start of the app (migrations, page build, jobs) fits in 20 s only on an idle machine.
  }, 60_000);
});
