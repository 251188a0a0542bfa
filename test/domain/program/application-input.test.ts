import { describe, expect, it } from "vitest";
import {
  type ApplicationDraft,
  MAX_APPLICATION_COMPANY,
  MAX_APPLICATION_REFERENCE,
  MAX_APPLICATION_REGIONS,
  MAX_APPLICATION_SEGMENTS,
  MAX_APPLICATION_SOLUTIONS,
  MAX_TEAM_SIZE,
  parseTeamSize,
  splitReference,
  validateApplication,
} from "../../../src/domain/program/application-input";
import type { ApplicationField } from "../../../src/domain/shared/error-codes";

const draft: ApplicationDraft = {
  company: "  Initech   GmbH ",
  website: "https://www.Initech.com/about",
  regions: "DACH,  Nordics",
  segments: "Mid-market",
  solutions: "  Managed services\nImplementation  ",
  teamSize: "1,200",
  reference1: "Jane Doe, jane@example.com, CTO",
  reference2: "Bob Stone",
};

function errorsOf(input: Partial<ApplicationDraft>) {
  const result = validateApplication({ ...draft, ...input });
  if (result.ok) throw new Error("expected errors");
  return result.errors;
}

describe("validateApplication", () => {
  it("cleans what was typed", () => {
    expect(validateApplication(draft)).toEqual({
      ok: true,
      application: {
        company: "Initech GmbH",
        companyKey: "initech gmbh",
        website: "initech.com",
        regions: "DACH, Nordics",
        segments: "Mid-market",
        solutions: "Managed services\nImplementation",
        teamSize: 1200,
        references: [
          { name: "Jane Doe", contact: "jane@example.com, CTO" },
          { name: "Bob Stone", contact: "" },
        ],
      },
    });
  });

  it("keys the company like a partner name so duplicates match across spellings", () => {
    const result = validateApplication({ ...draft, company: "INITECH gmbh." });
    expect(result.ok && result.application.companyKey).toBe("initech gmbh");
  });

  it("leaves the website optional", () => {
    for (const website of [null, "", "   "]) {
      const result = validateApplication({ ...draft, website });
      expect(result.ok && result.application.website).toBeNull();
    }
  });

  it("flags every missing required field at once", () => {
    const empty: ApplicationDraft = {
      company: null,
      website: null,
      regions: " ",
      segments: null,
      solutions: "\n",
      teamSize: null,
      reference1: null,
      reference2: "",
    };
    const result = validateApplication(empty);
    const required: ApplicationField[] = [
      "company",
      "regions",
      "segments",
      "solutions",
      "teamSize",
      "reference1",
      "reference2",
    ];
    expect(result).toEqual({
      ok: false,
      errors: Object.fromEntries(
        required.map((field) => [field, { code: "application_field_missing", params: { field } }]),
      ),
    });
  });

  it.each([
    ["company", MAX_APPLICATION_COMPANY],
    ["regions", MAX_APPLICATION_REGIONS],
    ["segments", MAX_APPLICATION_SEGMENTS],
    ["solutions", MAX_APPLICATION_SOLUTIONS],
    ["reference1", MAX_APPLICATION_REFERENCE],
    ["reference2", MAX_APPLICATION_REFERENCE],
  ] as const)("accepts %s of %i characters and refuses one more", (field, max) => {
    expect(validateApplication({ ...draft, [field]: "a".repeat(max) }).ok).toBe(true);
    expect(errorsOf({ [field]: "a".repeat(max + 1) })).toEqual({
      [field]: { code: "application_field_too_long", params: { field, max } },
    });
  });

  it("refuses a company name without letters or digits", () => {
    expect(errorsOf({ company: "!!!" })).toEqual({ company: { code: "partner_name_invalid" } });
  });

  it.each(["not a domain", "http://", "localhost", "acme"])("refuses website %j", (website) => {
    expect(errorsOf({ website })).toEqual({
      website: { code: "application_website_invalid", params: { text: website } },
    });
  });

  it.each(["0", "100001", "-3", "2.5", "ten", "1.000", "12,34"])("refuses team size %j", (teamSize) => {
    expect(errorsOf({ teamSize })).toEqual({
      teamSize: { code: "application_team_size_invalid", params: { max: MAX_TEAM_SIZE } },
    });
  });

  it("reports several problems together", () => {
    expect(Object.keys(errorsOf({ company: "", website: "nope", teamSize: "0" })).sort()).toEqual([
      "company",
      "teamSize",
      "website",
    ]);
  });
});

describe("parseTeamSize", () => {
  it.each([
    ["1", 1],
    [" 25 ", 25],
    ["1200", 1200],
    ["1,200", 1200],
    ["1 200", 1200],
    ["1'200", 1200],
    ["100,000", 100_000],
    ["100000", 100_000],
  ])("%j → %i", (text, size) => {
    expect(parseTeamSize(text)).toBe(size);
  });

  it.each(["", "0", "100001", "1,2000", "1,200,000", "1e3", "+5"])("%j → null", (text) => {
    expect(parseTeamSize(text)).toBeNull();
  });
});

describe("splitReference", () => {
  it.each([
    ["Jane Doe, jane@x.com", { name: "Jane Doe", contact: "jane@x.com" }],
    ["Jane Doe ,  +49 30 1234, Berlin", { name: "Jane Doe", contact: "+49 30 1234, Berlin" }],
    ["Jane Doe", { name: "Jane Doe", contact: "" }],
    [", jane@x.com", { name: "jane@x.com", contact: "" }],
    ["Jane,", { name: "Jane", contact: "" }],
  ])("%j", (text, reference) => {
    expect(splitReference(text)).toEqual(reference);
  });
});
