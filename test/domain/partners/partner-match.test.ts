import { describe, expect, it } from "vitest";
import { editDistance, matchPartner, type PartnerMatch } from "../../../src/domain/partners/partner-match";
import { textKey } from "../../../src/domain/shared/text-key";
import { errorOf } from "../../support/domain-error";

interface P {
  id: number;
  name: string;
  nameKey: string;
}

let nextId = 1;
const partner = (name: string): P => ({ id: nextId++, name, nameKey: textKey(name) });

const ACME_SOLUTIONS = partner("Acme Solutions");
const ACME_LABS = partner("Acme Labs");
const GLOBEX = partner("Globex Corporation");
const INITECH = partner("Initech");
const SOLUTIONS_INC = partner("Solutions Inc.");
const MUELLER = partner("Müller & Söhne");
const ALL = [ACME_SOLUTIONS, ACME_LABS, GLOBEX, INITECH, SOLUTIONS_INC, MUELLER];

const names = (result: PartnerMatch<P>): string[] =>
  result.kind === "one"
    ? [result.partner.name]
    : result.kind === "many"
      ? result.matches.map((p) => p.name)
      : result.suggestions.map((p) => p.name);

describe("matchPartner", () => {
  it.each([
    ["exact", "Acme Solutions", "Acme Solutions"],
    ["exact, other case and spacing", "  acme   SOLUTIONS ", "Acme Solutions"],
    ["exact, without accents or punctuation", "muller sohne", "Müller & Söhne"],
    ["exact, with them", "Müller & Söhne", "Müller & Söhne"],
    ["a prefix of one name", "glob", "Globex Corporation"],
    ["the first word of one name", "globex", "Globex Corporation"],
    ["a later word", "corporation", "Globex Corporation"],
    ["words in another order", "corporation globex", "Globex Corporation"],
    ["word prefixes", "sol acme", "Acme Solutions"],
    ["word prefixes, name order", "acme sol", "Acme Solutions"],
    ["a prefix of a later word", "labs", "Acme Labs"],
    ["a few letters of a unique name", "ini", "Initech"],
    ["a word of a name with accents", "sohne", "Müller & Söhne"],
  ])("%s: %j is %j", (_case, typed, expected) => {
    const result = matchPartner(typed, ALL);
    expect(result.kind).toBe("one");
    expect(names(result)).toEqual([expected]);
  });

  it("returns the partner object it was given", () => {
    expect(matchPartner("initech", ALL)).toEqual({ kind: "one", partner: INITECH });
  });

  it("lets the exact name win over longer names it starts", () => {
    const acme = partner("Acme");
    expect(matchPartner("acme", [ACME_SOLUTIONS, acme, ACME_LABS])).toEqual({ kind: "one", partner: acme });
    expect(matchPartner("ACME", [ACME_SOLUTIONS, acme, ACME_LABS])).toEqual({ kind: "one", partner: acme });
  });

  it.each([
    ["acme", ["Acme Labs", "Acme Solutions"]],
    ["ac", ["Acme Labs", "Acme Solutions"]],
    ["solutions", ["Acme Solutions", "Solutions Inc."]],
    ["sol", ["Acme Solutions", "Solutions Inc."]],
  ])("several matches for %j, sorted by name: %j", (typed, expected) => {
    const result = matchPartner(typed, ALL);
    expect(result.kind).toBe("many");
    expect(names(result)).toEqual(expected);
  });

  it("lists at most 8 matches", () => {
    const many = Array.from({ length: 12 }, (_, i) => partner(`Zeta ${String.fromCharCode(108 - i)}`));
    const result = matchPartner("zeta", many);
    expect(result.kind).toBe("many");
    expect(names(result)).toEqual(["Zeta a", "Zeta b", "Zeta c", "Zeta d", "Zeta e", "Zeta f", "Zeta g", "Zeta h"]);
  });

  it("sorts matches by name regardless of case", () => {
    const result = matchPartner("beta", [partner("beta Two"), partner("Beta one"), partner("BETA three")]);
    expect(names(result)).toEqual(["Beta one", "BETA three", "beta Two"]);
  });

  it("matches a single letter to every name with a word starting with it", () => {
    expect(names(matchPartner("i", ALL))).toEqual(["Initech", "Solutions Inc."]);
  });

  it("doesn't let one typed word stand for two words of the name", () => {
    const result = matchPartner("acme acme", ALL);
    expect(result.kind).toBe("none");
  });

  it.each([
    ["a doubled letter", "acmee solutions", ["Acme Solutions"]],
    ["a swapped pair", "acme soultions", ["Acme Solutions"]],
    ["a wrong letter", "acme solutiona", ["Acme Solutions"]],
    ["a missing letter", "globx", ["Globex Corporation"]],
    ["a typo in a word prefix", "glbo", ["Globex Corporation"]],
    ["a typo in a later word's prefix", "corpro", ["Globex Corporation"]],
    ["two typos in a long name", "initek", ["Initech"]],
    ["an accent typed wrong", "mullar", ["Müller & Söhne"]],
    ["a typo in both words", "acne lbas", ["Acme Labs"]],
  ])("suggests close names for %s: %j", (_case, typed, expected) => {
    const result = matchPartner(typed, ALL);
    expect(result.kind).toBe("none");
    expect(names(result)).toEqual(expected);
  });

  it("suggests the closest names first, at most 3", () => {
    // "twx" is one typo from "two" and from "twi(g)", two from "tow" and "tre(e)", three from "one".
    const close = ["Acme One", "Acme Two", "Acme Tree", "Acme Tow", "Acme Twig"].map(partner);
    const result = matchPartner("acme twx", close);
    expect(result.kind).toBe("none");
    expect(names(result)).toEqual(["Acme Twig", "Acme Two", "Acme Tow"]);
  });

  it.each(["umbrella", "zz", "xy", "q", "completely different"])(
    "suggests nothing far from every name: %j",
    (typed) => {
      expect(matchPartner(typed, ALL)).toEqual({ kind: "none", suggestions: [] });
    },
  );

  it("finds nothing among no partners", () => {
    expect(matchPartner("acme", [])).toEqual({ kind: "none", suggestions: [] });
  });

  it.each(["", "   ", "!!!", "&", "—"])("refuses an empty search %j", (typed) => {
    expect(errorOf(() => matchPartner(typed, ALL)).problem).toEqual({ code: "partner_search_empty" });
  });

  it("reports two partners with the same key as ambiguous rather than picking one", () => {
    const a = partner("Acme-Solutions");
    const result = matchPartner("acme solutions", [ACME_SOLUTIONS, a]);
    expect(result.kind).toBe("many");
    expect(names(result)).toEqual(["Acme Solutions", "Acme-Solutions"]);
  });
});

describe("editDistance", () => {
  it.each([
    ["", "", 0],
    ["abc", "", 3],
    ["", "abc", 3],
    ["acme", "acme", 0],
    ["acme", "acne", 1],
    ["acme", "acmee", 1],
    ["acme", "acm", 1],
    ["acme", "came", 1],
    ["kitten", "sitting", 3],
    ["ca", "abc", 3],
  ])("%j to %j is %i", (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
    expect(editDistance(b, a)).toBe(expected);
  });
});
