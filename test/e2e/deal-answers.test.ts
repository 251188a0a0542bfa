import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FakeMessage } from "../../src/sandbox/fake-slack";
import { type Harness, startHarness, visibleText } from "../support/harness";
import {
  ACME,
  APPROVALS,
  approvalOf,
  cardOf,
  dmSaying,
  GLOBEX,
  modalOpened,
  openHome,
  registerDeal,
  setUpProgram,
  threadOf,
  waitForText,
} from "./deal-followup-fixtures";

/** A manager's question gets an answer: from the DM, the card's thread or the App Home. */

describe("answers to a manager's question", () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({ clock: () => new Date("2026-11-27T10:00:00Z") });
    await setUpProgram(h);
  });
  afterAll(async () => {
    await h.close();
  });

  /** The manager asks from the approval card, as in Slack. */
  async function ask(dealId: number, question: string): Promise<void> {
    await h.slack.messageAction("U0MANAGER", { channel: APPROVALS, ts: approvalOf(h, dealId).ts }, "deal_ask_info");
    await modalOpened(h, "U0MANAGER", "deal_ask_info");
    await h.slack.submitView("U0MANAGER", { "reason.value": question });
    await h.outboxDrained();
  }

  const statusOf = async (dealId: number) => (await h.hub.db.deal.findUniqueOrThrow({ where: { id: dealId } })).status;

  /** After an answer: back with the managers, the manager told in a DM and in the approval thread, the card shows the Q&A. */
  async function expectAnswered(dealId: number, question: string, answer: string, status = "pending") {
    expect(await statusOf(dealId)).toBe(status);
    const dm = await dmSaying(h, "U0MANAGER", answer);
    expect(visibleText(dm.blocks)).toContain("<@U0PARTNERB> answered");
    await h.outboxDrained();
    const approval = approvalOf(h, dealId);
    await h.fake.waitFor(
      () => threadOf(h, approval).find((reply) => visibleText(reply.blocks).includes(answer)),
      5_000,
      "answer in the approval thread",
    );
    await waitForText(() => visibleText(approvalOf(h, dealId).blocks), answer, "approval card shows the answer");
    expect(visibleText(approvalOf(h, dealId).blocks)).toContain(question);
    expect(await h.hub.db.dealEvent.count({ where: { dealId, type: "info_answered" } })).toBeGreaterThan(0);
  }

  async function answerFromMessage(message: FakeMessage, answer: string) {
    await h.slack.messageAction("U0PARTNERB", { channel: message.channel, ts: message.ts }, "deal_answer_open");
    const modal = await modalOpened(h, "U0PARTNERB", "deal_answer");
    return { modal, submit: () => h.slack.submitView("U0PARTNERB", { "answer_text.value": answer }) };
  }

  it("answers from the DM: the answer is required, the status goes back, the manager is told", async () => {
    const deal = await registerDeal(h, "U0PARTNERB", GLOBEX, { customerName: "Initech", customerDomain: "initech.de" });
    await ask(deal.id, "Who signs the PO?");
    expect(await statusOf(deal.id)).toBe("info_requested");
    const question = await dmSaying(h, "U0PARTNERB", "Who signs the PO?");
    expect(JSON.stringify(question.blocks)).toContain("deal_answer_open");
    const { modal } = await answerFromMessage(question, "");
    expect(visibleText(modal.view.blocks)).toContain("Who signs the PO?");
    const empty = await h.slack.submitView("U0PARTNERB", { "answer_text.value": "" });
    expect(empty.json).toMatchObject({ response_action: "errors", errors: { answer_text: "Write your answer." } });
    const sent = await h.slack.submitView("U0PARTNERB", { "answer_text.value": "The CFO, Ms. Lumbergh" });
    expect(sent.json?.response_action).toBe("update");
    expect(visibleText(sent.json?.view)).toContain("sent to the manager");
    await expectAnswered(deal.id, "Who signs the PO?", "The CFO, Ms. Lumbergh");
    // The question is answered: a second click says so instead of opening the modal.
    const before = h.fake.responses.length;
    await h.slack.messageAction("U0PARTNERB", { channel: question.channel, ts: question.ts }, "deal_answer_open");
    expect(visibleText((await h.fake.waitForResponse(before)).body.blocks)).toContain("No manager is waiting");
  });

  it("answers from the card's thread, and another partner cannot answer", async () => {
    const deal = await registerDeal(h, "U0PARTNERB", GLOBEX, { customerName: "Hooli", customerDomain: "hooli.xyz" });
    await ask(deal.id, "What is the budget?");
    const card = cardOf(h, deal.id);
    const note = await h.fake.waitFor(
      () => threadOf(h, card).find((reply) => visibleText(reply.blocks).includes("What is the budget?")),
      5_000,
      "question in the card's thread",
    );
    const before = h.fake.responses.length;
    await h.slack.messageAction("U0PARTNERA", { channel: note.channel, ts: note.ts }, "deal_answer_open");
    expect(visibleText((await h.fake.waitForResponse(before)).body.blocks)).toContain(`no deal #${deal.id}`);
    const { submit } = await answerFromMessage(note, "EUR 50k, approved in January");
    await submit();
    await expectAnswered(deal.id, "What is the budget?", "EUR 50k, approved in January");
  });

  it("answers from the App Home, which then refreshes", async () => {
    const deal = await registerDeal(h, "U0PARTNERB", GLOBEX, {
      customerName: "Soylent",
      customerDomain: "soylent.com",
    });
    await ask(deal.id, "Is procurement involved?");
    const home = await openHome(h, "U0PARTNERB");
    expect(JSON.stringify(home.blocks)).toContain(`"block_id":"home_deal_${deal.id}"`);
    await h.slack.viewAction("U0PARTNERB", "home", "deal_answer_open", undefined, {}, `home_deal_${deal.id}`);
    await modalOpened(h, "U0PARTNERB", "deal_answer");
    const published = h.fake.callsOf("views.publish").length;
    await h.slack.submitView("U0PARTNERB", { "answer_text.value": "Yes, from next week" });
    await h.fake.waitFor(() => h.fake.callsOf("views.publish")[published], 5_000, "Home refreshed");
    await expectAnswered(deal.id, "Is procurement involved?", "Yes, from next week");
    expect(JSON.stringify(h.fake.homeTabs.get("U0PARTNERB")?.blocks)).not.toContain("deal_answer_open");
  });

  it("keeps the conflict note on the approval card through a question and its answer", async () => {
    const acme = await registerDeal(h, "U0PARTNERA", ACME, {
      customerName: "Vandelay",
      customerDomain: "vandelay.com",
    });
    const globex = await registerDeal(h, "U0PARTNERB", GLOBEX, {
      customerName: "Vandelay Industries",
      customerDomain: "vandelay.com",
    });
    const note = `#${acme.id} by *Acme Resellers*`;
    expect(visibleText(approvalOf(h, globex.id).blocks)).toContain(note);
    await ask(globex.id, "When did you first meet them?");
    await waitForText(() => visibleText(approvalOf(h, globex.id).blocks), "When did you first meet them?", "asked");
    expect(visibleText(approvalOf(h, globex.id).blocks)).toContain(note);
    const question = await dmSaying(h, "U0PARTNERB", "When did you first meet them?");
    const { submit } = await answerFromMessage(question, "At a trade fair in March");
    await submit();
    // Back as a conflict, since Acme still claims the customer; the note and Resolve conflict are there.
    await expectAnswered(globex.id, "When did you first meet them?", "At a trade fair in March", "conflict");
    expect(visibleText(approvalOf(h, globex.id).blocks)).toContain(note);
    expect(JSON.stringify(approvalOf(h, globex.id).blocks)).toContain("deal_conflict_open");
  });
});
