import { describe, expect, it } from "vitest";
import {
  type CustomerKeys,
  customerKeys,
  isFreeMailDomain,
  normalizeDomain,
  sameCustomer,
} from "../../../src/domain/deals/customer";
import { errorOf } from "../../support/domain-error";

describe("normalizeDomain with internationalized domains", () => {
  it.each([
    ["münchen.de", "xn--mnchen-3ya.de"],
    ["MÜNCHEN.DE", "xn--mnchen-3ya.de"],
    ["WWW.MÜNCHEN.DE", "xn--mnchen-3ya.de"],
    ["www.münchen.de", "xn--mnchen-3ya.de"],
    ["münchen.de.", "xn--mnchen-3ya.de"],
    ["münchen.de:8080", "xn--mnchen-3ya.de"],
    ["müller.de", "xn--mller-kva.de"],
    ["straße.de", "xn--strae-oqa.de"],
    ["ДОМЕН.РФ", "xn--d1acufc.xn--p1ai"],
    ["домен.рф", "xn--d1acufc.xn--p1ai"],
    ["acme.рф", "acme.xn--p1ai"],
    ["例え.テスト", "xn--r8jz45g.xn--zckzah"],
    ["bücher.example.de", "xn--bcher-kva.example.de"],
    // URL forms
    ["https://www.münchen.de/über?x=1", "xn--mnchen-3ya.de"],
    ["http://пример.рф/", "xn--e1afmkfd.xn--p1ai"],
    ["//münchen.de/x", "xn--mnchen-3ya.de"],
    ["https://jürgen:geheim@münchen.de:443/login", "xn--mnchen-3ya.de"],
    ["https://m%C3%BCnchen.de/", "xn--mnchen-3ya.de"],
    ["<https://münchen.de>", "xn--mnchen-3ya.de"],
    // e-mail forms, with a non-ASCII local part too
    ["jürgen@münchen.de", "xn--mnchen-3ya.de"],
    ["jürgen@MÜNCHEN.DE", "xn--mnchen-3ya.de"],
    ["mailto:info@例え.テスト", "xn--r8jz45g.xn--zckzah"],
    ["Jürgen Bauer <jürgen@bücher.example.de>", "xn--bcher-kva.example.de"],
    ["jürgen@acme.de", "acme.de"],
    // full-width forms and ideographic dots, as Japanese and Chinese keyboards type them
    ["ＡＣＭＥ．ＣＯＭ", "acme.com"],
    ["acme。com", "acme.com"],
    // the ASCII form typed directly still works, in any case
    ["xn--mnchen-3ya.de", "xn--mnchen-3ya.de"],
    ["XN--MNCHEN-3YA.DE", "xn--mnchen-3ya.de"],
    ["www.xn--mnchen-3ya.de", "xn--mnchen-3ya.de"],
    ["https://xn--d1acufc.xn--p1ai/", "xn--d1acufc.xn--p1ai"],
  ])("normalizeDomain(%j) is %j", (input, expected) => {
    expect(normalizeDomain(input)).toBe(expected);
  });

  it("gives the Unicode and the ASCII spelling of one domain the same key", () => {
    expect(normalizeDomain("münchen.de")).toBe(normalizeDomain("xn--mnchen-3ya.de"));
    expect(normalizeDomain("https://www.ДОМЕН.РФ")).toBe(normalizeDomain("info@xn--d1acufc.xn--p1ai"));
  });

  it.each([
    ["müller", true],
    ["münchen", true],
    ["münchen .de", true],
    ["münchen..de", true],
    ["-münchen.de", true],
    ["münchen-.de", true],
    ["☃", true],
    ["jürgen@", false],
    // invalid punycode typed directly
    ["xn--zz.de", false],
    ["xn--.com", false],
    ["acme.xn--zz", false],
    ["a%zz.com", false],
    ["a%20b.com", false],
  ])("still refuses %j (foreign characters: %s)", (input, foreign) => {
    const error = errorOf(() => normalizeDomain(input));
    expect(error.code).toBe("customer_domain_invalid");
    expect(error.params).toEqual({ shown: input, foreignCharacters: foreign });
  });

  it("checks the length of the ASCII form, which is what DNS limits", () => {
    // 60 ü's are 60 characters but a 67-character punycode label, over the 63 a label may have.
    expect(errorOf(() => normalizeDomain(`${"ü".repeat(60)}.de`)).code).toBe("customer_domain_invalid");
    expect(normalizeDomain(`${"ü".repeat(5)}.de`)).toMatch(/^xn--[a-z0-9-]+\.de$/);
  });
});

