import { describe, expect, it } from "vitest";
import type { RegistrationStatus } from "../../../src/domain/deals/registration";
import {
  checkStageChange,
  isOpenStage,
  isStage,
  nextStage,
  OPEN_STAGES,
  STAGE_LABELS,
  STAGES,
  type Stage,
} from "../../../src/domain/deals/stages";
import { errorOf } from "../../support/domain-error";

describe("stage lists", () => {
  it("orders the stages of a deal", () => {
    expect(STAGES).toEqual(["prospecting", "qualified", "proposal", "negotiation", "won", "lost"]);
    expect(OPEN_STAGES).toEqual(["prospecting", "qualified", "proposal", "negotiation"]);
  });

  it("labels every stage", () => {
    expect(STAGE_LABELS).toEqual({
      prospecting: "Prospecting",
      qualified: "Qualified",
      proposal: "Proposal",
      negotiation: "Negotiation",
      won: "Won",
      lost: "Lost",
    });
  });

  it.each([
    ["prospecting", true],
    ["qualified", true],
    ["proposal", true],
    ["negotiation", true],
    ["won", true],
    ["lost", true],
    ["Won", false],
    [" won", false],
    ["closed", false],
    ["", false],
  ])("isStage(%j) is %s", (value, expected) => {
    expect(isStage(value)).toBe(expected);
  });

  it.each([
    ["prospecting", true],
    ["qualified", true],
    ["proposal", true],
    ["negotiation", true],
    ["won", false],
    ["lost", false],
  ] as const)("isOpenStage(%s) is %s", (stage, expected) => {
    expect(isOpenStage(stage)).toBe(expected);
  });

  it.each([
    ["prospecting", "qualified"],
    ["qualified", "proposal"],
    ["proposal", "negotiation"],
    ["negotiation", null],
    ["won", null],
    ["lost", null],
  ] as const)("nextStage(%s) is %s", (stage, expected) => {
    expect(nextStage(stage)).toBe(expected);
  });
});

describe("checkStageChange", () => {
  const open = (stage: Stage, status: RegistrationStatus = "approved") => ({ stage, status });

  const allowedMoves: [Stage, Stage][] = [];
  for (const from of OPEN_STAGES) {
    for (const to of OPEN_STAGES) if (from !== to) allowedMoves.push([from, to]);
  }

  it.each(allowedMoves)("allows %s -> %s, forwards or backwards", (from, to) => {
    expect(() => checkStageChange(open(from), to, {})).not.toThrow();
  });

  it.each(["pending", "conflict", "info_requested", "approved"] as const)(
    "lets a %s registration move its deal",
    (status) => {
      expect(() => checkStageChange(open("prospecting", status), "qualified", {})).not.toThrow();
    },
  );

  it.each(OPEN_STAGES)("allows closing from %s as won or lost", (from) => {
    expect(() => checkStageChange(open(from), "won", {})).not.toThrow();
    expect(() => checkStageChange(open(from), "lost", { lostReason: "Went with a competitor" })).not.toThrow();
  });

  it.each([
    ["won", "prospecting", "won"],
    ["won", "lost", "won"],
    ["won", "won", "won"],
    ["lost", "negotiation", "lost"],
    ["lost", "won", "lost"],
    ["lost", "lost", "lost"],
  ] as const)("a deal that is %s can't move to %s", (from, to, stage) => {
    const error = errorOf(() => checkStageChange(open(from), to, { lostReason: "x", amountMinor: 100 }));
    expect(error.code).toBe("deal_closed");
    expect(error.params).toEqual({ stage });
  });

  it.each([
    ["rejected", "qualified"],
    ["rejected", "won"],
    ["expired", "qualified"],
    ["expired", "lost"],
  ] as const)("a %s registration can't move to %s", (status, to) => {
    const error = errorOf(() => checkStageChange(open("proposal", status), to, { lostReason: "x" }));
    expect(error.code).toBe("registration_closed");
    expect(error.params).toEqual({ status });
  });

  it.each(OPEN_STAGES)("moving to the stage it is already in (%s) is an error", (stage) => {
    const error = errorOf(() => checkStageChange(open(stage), stage, {}));
    expect(error.code).toBe("stage_unchanged");
    expect(error.params).toEqual({ stage });
  });

  it("rejects a stage that is not one, whatever the type says", () => {
    const error = errorOf(() => checkStageChange(open("proposal"), "closed" as Stage, {}));
    expect(error.code).toBe("stage_invalid");
  });

  describe("lost", () => {
    it.each([undefined, "", "   ", "\n\t"])("needs a reason (%j)", (lostReason) => {
      const input = lostReason === undefined ? {} : { lostReason };
      const error = errorOf(() => checkStageChange(open("proposal"), "lost", input));
      expect(error.code).toBe("lost_reason_missing");
    });

    it("accepts a reason of exactly 500 characters, counted after trimming", () => {
      expect(() => checkStageChange(open("proposal"), "lost", { lostReason: "x".repeat(500) })).not.toThrow();
      expect(() => checkStageChange(open("proposal"), "lost", { lostReason: `  ${"x".repeat(500)}  ` })).not.toThrow();
    });

    it("refuses a reason of 501 characters", () => {
      const error = errorOf(() => checkStageChange(open("proposal"), "lost", { lostReason: "x".repeat(501) }));
      expect(error.code).toBe("lost_reason_too_long");
      expect(error.params).toEqual({ max: 500 });
    });
  });

  describe("won", () => {
    it.each([undefined, 1, 1250050, Number.MAX_SAFE_INTEGER])("accepts corrected amount %s", (amountMinor) => {
      const input = amountMinor === undefined ? {} : { amountMinor };
      expect(() => checkStageChange(open("negotiation"), "won", input)).not.toThrow();
    });

    it.each([0, -1, -1250050, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])(
      "refuses corrected amount %s",
      (amountMinor) => {
        const error = errorOf(() => checkStageChange(open("negotiation"), "won", { amountMinor }));
        expect(error.code).toBe("amount_invalid");
      },
    );

    it("ignores an amount when the deal is not being won", () => {
      expect(() => checkStageChange(open("prospecting"), "qualified", { amountMinor: -5 })).not.toThrow();
    });
  });
});
