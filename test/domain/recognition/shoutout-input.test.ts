import { describe, expect, it } from "vitest";
import {
  canGiveAward,
  MAX_AWARD_NAME,
  MAX_SHOUTOUT_MESSAGE,
  type ShoutoutGiver,
  type ShoutoutInput,
  validateShoutout,
} from "../../../src/domain/recognition/shoutout-input";

const PEER: ShoutoutGiver = { userId: "U_GIVER", role: "member", values: ["Customer first", "Win together"] };
const MANAGER: ShoutoutGiver = { ...PEER, role: "manager" };
const INPUT: ShoutoutInput = { recipients: [{ userId: "U_ANA" }], message: "Closed the Acme renewal early" };

function problems(input: Partial<ShoutoutInput>, giver = PEER) {
  const result = validateShoutout({ ...INPUT, ...input }, giver);
  return result.ok ? {} : result.problems;
}

describe("validateShoutout", () => {
  it("accepts people and partners, each once, announced unless asked otherwise", () => {
    const result = validateShoutout(
      {
        ...INPUT,
        recipients: [
          { userId: "U_ANA" },
          { userId: " U_BEN " },
          { userId: "U_ANA" },
          { partnerId: 7 },
          { partnerId: 7 },
        ],
        message: "  Closed the Acme renewal early\nand upsold support  ",
        value: "#win TOGETHER",
      },
      PEER,
    );
    expect(result).toEqual({
      ok: true,
      shoutout: {
        recipients: [
          { userId: "U_ANA", partnerId: null },
          { userId: "U_BEN", partnerId: null },
          { userId: null, partnerId: 7 },
        ],
        message: "Closed the Acme renewal early\nand upsold support",
        value: "Win together",
        award: null,
        announce: true,
      },
    });
    expect(validateShoutout({ ...INPUT, announce: false }, PEER)).toMatchObject({ shoutout: { announce: false } });
  });

  it("refuses a shout-out to yourself, even among others", () => {
    expect(problems({ recipients: [{ userId: "U_ANA" }, { userId: "U_GIVER" }] })).toEqual({
      recipients: { code: "shoutout_self" },
    });
  });

  it("refuses a bot the Slack layer recognized", () => {
    expect(problems({ recipients: [{ userId: "U_ANA" }, { userId: "B_BOT" }], botUserIds: ["B_BOT"] })).toEqual({
      recipients: { code: "shoutout_bot", params: { userId: "B_BOT" } },
    });
  });

  it("needs at least one recipient", () => {
    expect(problems({ recipients: [] })).toEqual({ recipients: { code: "shoutout_recipients_missing" } });
    expect(problems({ recipients: [{ userId: "  " }, { partnerName: "Acme" }] })).toEqual({
      recipients: { code: "shoutout_recipients_missing" },
    });
  });

  it("needs a message of 3 to 500 characters", () => {
    expect(problems({ message: "   " })).toEqual({ message: { code: "shoutout_message_missing" } });
    expect(problems({ message: "ok" })).toEqual({
      message: { code: "shoutout_message_too_short", params: { min: 3 } },
    });
    expect(problems({ message: "a".repeat(MAX_SHOUTOUT_MESSAGE) })).toEqual({});
    expect(problems({ message: "a".repeat(MAX_SHOUTOUT_MESSAGE + 1) })).toEqual({
      message: { code: "shoutout_message_too_long", params: { max: MAX_SHOUTOUT_MESSAGE } },
    });
  });

  it("takes only the program's values, matched without letter case", () => {
    expect(problems({ value: "Speed" })).toEqual({
      value: { code: "shoutout_value_unknown", params: { text: "Speed", values: PEER.values } },
    });
    expect(problems({ value: "customer FIRST" })).toEqual({});
    expect(problems({ value: " " })).toEqual({});
  });

  it("lets managers and admins give awards and refuses peers", () => {
    expect(canGiveAward("member")).toBe(false);
    expect(canGiveAward("manager")).toBe(true);
    expect(canGiveAward("admin")).toBe(true);
    expect(problems({ award: "Partner of the month" })).toEqual({ award: { code: "shoutout_award_managers_only" } });
    expect(validateShoutout({ ...INPUT, award: "  Partner of   the month " }, MANAGER)).toMatchObject({
      ok: true,
      shoutout: { award: "Partner of the month" },
    });
    expect(problems({ award: "x".repeat(MAX_AWARD_NAME + 1) }, MANAGER)).toEqual({
      award: { code: "shoutout_award_too_long", params: { max: MAX_AWARD_NAME } },
    });
    expect(problems({ award: "" })).toEqual({});
  });

  it("flags every field at once", () => {
    expect(Object.keys(problems({ recipients: [], message: "", value: "nope", award: "Star" }))).toEqual([
      "recipients",
      "message",
      "value",
      "award",
    ]);
  });
});
