import { describe, expect, it } from "vitest";
import { DomainError } from "../../src/domain/shared/domain-error";
import { dealIdFrom } from "../../src/slack/listeners/actions/deal-action-value";
import { tokenize } from "../../src/slack/parse/command-text";
import { MAX_RECORD_ID, typedDealId } from "../../src/slack/parse/record-id";
import { errorSentence } from "../../src/slack/views/error-sentences";
import { refusalMessage } from "../../src/slack/views/error-views";

function refusal(run: () => unknown): DomainError | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  return undefined;
}

describe("ids from Slack stay within the database's 32-bit range", () => {
  it("reads typed deal numbers and refuses those no row can have", () => {
    expect(typedDealId("#42")).toBe(42);
    expect(typedDealId(String(MAX_RECORD_ID))).toBe(MAX_RECORD_ID);
    expect(typedDealId("list")).toBeNull();
    expect(refusal(() => typedDealId("2147483648"))).toMatchObject({
      code: "deal_not_found",
      params: { id: "2147483648" },
    });
    expect(refusal(() => typedDealId("0"))?.code).toBe("deal_not_found");
  });

  it("reads button values and refuses forged ones", () => {
    expect(dealIdFrom("42:proposal")).toBe(42);
    expect(refusal(() => dealIdFrom("2147483648"))?.code).toBe("deal_not_found");
    for (const forged of [undefined, "", "0", "-1", "1e3", "<!channel>", " 42"]) {
      expect(refusal(() => dealIdFrom(forged))?.code).toBe("bad_button");
    }
  });
});

describe("text typed in a command", () => {
  it("loses its NUL characters before anything reads it", () => {
    expect(tokenize("add Ac\u0000me region:E\u0000U").map((token) => token.raw)).toEqual(["add", "Acme", "region:EU"]);
  });

  it("cannot close the quoted part of a refusal early to slip a mention through", () => {
    const name = "x” <@U9TYPED> <!channel> “y";
    const sentence = errorSentence(new DomainError("partner_not_found", { name }));
    const shown = refusalMessage(sentence).text;
    expect(shown).not.toMatch(/<@U9TYPED>|<!channel>/);
    expect(shown).toContain("&lt;@U9TYPED&gt;");
  });
});