describe("isFreeMailDomain", () => {
  it.each([
    "gmail.com",
    "googlemail.com",
    "outlook.com",
    "hotmail.com",
    "live.com",
    "yahoo.com",
    "icloud.com",
    "aol.com",
    "gmx.de",
    "web.de",
    "t-online.de",
    "proton.me",
    "protonmail.com",
    "mail.ru",
    "yandex.ru",
    "qq.com",
    "163.com",
    "orange.fr",
    "comcast.net",
    "GMAIL.COM",
  ])("%s is a free-mail or ISP domain", (domain) => {
    expect(isFreeMailDomain(domain)).toBe(true);
  });

  it.each(["acme.com", "acme.de", "globex.co.jp", "xn--mnchen-3ya.de", "mail.acme.com", "gmail.acme.com", ""])(
    "%j is not",
    (domain) => {
      expect(isFreeMailDomain(domain)).toBe(false);
    },
  );

  it("knows the list's Unicode entries by their ASCII form, which normalizeDomain returns", () => {
    const ascii = normalizeDomain("müllmail.com");
    expect(ascii).toMatch(/^xn--/);
    expect(isFreeMailDomain(ascii ?? "")).toBe(true);
  });

  it("recognizes a free-mail address however it is pasted", () => {
    for (const typed of ["jane@gmail.com", "Jane <JANE@GMAIL.COM>", "https://www.gmail.com", "mailto:jane@gmx.de"]) {
      expect(isFreeMailDomain(normalizeDomain(typed) ?? "")).toBe(true);
    }
  });
});

describe("sameCustomer with free-mail domains", () => {
  const keys = (domain: string | null, nameKey: string): CustomerKeys => ({ domain, nameKey });

  it.each([
    ["both on gmail.com, equal names", keys("gmail.com", "acme"), keys("gmail.com", "acme"), true],
    ["both on gmail.com, different names", keys("gmail.com", "acme"), keys("gmail.com", "globex"), false],
    ["gmail.com and gmx.de, equal names", keys("gmail.com", "acme"), keys("gmx.de", "acme"), true],
    ["gmail.com and gmx.de, different names", keys("gmail.com", "acme"), keys("gmx.de", "globex"), false],
    ["gmail.com and the company domain, equal names", keys("gmail.com", "acme"), keys("acme.com", "acme"), true],
    ["gmail.com and the company domain, different names", keys("gmail.com", "ac"), keys("acme.com", "acme"), false],
    ["gmail.com and no domain, equal names", keys("gmail.com", "acme"), keys(null, "acme"), true],
    ["gmail.com and no domain, different names", keys("gmail.com", "acme"), keys(null, "globex"), false],
    ["both on gmail.com, empty names", keys("gmail.com", ""), keys("gmail.com", ""), false],
    ["company domains still decide alone", keys("acme.com", "acme"), keys("acme.com", "acme widgets"), true],
  ])("%s: %s", (_case, a, b, expected) => {
    expect(sameCustomer(a, b)).toBe(expected);
    expect(sameCustomer(b, a)).toBe(expected);
  });

  it("keeps the free-mail domain in the keys: only matching ignores it", () => {
    expect(customerKeys({ name: "Acme GmbH", domainOrEmail: "jane@gmail.com" })).toEqual({
      domain: "gmail.com",
      nameKey: "acme",
    });
  });

  it("tells two small customers writing from gmail.com apart by name", () => {
    const bakery = customerKeys({ name: "Müller Bäckerei", domainOrEmail: "mueller.baeckerei@gmail.com" });
    const garage = customerKeys({ name: "Schmidt Autohaus", domainOrEmail: "schmidt.autohaus@gmail.com" });
    const bakeryAgain = customerKeys({ name: "Muller Backerei GmbH", domainOrEmail: "info@gmx.de" });
    expect(sameCustomer(bakery, garage)).toBe(false);
    expect(sameCustomer(bakery, bakeryAgain)).toBe(true);
  });
});
