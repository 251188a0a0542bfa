import { describe, expect, it } from "vitest";
import {
  answerInfo,
  checkAnswer,
  checkResolutionReason,
  MAX_ANSWER,
  MAX_DECISION_NOTE,
  REGISTRATION_STATUSES,
  resubmittable,
} from "../../../src/domain/deals/registration";
import { errorOf } from "../../support/domain-error";

describe("answerInfo", () => {
  it("sends an answered registration back to the managers' queue", () => {
    expect(answerInfo("info_requested")).toBe("pending");
    expect(answerInfo("info_requested", false)).toBe("pending");
  });

  it("puts it back in conflict while another partner's registration stands in the way", () => {
    expect(answerInfo("info_requested", true)).toBe("conflict");
  });

  it.each(REGISTRATION_STATUSES.filter((s) => s !== "info_requested"))(
    "refuses to answer a %s registration",
    (status) => {
      expect(errorOf(() => answerInfo(status)).problem).toEqual({ code: "not_waiting_for_answer", params: { status } });
      expect(errorOf(() => answerInfo(status, true)).problem).toEqual({
        code: "not_waiting_for_answer",
        params: { status },
      });
    },
  );
});

describe("checkAnswer", () => {
  it("trims the answer and keeps its line breaks", () => {
    expect(checkAnswer("  The budget is approved.\n- PO next week\n- 3 sites  ")).toBe(
      "The budget is approved.\n- PO next week\n- 3 sites",
    );
  });

  it.each(["", "   ", "\n\t "])("requires an answer: %j", (text) => {
    expect(errorOf(() => checkAnswer(text)).problem).toEqual({ code: "answer_missing" });
  });

  it("accepts up to 1000 characters, counted after trimming", () => {
    expect(MAX_ANSWER).toBe(1000);
    expect(checkAnswer("a".repeat(1000))).toHaveLength(1000);
    expect(checkAnswer(`  ${"a".repeat(1000)}  `)).toHaveLength(1000);
    expect(checkAnswer("x")).toBe("x");
  });

  it("refuses 1001 characters", () => {
    expect(errorOf(() => checkAnswer("a".repeat(1001))).problem).toEqual({
      code: "answer_too_long",
      params: { max: 1000 },
    });
  });
});

describe("resubmittable", () => {
  it("lets a rejected registration be corrected", () => {
    expect(() => resubmittable("rejected")).not.toThrow();
  });

  it.each(REGISTRATION_STATUSES.filter((s) => s !== "rejected"))("refuses a %s one", (status) => {
    expect(errorOf(() => resubmittable(status)).problem).toEqual({ code: "not_rejected", params: { status } });
  });
});

describe("checkResolutionReason", () => {
  it("trims the reason", () => {
    expect(checkResolutionReason("  Sakura registered first and is in negotiation.  ")).toBe(
      "Sakura registered first and is in negotiation.",
    );
  });

  it.each(["", "  ", "\n"])("requires a reason: %j", (text) => {
    expect(errorOf(() => checkResolutionReason(text)).problem).toEqual({ code: "reason_missing" });
  });

  it("takes as much as a rejection reason, and no more", () => {
    expect(MAX_DECISION_NOTE).toBe(500);
    expect(checkResolutionReason("r".repeat(500))).toHaveLength(500);
    expect(errorOf(() => checkResolutionReason("r".repeat(501))).problem).toEqual({
      code: "reason_too_long",
      params: { max: 500 },
    });
  });
});
