import { describe, expect, it } from "vitest";
import { DEAL_MESSAGE_KINDS } from "../../src/services/deals/deal-messages";
import { outboxOf, refusal, useDealWorld } from "./deal-fixtures";

const world = useDealWorld();
const DB = process.env.TEST_DATABASE_URL ? "PostgreSQL" : "SQLite";

/** A registration with a manager's question on it, its approval request posted. */
async function askedDeal(p: Awaited<ReturnType<typeof world.program>>, fields = {}) {
  const deal = await p.deal(p.acme, fields);
  await world.opened.store.outbox.enqueue([
    {
      workspaceId: deal.workspaceId,
      dedupeKey: `deal:${deal.id}:approval`,
      kind: DEAL_MESSAGE_KINDS.approval,
      subject: { dealId: deal.id },
      action: "post",
      channelId: "C_APPROVALS",
      messageKey: `deal:${deal.id}:approval`,
    },
  ]);
  await world.services.deals.decide(p.manager, deal.id, "request_info", "Who is the buyer?");
  return deal;
}

describe(`answering a manager's question (${DB})`, () => {
  it("goes back to pending, keeps the exchange and tells the manager who asked, in a DM and the approval thread", async () => {
    const p = await world.program();
    const deal = await askedDeal(p);
    const answered = await world.services.deals.answerInfo(p.ana, deal.id, "  Kenji Sato, head of automation\n");
    expect(answered).toMatchObject({ status: "pending", decidedBy: null, decidedAt: null, decisionNote: null });
    const events = await world.opened.store.deals.events(deal.id);
    expect(events.at(-1)).toMatchObject({
      type: "info_answered",
      actor: "U_ANA",
      data: { question: "Who is the buyer?", answer: "Kenji Sato, head of automation", askedBy: "U_MANAGER" },
    });
    const rows = await outboxOf(world, p.admin.workspace.id);
    const answeredRows = rows.filter((row) => String(row.subject).includes('"answered"'));
    expect(answeredRows.map((row) => [row.channelId, row.threadKey])).toEqual([
      ["U_MANAGER", null],
      [null, `deal:${deal.id}:approval`],
    ]);
    expect(JSON.parse(String(answeredRows[0]?.subject))).toEqual({
      dealId: deal.id,
      notice: { type: "answered", by: "U_ANA", answer: "Kenji Sato, head of automation" },
    });
    expect(rows.some((row) => row.action === "update" && row.messageKey === `deal:${deal.id}:approval`)).toBe(true);

    const context = await world.services.deals.approvalContextOf(p.admin.workspace.id, deal.id);
    expect(context?.exchanges).toEqual([
      {
        question: "Who is the buyer?",
        askedBy: "U_MANAGER",
        askedAt: world.clock.now,
        answer: "Kenji Sato, head of automation",
        answeredBy: "U_ANA",
      },
    ]);
    // Now the manager can decide again, and ask a second question.
    await world.services.deals.decide(p.manager, deal.id, "request_info", "Which budget?");
    const again = await world.services.deals.approvalContextOf(p.admin.workspace.id, deal.id);
    expect(again?.exchanges.map((exchange) => [exchange.question, exchange.answer])).toEqual([
      ["Who is the buyer?", "Kenji Sato, head of automation"],
      ["Which budget?", null],
    ]);
  });

  it("returns to conflict while another partner's registration stands in the way", async () => {
    const p = await world.program();
    const deal = await askedDeal(p);
    const rival = await p.deal(p.globex);
    const answered = await world.services.deals.answerInfo(p.ana, deal.id, "Signed NDA in May");
    expect(answered).toMatchObject({ status: "conflict", conflictDealId: rival.id });
    const context = await world.services.deals.approvalContextOf(p.admin.workspace.id, deal.id);
    expect(context?.rivals.map((r) => r.id)).toEqual([rival.id]);
  });

  it("is for the partner's own people and the registrant only, and only while a question waits", async () => {
    const p = await world.program();
    const deal = await askedDeal(p);
    expect(await refusal(() => world.services.deals.answerInfo(p.bob, deal.id, "x"))).toEqual({
      code: "deal_not_found",
      params: { id: deal.id },
    });
    expect((await refusal(() => world.services.deals.answerInfo(p.manager, deal.id, "x"))).code).toBe("deal_not_found");
    expect((await refusal(() => world.services.deals.answerInfo(p.ana, deal.id, "   "))).code).toBe("answer_missing");
    expect((await refusal(() => world.services.deals.answerInfo(p.ana, deal.id, "a".repeat(1001)))).code).toBe(
      "answer_too_long",
    );
    await world.services.deals.answerInfo(p.ana, deal.id, "Kenji");
    expect(await refusal(() => world.services.deals.answerInfo(p.ana, deal.id, "Kenji"))).toEqual({
      code: "not_waiting_for_answer",
      params: { status: "pending" },
    });
  });

  it("adds no approval-thread note when the approval request was never posted", async () => {
    const p = await world.program({ approvalsChannel: null });
    const deal = await p.deal(p.acme);
    await world.services.deals.decide(p.manager, deal.id, "request_info", "Who?");
    await world.services.deals.answerInfo(p.ana, deal.id, "Kenji");
    const rows = await outboxOf(world, p.admin.workspace.id);
    expect(rows.filter((row) => row.threadKey === `deal:${deal.id}:approval`)).toEqual([]);
    expect(rows.filter((row) => row.channelId === "U_MANAGER")).toHaveLength(1);
  });
});
