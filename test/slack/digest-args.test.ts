import { describe, expect, it } from "vitest";
import { DomainError } from "../../src/domain/shared/domain-error";
import { tokenize } from "../../src/slack/parse/command-text";
import {
  parseDigestArgs,
  parseTimeOfDay,
  parseWeekday,
  scheduleText,
  WEEKDAY_NAMES,
} from "../../src/slack/parse/digest-args";

const parse = (text: string) => parseDigestArgs(tokenize(text));

function refusal(text: string): { code: string; params: unknown } {
  try {
    parse(text);
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, params: error.params };
    throw error;
  }
  throw new Error(`"${text}" was accepted`);
}

describe("/hub digest arguments", () => {
  it("reads the subcommands", () => {
    expect(parse("")).toEqual({ kind: "status" });
    expect(parse("status")).toEqual({ kind: "status" });
    expect(parse("here")).toEqual({ kind: "here", schedule: {} });
    expect(parse("OFF")).toEqual({ kind: "off" });
    expect(parse("preview")).toEqual({ kind: "preview" });
    expect(parse("me")).toEqual({ kind: "me", schedule: {} });
    expect(parse("me off")).toEqual({ kind: "me-off" });
  });

  it("reads day, time and zone in any order", () => {
    expect(parse("here monday 09:00 tz:Europe/Berlin")).toEqual({
      kind: "here",
      schedule: { weekday: 1, hour: 9, minute: 0, timezone: "Europe/Berlin" },
    });
    expect(parse("here tz:america/new_york 17:30 Fri")).toEqual({
      kind: "here",
      schedule: { weekday: 5, hour: 17, minute: 30, timezone: "America/New_York" },
    });
    expect(parse("here timezone:UTC sunday")).toEqual({ kind: "here", schedule: { weekday: 0, timezone: "UTC" } });
    expect(parse("me thursday 7:05")).toEqual({ kind: "me", schedule: { weekday: 4, hour: 7, minute: 5 } });
    expect(parse("me 23:59")).toEqual({ kind: "me", schedule: { hour: 23, minute: 59 } });
  });

  it("knows every day by its full, short and plural name", () => {
    const spellings: [string, number][] = [
      ["sun", 0],
      ["Sundays", 0],
      ["mon", 1],
      ["MONDAY", 1],
      ["tue", 2],
      ["tues", 2],
      ["Tuesday", 2],
      ["wed", 3],
      ["wednesdays", 3],
      ["thu", 4],
      ["thurs", 4],
      ["Thursday", 4],
      ["fri", 5],
      ["friday", 5],
      ["sat", 6],
      ["saturday", 6],
    ];
    for (const [word, day] of spellings) expect(parseWeekday(word), word).toBe(day);
    for (const word of ["someday", "m", "", "monday1", "1"]) expect(parseWeekday(word), word).toBeNull();
  });

  it("reads 24-hour times and nothing else", () => {
    expect(parseTimeOfDay("09:00")).toEqual({ hour: 9, minute: 0 });
    expect(parseTimeOfDay("0:00")).toEqual({ hour: 0, minute: 0 });
    expect(parseTimeOfDay("23:59")).toEqual({ hour: 23, minute: 59 });
    expect(parseTimeOfDay("9.30")).toEqual({ hour: 9, minute: 30 });
    for (const word of ["24:00", "12:60", "9", "9am", "9:0", "123:00", "-1:00", "09:00:00"]) {
      expect(parseTimeOfDay(word), word).toBeNull();
    }
  });

  it("refuses what it doesn't understand, quoting it literally", () => {
    expect(refusal("weekly")).toMatchObject({ code: "usage" });
    expect(String((refusal("weekly").params as { text: string }).text)).toContain("“weekly”");
    expect(String((refusal("here 9am").params as { text: string }).text)).toContain("is not a time");
    expect(String((refusal("here 25:00").params as { text: string }).text)).toContain("is not a time");
    expect(String((refusal("here someday").params as { text: string }).text)).toContain(
      "“someday” is not a day or a time.",
    );
    expect(String((refusal("here monday friday").params as { text: string }).text)).toContain("Give one day.");
    expect(String((refusal("here 09:00 10:00").params as { text: string }).text)).toContain("Give one time.");
    expect(String((refusal("here <#C0OTHER|other>").params as { text: string }).text)).toContain("don't name");
    expect(String((refusal("me <@U0ADMIN>").params as { text: string }).text)).toContain("don't name");
    expect(String((refusal("off now").params as { text: string }).text)).toContain("takes nothing after it");
    expect(String((refusal("preview please").params as { text: string }).text)).toContain("takes nothing");
    expect(String((refusal("me off now").params as { text: string }).text)).toContain("takes nothing");
  });

  it("refuses a zone that is not one, and a zone given twice", () => {
    expect(refusal("here tz:Mars/Olympus")).toEqual({ code: "timezone_invalid", params: { text: "Mars/Olympus" } });
    expect(refusal("here tz:+02:00")).toMatchObject({ code: "timezone_invalid" });
    expect(refusal("here tz:UTC tz:UTC")).toMatchObject({ code: "option_repeated" });
    expect(String((refusal("here tz:UTC timezone:UTC").params as { text: string }).text)).toContain("once");
  });

  it("cuts a very long typed word in the refusal", () => {
    const text = String((refusal(`here ${"x".repeat(3000)}`).params as { text: string }).text);
    expect(text.length).toBeLessThan(600);
    expect(text).toContain("…”");
  });

  it("writes a schedule back as people read it", () => {
    expect(scheduleText({ weekday: 1, hour: 9, minute: 0, timezone: "Europe/Berlin" })).toBe(
      "Mondays at 09:00 (Europe/Berlin)",
    );
    expect(WEEKDAY_NAMES[5]).toBe("Friday");
  });
});
