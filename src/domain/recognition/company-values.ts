import { DomainError } from "../shared/domain-error";

/** The company values a shout-out can name; Slack's select menus hold at most 100 options. */
export const MAX_COMPANY_VALUES = 20;
export const MAX_COMPANY_VALUE = 40;

/** Validates an admin's new list: trimmed, each once (ignoring letter case), in the order given. */
export function parseCompanyValues(values: readonly string[]): string[] {
  const list: string[] = [];
  for (const raw of values) {
    const value = raw.replace(/\s+/g, " ").trim().replace(/^#/, "");
    if (value === "") continue;
    if (value.length > MAX_COMPANY_VALUE) throw new DomainError("company_value_too_long", { max: MAX_COMPANY_VALUE });
    if (!list.some((known) => known.toLowerCase() === value.toLowerCase())) list.push(value);
  }
  if (list.length > MAX_COMPANY_VALUES) throw new DomainError("company_values_too_many", { max: MAX_COMPANY_VALUES });
  return list;
}
