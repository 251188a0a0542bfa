import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness, visibleText } from "../support/harness";
import {
  addBot,
  BOT,
  dmsTo,
  lastPostIn,
  mrkdwnTexts,
  openShoutoutModal,
  plusOneLabel,
  postsIn,
  shoutoutValues,
} from "./shoutouts-fixtures";

/** Giving shout-outs end to end: typed and through the modal, to people, partners, with awards. */
describe("giving shout-outs", () => {
  let h: Harness;
  const count = () => h.hub.db.shoutout.count();

  beforeAll(async () => {
    h = await startHarness();
    addBot(h);
    await h.command("U0ADMIN", "/hub", "role <@U0MANAGER> manager", "C0SALES");
    await h.command("U0ADMIN", "/partner", "add Acme Resellers", "C0SALES");
  });
  afterAll(async () => {
    await h.close();
  });

  it("posts a typed shout-out to several people with a value, and DMs each of them", async () => {
    const reply = await h.command(
      "U0PARTNERA",
      "/shoutout",
      "<@U0PARTNERB|bea> <@U0EXTERNAL|eli> thanks for the joint demo #win-together",
      "C0SALES",
    );
    expect(reply.text).toContain("You recognized <@U0PARTNERB> and <@U0EXTERNAL>");
    const post = await lastPostIn(h, "C0SALES");
    const shown = visibleText(post.blocks);
    expect(shown).toContain("<@U0PARTNERA> gave <@U0PARTNERB> and <@U0EXTERNAL> a shout-out");
    expect(shown).toContain("thanks for the joint demo");
    expect(shown).toContain("Win together");
    expect(plusOneLabel(post)).toContain("+1 (0)");
    expect((await dmsTo(h, "U0PARTNERB")).join("\n")).toContain("thanks for the joint demo");
    expect((await dmsTo(h, "U0EXTERNAL")).join("\n")).toContain("It was announced in <#C0SALES>");
    expect(await count()).toBe(1);
  });

  it("gives one through the modal: values offered, no award field for a peer; a double submit gives one", async () => {
    const modal = await openShoutoutModal(h, "U0PARTNERB", "C0SALES");
    const text = visibleText(modal?.view);
    expect(text).toContain("Customer first");
    expect(text).not.toContain("Award");
    expect(text).toContain("more today");
    const values = shoutoutValues({ "shoutout_recipients.value": ["U0PARTNERA"], "shoutout_value.value": "Own it" });
    const [first, second] = await Promise.all([
      h.slack.submitView("U0PARTNERB", values),
      h.slack.submitView("U0PARTNERB", values),
    ]);
    expect(first.json?.response_action).toBe("update");
    expect(second.json?.response_action).toBe("update");
    expect(visibleText(first.json?.view)).toContain("It is posted in <#C0SALES>");
    expect(await count()).toBe(2);
    const post = await lastPostIn(h, "C0SALES");
    expect(visibleText(post.blocks)).toContain("<@U0PARTNERB> gave <@U0PARTNERA> a shout-out");
    expect(visibleText(post.blocks)).toContain("Own it");
  });

  it("keeps the modal open with the problem under the field", async () => {
    await openShoutoutModal(h, "U0PARTNERB", "C0SALES");
    const answer = await h.slack.submitView("U0PARTNERB", shoutoutValues({ "shoutout_recipients.value": [] }));
    expect(answer.json?.response_action).toBe("errors");
    expect(JSON.stringify(answer.json?.errors)).toContain("shoutout_recipients");
    expect(await count()).toBe(2);
  });

  it("recognizes a whole partner company", async () => {
    await h.command(
      "U0PARTNERA",
      "/shoutout",
      'partner:"Acme Resellers" brought three new logos this quarter',
      "C0SALES",
    );
    const post = await lastPostIn(h, "C0SALES");
    expect(visibleText(post.blocks)).toContain("*Acme Resellers* a shout-out");
    expect(await count()).toBe(3);
  });

  it("lets a manager give an award with a distinct badge, and refuses one from a peer", async () => {
    await h.command(
      "U0MANAGER",
      "/shoutout",
      '<@U0PARTNERA> saved the renewal award:"Partner of the month"',
      "C0SALES",
    );
    const post = await lastPostIn(h, "C0SALES");
    expect(visibleText(post.blocks)).toContain("gave <@U0PARTNERA> an award");
    expect(visibleText(post.blocks)).toContain(":trophy: *Award: Partner of the month*");
    expect(visibleText((await openShoutoutModal(h, "U0MANAGER", "C0SALES"))?.view)).toContain("Award");

    const refused = await h.command("U0PARTNERB", "/shoutout", '<@U0PARTNERA> great call award:"MVP"', "C0SALES");
    expect(refused.text).toContain("Only managers and admins can give awards");
    expect(await count()).toBe(4);
  });

  it("refuses a shout-out to yourself and to a bot, recording nothing", async () => {
    const self = await h.command("U0PARTNERA", "/shoutout", "<@U0PARTNERA> I did great today", "C0SALES");
    expect(self.text).toContain("You can't give yourself a shout-out");
    const bot = await h.command("U0PARTNERA", "/shoutout", `<@${BOT}> <@U0PARTNERB> deployed on a Friday`, "C0SALES");
    expect(bot.text).toContain(`<@${BOT}> is a bot`);
    expect(await count()).toBe(4);
  });

  it("escapes the why: nobody pings @channel through a shout-out", async () => {
    const before = (await postsIn(h, "C0SALES")).length;
    await h.command(
      "U0PARTNERA",
      "/shoutout",
      "<@U0PARTNERB> &lt;!channel&gt; <!here> *you rock* <https://evil.example|x>",
      "C0SALES",
    );
    expect(await count()).toBe(5);
    const posts = await postsIn(h, "C0SALES");
    expect(posts.length).toBe(before + 1);
    const post = posts.at(-1);
    for (const text of mrkdwnTexts({ text: post?.text ?? "", blocks: post?.blocks ?? [] })) {
      expect(text).not.toMatch(/<!(channel|here|everyone)/);
      expect(text).not.toContain("<https://evil");
    }
  });

  it("answers help with values and the allowance, and the award line only to managers", async () => {
    const help = await h.command("U0PARTNERA", "/shoutout", "help", "C0SALES");
    expect(help.text).not.toContain("award:");
    expect(help.text).toContain("5 recipients a day");
    expect(help.text).toContain("/hub values");
    const managers = await h.command("U0MANAGER", "/shoutout", "help", "C0SALES");
    expect(managers.text).toContain("award:");
  });
});
