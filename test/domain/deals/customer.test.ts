import { describe, expect, it } from "vitest";
import {
  type CustomerKeys,
  customerKeys,
  normalizeCompanyName,
  normalizeDomain,
  sameCustomer,
} from "../../../src/domain/deals/customer";
import { DomainError } from "../../../src/domain/shared/domain-error";

function domainError(input: string): DomainError {
  try {
    normalizeDomain(input);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error(`normalizeDomain(${JSON.stringify(input)}) did not throw`);
}

describe("normalizeDomain", () => {
  it.each([
    ["acme.com", "acme.com"],
    ["https://www.Acme.com/path?x", "acme.com"],
    ["jane.doe@acme.co.uk", "acme.co.uk"],
    [" ACME.COM. ", "acme.com"],
    ["http://acme.com", "acme.com"],
    ["HTTPS://ACME.COM/", "acme.com"],
    ["ftp://files.acme.com", "files.acme.com"],
    ["//acme.com/x", "acme.com"],
    ["www.acme.com", "acme.com"],
    ["WWW.ACME.COM", "acme.com"],
    ["sales.acme.com", "sales.acme.com"],
    ["www2.acme.com", "www2.acme.com"],
    ["www.com", "www.com"],
    ["acme.com/about/team", "acme.com"],
    ["acme.com?utm=x", "acme.com"],
    ["acme.com#contact", "acme.com"],
    ["acme.com:8443", "acme.com"],
    ["https://acme.com:8443/login", "acme.com"],
    ["https://user:secret@acme.com/x", "acme.com"],
    ["https://user@www.acme.com", "acme.com"],
    ["mailto:jane@acme.com", "acme.com"],
    ["Jane Doe <jane.doe@Acme.com>", "acme.com"],
    ["<https://acme.com>", "acme.com"],
    ["jane+deals@acme.io", "acme.io"],
    ["a.b@mail.acme.com", "mail.acme.com"],
    ["acme-corp.com", "acme-corp.com"],
    ["3m.com", "3m.com"],
    ["acme.co.jp", "acme.co.jp"],
    ["xn--mller-kva.de", "xn--mller-kva.de"],
    ["acme.xn--p1ai", "acme.xn--p1ai"],
    ["acme.museum", "acme.museum"],
    [`${"a".repeat(63)}.com`, `${"a".repeat(63)}.com`],
  ])("normalizeDomain(%j) is %j", (input, expected) => {
    expect(normalizeDomain(input)).toBe(expected);
  });

  it.each(["", " ", "\t\n"])("returns null for empty input %j", (input) => {
    expect(normalizeDomain(input)).toBeNull();
  });

  it.each([
    "acme",
    "localhost",
    "acme.",
    ".com",
    "acme..com",
    "-acme.com",
    "acme-.com",
    "acme.-co.uk",
    "acme.c",
    "acme.c0m",
    "acme.123",
    "192.168.1.1",
    "[::1]",
    "acme .com",
    "acme_corp.com",
    "jane@",
    "@",
    "https://",
    "not a domain",
    "www.",
    `${"a".repeat(64)}.com`,
    `${"abc.".repeat(63)}com`,
  ])("rejects %j", (input) => {
    const error = domainError(input);
    expect(error.code).toBe("customer_domain_invalid");
    expect(error.params).toMatchObject({ foreignCharacters: false });
  });

  it("flags characters no domain can have, even an internationalized one", () => {
    const error = domainError("müller");
    expect(error.code).toBe("customer_domain_invalid");
    expect(error.params).toEqual({ shown: "müller", foreignCharacters: true });
  });

  it("quotes what was typed, trimmed and shortened", () => {
    expect(domainError("  acme  ").params).toEqual({ shown: "acme", foreignCharacters: false });
    const long = "x".repeat(100);
    expect(domainError(long).params).toEqual({ shown: `${"x".repeat(59)}…`, foreignCharacters: false });
  });
});

describe("normalizeCompanyName", () => {
  it.each([
    ["Acme Holdings GmbH & Co. KG", "acme holdings"],
    ["ACME, Inc.", "acme"],
    ["Société Générale S.A.", "societe generale"],
    ["Acme Ltd.", "acme"],
    ["Acme Limited", "acme"],
    ["Acme LLC", "acme"],
    ["Acme L.L.C.", "acme"],
    ["Acme Corp", "acme"],
    ["Acme Corp.", "acme"],
    ["Acme Corporation", "acme"],
    ["Acme Co", "acme"],
    ["Acme Co.", "acme"],
    ["Acme Company", "acme"],
    ["Acme Pty Ltd", "acme"],
    ["Acme Pty. Ltd.", "acme"],
    ["Acme BV", "acme"],
    ["Acme B.V.", "acme"],
    ["Acme N.V.", "acme"],
    ["Acme NV", "acme"],
    ["Acme AG", "acme"],
    ["Acme SARL", "acme"],
    ["Acme S.à r.l.", "acme"],
    ["Acme SAS", "acme"],
    ["Acme S.A.S.", "acme"],
    ["Acme S.p.A.", "acme"],
    ["Acme SpA", "acme"],
    ["Acme SRL", "acme"],
    ["Acme S.r.l.", "acme"],
    ["Acme Oy", "acme"],
    ["Acme Oyj", "acme"],
    ["Acme AB", "acme"],
    ["Acme AS", "acme"],
    ["Acme A/S", "acme"],
    ["Acme ApS", "acme"],
    ["Acme K.K.", "acme"],
    ["Acme KK", "acme"],
    ["Acme PLC", "acme"],
    ["Acme p.l.c.", "acme"],
    ["Acme LLP", "acme"],
    ["Acme KG", "acme"],
    ["Acme Sp. z o.o.", "acme"],
    ["Acme GmbH", "acme"],
    ["Acme SE", "acme"],
    ["Acme Inc", "acme"],
    ["Acme Incorporated", "acme"],
    ["Acme Co., Ltd.", "acme"],
    ["Acme Pte. Ltd.", "acme"],
    ["Acme Private Limited", "acme"],
    ["Acme Pvt. Ltd.", "acme"],
    ["Acme Sdn. Bhd.", "acme"],
    ["Acme S.A. de C.V.", "acme"],
    ["Acme Ltda.", "acme"],
    ["Acme s.r.o.", "acme"],
    ["Acme Kft.", "acme"],
    ["Acme AG & Co. KGaA", "acme"],
    ["Acme & Co.", "acme"],
    ["Acme and Company", "acme"],
    ["Acme Kabushiki Kaisha", "acme"],
    ["The Acme Company", "acme"],
    ["THE ACME CORP", "acme"],
    ["the acme", "acme"],
    ["Acme Holdings", "acme holdings"],
    ["Acme Group", "acme group"],
    ["Acme Holdings Inc. Ltd.", "acme holdings"],
    ["  Acme    Inc  ", "acme"],
    ["ACME", "acme"],
    ["acme", "acme"],
    ["Ácmé", "acme"],
    ["AT&T Inc.", "at and t"],
    ["Procter & Gamble Co.", "procter and gamble"],
    ["Johnson & Johnson", "johnson and johnson"],
    ["Müller & Söhne GmbH", "muller and sohne"],
    ["Straßenbau AG", "strassenbau"],
    ["Ørsted A/S", "orsted"],
    ["Łódź Tech Sp. z o.o.", "lodz tech"],
    ["Nestlé S.A.", "nestle"],
    ["3M Company", "3m"],
    ["Acme-Widgets, Inc.", "acme widgets"],
    ["Theater Company", "theater"],
    ["Incorporated Widgets", "incorporated widgets"],
    ["Cohen & Co Acme", "cohen and co acme"],
  ])("normalizeCompanyName(%j) is %j", (name, expected) => {
    expect(normalizeCompanyName(name)).toBe(expected);
  });

  it.each([
    ["Inc", "inc"],
    ["Inc.", "inc"],
    ["The Company", "the company"],
    ["Co Inc", "co inc"],
    ["LLC", "llc"],
    ["The", "the"],
    ["S.A.", "s a"],
    ["GmbH & Co. KG", "gmbh and co kg"],
  ])("never empties a name that has letters: %j is %j", (name, expected) => {
    expect(normalizeCompanyName(name)).toBe(expected);
  });

  it.each(["", "   ", "!!!", "-.,"])("is empty only when there are no letters or digits: %j", (name) => {
    expect(normalizeCompanyName(name)).toBe("");
  });

  it("reads a lone ampersand as the word it stands for", () => {
    expect(normalizeCompanyName("&")).toBe("and");
  });

  it("gives the same key to the ways people write one company", () => {
    const keys = ["ACME, Inc.", "Acme Inc", "acme", "The Acme Corporation", "Acme LLC", " ACME  "].map(
      normalizeCompanyName,
    );
    expect(new Set(keys)).toEqual(new Set(["acme"]));
  });
});

describe("customerKeys", () => {
  it.each([
    [
      { name: "ACME, Inc.", domainOrEmail: "https://www.acme.com" },
      { domain: "acme.com", nameKey: "acme" },
    ],
    [
      { name: "ACME, Inc.", domainOrEmail: "jane@acme.com" },
      { domain: "acme.com", nameKey: "acme" },
    ],
    [{ name: "Acme GmbH" }, { domain: null, nameKey: "acme" }],
    [
      { name: "Acme GmbH", domainOrEmail: null },
      { domain: null, nameKey: "acme" },
    ],
    [
      { name: "Acme GmbH", domainOrEmail: "  " },
      { domain: null, nameKey: "acme" },
    ],
  ])("customerKeys(%j) is %j", (input, expected) => {
    expect(customerKeys(input)).toEqual(expected);
  });

  it("throws the domain error for a bad domain", () => {
    expect(() => customerKeys({ name: "Acme", domainOrEmail: "acme" })).toThrow(DomainError);
  });
});

describe("sameCustomer", () => {
  const keys = (domain: string | null, nameKey: string): CustomerKeys => ({ domain, nameKey });

  it.each([
    ["equal domains, equal names", keys("acme.com", "acme"), keys("acme.com", "acme"), true],
    ["equal domains, different names", keys("acme.com", "acme"), keys("acme.com", "acme widgets"), true],
    ["different domains, equal names", keys("acme.com", "acme"), keys("acme.de", "acme"), false],
    ["different domains, different names", keys("acme.com", "acme"), keys("globex.com", "globex"), false],
    ["subdomain is a different domain", keys("eu.acme.com", "acme"), keys("acme.com", "acme"), false],
    ["only the first has a domain, equal names", keys("acme.com", "acme"), keys(null, "acme"), true],
    ["only the second has a domain, equal names", keys(null, "acme"), keys("acme.com", "acme"), true],
    ["only one has a domain, different names", keys("acme.com", "acme"), keys(null, "globex"), false],
    ["no domains, equal names", keys(null, "acme"), keys(null, "acme"), true],
    ["no domains, different names", keys(null, "acme"), keys(null, "acme holdings"), false],
    ["no domains, empty names", keys(null, ""), keys(null, ""), false],
  ])("%s: %s", (_case, a, b, expected) => {
    expect(sameCustomer(a, b)).toBe(expected);
    expect(sameCustomer(b, a)).toBe(expected);
  });

  it("matches the keys of differently typed registrations of one customer", () => {
    const a = customerKeys({ name: "ACME, Inc.", domainOrEmail: "https://www.acme.com/contact" });
    const b = customerKeys({ name: "The Acme Corporation", domainOrEmail: "bob@ACME.com" });
    const c = customerKeys({ name: "Acme" });
    expect(sameCustomer(a, b)).toBe(true);
    expect(sameCustomer(a, c)).toBe(true);
    expect(sameCustomer(a, customerKeys({ name: "Acme", domainOrEmail: "acme.de" }))).toBe(false);
  });
});
