import { MAX_REGION } from "../partners/partner-rules";
import { isDomainError } from "../shared/domain-error";
import type { LimitedDealField, Problem } from "../shared/error-codes";
import { isCurrency, parseAmount } from "./currency";
import { type CustomerKeys, normalizeCompanyName, normalizeDomain } from "./customer";
import { isOpenStage, isStage, type Stage } from "./stages";

export interface DealDraft {
  partnerId?: string | null;
  customerName?: string | null;
  customerDomain?: string | null;
  product?: string | null;
  amount?: string | null;
  currency?: string | null;
  stage?: string | null;
  expectedClose?: string | null;
  region?: string | null;
  notes?: string | null;
}

export interface ValidDeal {
  customerName: string;
  customer: CustomerKeys;
  product: string;
  amountMinor: number;
  currency: string;
  stage: Stage;
  expectedCloseOn: Date | null;
  region: string | null;
  notes: string | null;
}

export type DealField =
  | "customerName"
  | "customerDomain"
  | "product"
  | "amount"
  | "currency"
  | "stage"
  | "expectedClose"
  | "region"
  | "notes";

export type DealProblems = Partial<Record<DealField, Problem>>;

export type DealValidation = { ok: true; deal: ValidDeal } | { ok: false; errors: DealProblems };

export const MIN_NAME = 2;
export const MAX_CUSTOMER_NAME = 120;
export const MAX_PRODUCT = 120;
export const MAX_NOTES = 2000;
export const MAX_CLOSE_YEARS_AHEAD = 5;

/**
 * Checks a deal registration as typed into the modal. Every field is checked even after one
 * fails, so the modal can flag all problems at once instead of one per submit. `partnerId` is
 * not checked here: which partners a person may register for is a permission question.
 */
export function validateDeal(draft: DealDraft, context: { today: string; defaultCurrency: string }): DealValidation {
  const errors: DealProblems = {};

  const customerName = oneLine(draft.customerName);
  const nameKey = normalizeCompanyName(customerName);
  if (customerName === "") errors.customerName = { code: "customer_name_missing" };
  else if (customerName.length < MIN_NAME) {
    errors.customerName = { code: "customer_name_too_short", params: { min: MIN_NAME } };
  } else if (customerName.length > MAX_CUSTOMER_NAME) {
    errors.customerName = tooLong("customerName", MAX_CUSTOMER_NAME);
  } else if (nameKey === "") errors.customerName = { code: "customer_name_no_letters" };

  let domain: string | null = null;
  try {
    domain = normalizeDomain(draft.customerDomain ?? "");
  } catch (error) {
    if (!isDomainError(error)) throw error;
    errors.customerDomain = error.problem;
  }

  const product = oneLine(draft.product);
  const productError = productProblem(product);
  if (productError !== null) errors.product = productError;

  const currency = (oneLine(draft.currency) || context.defaultCurrency).toUpperCase();
  let amountMinor = 0;
  if (!isCurrency(currency)) {
    errors.currency = { code: "currency_unknown", params: { code: currency } };
  } else {
    const amount = parseAmount(draft.amount ?? "", currency);
    if (amount.ok) amountMinor = amount.minor;
    else errors.amount = amount.problem;
  }

  const stageText = oneLine(draft.stage).toLowerCase() || "prospecting";
  let stage: Stage = "prospecting";
  if (!isStage(stageText)) errors.stage = { code: "stage_invalid" };
  else if (!isOpenStage(stageText)) errors.stage = { code: "stage_not_open" };
  else stage = stageText;

  const close = checkExpectedClose(oneLine(draft.expectedClose), context.today);
  if (isProblem(close)) errors.expectedClose = close;

  const region = oneLine(draft.region) || null;
  if (region !== null && region.length > MAX_REGION) errors.region = tooLong("region", MAX_REGION);

  const notes = notesOf(draft.notes);
  if (notes !== null && notes.length > MAX_NOTES) errors.notes = tooLong("notes", MAX_NOTES);

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    deal: {
      customerName,
      customer: { domain, nameKey },
      product,
      amountMinor,
      currency,
      stage,
      expectedCloseOn: isProblem(close) ? null : close,
      region,
      notes,
    },
  };
}

/** What is wrong with a product as typed (already on one line), or null. Shared with deal edits. */
export function productProblem(product: string): Problem | null {
  if (product === "") return { code: "product_missing" };
  if (product.length < MIN_NAME) return { code: "product_too_short", params: { min: MIN_NAME } };
  if (product.length > MAX_PRODUCT) return tooLong("product", MAX_PRODUCT);
  return null;
}

/** Notes keep their line breaks: partners write them as short paragraphs or lists. null when empty. */
export function notesOf(text: string | null | undefined): string | null {
  return text?.trim() || null;
}

export function tooLong(field: LimitedDealField, max: number): Problem {
  return { code: "deal_field_too_long", params: { field, max } };
}

export function isProblem(value: Date | Problem | null): value is Problem {
  return value !== null && !(value instanceof Date);
}

/** A modal's single-line text with runs of white space folded. */
export function oneLine(text: string | null | undefined): string {
  return (text ?? "").replace(/\s+/g, " ").trim();
}

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

function parseIsoDate(text: string): CalendarDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isoDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * A Date for the calendar day, or what is wrong with the text; null when no date was given.
 * `allowPast`: an edit may record that a deal slipped past its date; a registration may not start so.
 */
export function checkExpectedClose(
  text: string,
  todayText: string,
  options: { allowPast?: boolean } = {},
): Date | null | Problem {
  const today = parseIsoDate(todayText);
  if (today === null) throw new RangeError(`today must be a YYYY-MM-DD date, got "${todayText}"`);
  if (text === "") return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return { code: "close_date_format" };
  const date = parseIsoDate(text);
  if (date === null) return { code: "close_date_invalid", params: { date: text } };

  // Fixed-width ISO dates order the same as strings, so no Date (and no time zone) is needed to compare.
  if (text < todayText && options.allowPast !== true) return { code: "close_date_past" };
  const limitYear = today.year + MAX_CLOSE_YEARS_AHEAD;
  const limit = isoDate({
    year: limitYear,
    month: today.month,
    day: Math.min(today.day, daysInMonth(limitYear, today.month)),
  });
  if (text > limit) return { code: "close_date_too_far", params: { years: MAX_CLOSE_YEARS_AHEAD, latest: limit } };

  const utc = new Date(0);
  utc.setUTCFullYear(date.year, date.month - 1, date.day);
  return utc;
}
