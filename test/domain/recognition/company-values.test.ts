import { describe, expect, it } from "vitest";
import {
  MAX_COMPANY_VALUE,
  MAX_COMPANY_VALUES,
  parseCompanyValues,
} from "../../../src/domain/recognition/company-values";
import { errorOf } from "../../support/domain-error";

describe("parseCompanyValues", () => {
  it("keeps the admins' order, trimmed, each value once whatever its letter case", () => {
    expect(parseCompanyValues([" Own it ", "#Win  together", "own IT", "", "Raise the bar"])).toEqual([
      "Own it",
      "Win together",
      "Raise the bar",
    ]);
    expect(parseCompanyValues([])).toEqual([]);
  });

  it("refuses a value too long and a list too long", () => {
    expect(errorOf(() => parseCompanyValues(["x".repeat(MAX_COMPANY_VALUE + 1)])).problem).toEqual({
      code: "company_value_too_long",
      params: { max: MAX_COMPANY_VALUE },
    });
    const many = Array.from({ length: MAX_COMPANY_VALUES + 1 }, (_, i) => `Value ${i}`);
    expect(errorOf(() => parseCompanyValues(many)).problem).toEqual({
      code: "company_values_too_many",
      params: { max: MAX_COMPANY_VALUES },
    });
  });
});
