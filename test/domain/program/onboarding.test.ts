import { describe, expect, it } from "vitest";
import {
  isStuck,
  lastProgressAt,
  onboardingDone,
  STUCK_AFTER_DAYS,
  stepsForEvent,
} from "../../../src/domain/program/onboarding";
import type { OnboardingEvent } from "../../../src/domain/program/program-types";

const DAY = 86_400_000;
const now = new Date("2026-11-30T12:00:00Z");
const ago = (days: number, ms = 0) => new Date(now.getTime() - days * DAY + ms);

function step(key: string, auto: OnboardingEvent | null, doneAt: Date | null = null) {
  return { key, auto, doneAt };
}

describe("isStuck", () => {
  it("is stuck after 14 days without progress while steps are open", () => {
    expect(STUCK_AFTER_DAYS).toBe(14);
    expect(isStuck(ago(14), now, 3)).toBe(true);
    expect(isStuck(ago(40), now, 1)).toBe(true);
  });

  it("is not stuck a moment before 14 days", () => {
    expect(isStuck(ago(14, 1), now, 3)).toBe(false);
    expect(isStuck(ago(0), now, 3)).toBe(false);
  });

  it("a finished checklist is never stuck", () => {
    expect(isStuck(ago(100), now, 0)).toBe(false);
  });
});

describe("stepsForEvent", () => {
  const steps = [
    step("agreement", "agreement_signed", ago(3)),
    step("first_deal", "deal_registered"),
    step("kickoff", null),
    step("second", "deal_registered"),
    step("won", "deal_won"),
  ];

  it("returns the open steps the event completes, every one of them", () => {
    expect(stepsForEvent(steps, "deal_registered").map((s) => s.key)).toEqual(["first_deal", "second"]);
    expect(stepsForEvent(steps, "deal_won").map((s) => s.key)).toEqual(["won"]);
  });

  it("skips steps done already and events no step waits for", () => {
    expect(stepsForEvent(steps, "agreement_signed")).toEqual([]);
    expect(stepsForEvent(steps, "member_added")).toEqual([]);
  });
});

describe("onboardingDone", () => {
  it("is done when every step is done", () => {
    expect(onboardingDone([step("a", null, ago(1)), step("b", "deal_won", ago(2))])).toBe(true);
    expect(onboardingDone([step("a", null, ago(1)), step("b", "deal_won")])).toBe(false);
    expect(onboardingDone([])).toBe(true);
  });
});

describe("lastProgressAt", () => {
  it("is the latest step done, or the start when none is", () => {
    const started = ago(30);
    expect(lastProgressAt(started, [step("a", null), step("b", null)])).toEqual(started);
    expect(lastProgressAt(started, [step("a", null, ago(20)), step("b", null, ago(5)), step("c", null)])).toEqual(
      ago(5),
    );
  });

  it("with isStuck: a step done recently unsticks the checklist", () => {
    const started = ago(30);
    expect(isStuck(lastProgressAt(started, [step("a", null)]), now, 1)).toBe(true);
    expect(isStuck(lastProgressAt(started, [step("a", null, ago(2)), step("b", null)]), now, 1)).toBe(false);
  });
});
