import { describe, expect, it } from "vitest";
import { parseArgs, splitSubcommand, tokenize } from "../../src/slack/parse/command-text";
import { errorSentence } from "../../src/slack/views/error-sentences";
import { errorOf } from "../support/domain-error";

describe("tokenize", () => {
  it.each([
    ["add Acme Corp", ["add", "Acme", "Corp"]],
    ['  add   "Acme Corp"  ', ["add", "Acme Corp"]],
    ["add “Acme Corp” x", ["add", "Acme Corp", "x"]],
    ["add O'Neil & Sons", ["add", "O'Neil", "&", "Sons"]],
    ["add O'Neil &amp; Sons &lt;EU&gt;", ["add", "O'Neil", "&", "Sons", "<EU>"]],
  ])("%s", (text, words) => {
    expect(tokenize(text).map((token) => (token.kind === "word" ? token.value : token.raw))).toEqual(words);
  });

  it("reads escaped and bare user and channel mentions", () => {
    expect(tokenize("<@U123|dana> <@W9AB> <#C42|deals> <#G7>")).toEqual([
      { kind: "user", id: "U123", label: "dana", raw: "<@U123|dana>" },
      { kind: "user", id: "W9AB", label: undefined, raw: "<@W9AB>" },
      { kind: "channel", id: "C42", label: "deals", raw: "<#C42|deals>" },
      { kind: "channel", id: "G7", label: undefined, raw: "<#G7>" },
    ]);
  });

  it("reads a mention glued to text", () => {
    expect(tokenize("x<@U1>y").map((token) => token.kind)).toEqual(["word", "user", "word"]);
  });

  it("reads options, with quoted values", () => {
    expect(tokenize('region:"North America" tier:Gold')).toEqual([
      { kind: "option", key: "region", value: "North America", raw: 'region:"North America"' },
      { kind: "option", key: "tier", value: "Gold", raw: "tier:Gold" },
    ]);
  });

  it("keeps links readable", () => {
    expect(tokenize("<https://acme.com|acme.com>")).toEqual([
      { kind: "word", value: "acme.com", raw: "<https://acme.com|acme.com>" },
    ]);
  });

  it("refuses an unclosed quote", () => {
    const error = errorOf(() => tokenize('add "Acme'));
    expect(error.code).toBe("unclosed_quote");
    expect(errorSentence(error)).toMatch(/quote/);
  });

  it("is empty for blank text", () => {
    expect(tokenize("   ")).toEqual([]);
  });
});

describe("parseArgs", () => {
  it("sorts words, mentions and known options; unknown options stay words", () => {
    const args = parseArgs(tokenize("Acme:EMEA Corp <@U1|a> region:EMEA tier:gold"), ["region", "tier"]);
    expect(args).toEqual({
      words: ["Acme:EMEA", "Corp"],
      users: [{ id: "U1", label: "a" }],
      channels: [],
      options: { region: "EMEA", tier: "gold" },
    });
  });

  it("refuses a repeated option", () => {
    const error = errorOf(() => parseArgs(tokenize("a tier:gold tier:silver"), ["tier"]));
    expect(error.params).toEqual({ key: "tier" });
    expect(errorSentence(error)).toMatch(/twice/);
  });
});

describe("splitSubcommand", () => {
  it("lower-cases the subcommand and keeps the rest", () => {
    const { sub, rest } = splitSubcommand("  ADD Acme ");
    expect(sub).toBe("add");
    expect(rest).toHaveLength(1);
  });

  it("has no subcommand when the text starts with a mention", () => {
    expect(splitSubcommand("<@U1> hi").sub).toBe("");
  });
});
