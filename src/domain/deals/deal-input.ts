import { MAX_REGION } from "../partners/partner-rules";
import { isDomainError } from "../shared/domain-error";
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

export type DealValidation = { ok: true; deal: ValidDeal } | { ok: false; errors: Partial<Record<DealField, string>> };

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
  const errors: Partial<Record<DealField, string>> = {};

  const customerName = oneLine(draft.customerName);
  const nameKey = normalizeCompanyName(customerName);
  if (customerName === "") errors.customerName = "Enter the customer's company name.";
  else if (customerName.length < MIN_NAME)
    errors.customerName = `A customer name needs at least ${MIN_NAME} characters.`;
  else if (customerName.length > MAX_CUSTOMER_NAME) {
    errors.customerName = `Keep the customer name to ${MAX_CUSTOMER_NAME} characters or fewer.`;
  } else if (nameKey === "") errors.customerName = "A customer name needs letters or digits.";

  let domain: string | null = null;
  try {
    domain = normalizeDomain(draft.customerDomain ?? "");
  } catch (error) {
    if (!isDomainError(error)) throw error;
    errors.customerDomain = error.message;
  }

  const product = oneLine(draft.product);
  if (product === "") errors.product = "Enter the product or service being sold.";
  else if (product.length < MIN_NAME) errors.product = `A product needs at least ${MIN_NAME} characters.`;
  else if (product.length > MAX_PRODUCT) errors.product = `Keep the product to ${MAX_PRODUCT} characters or fewer.`;

  const currency = (oneLine(draft.currency) || context.defaultCurrency).toUpperCase();
  let amountMinor = 0;
  if (!isCurrency(currency)) {
    errors.currency = `"${currency}" is not a currency we support. Pick one from the list, like USD or EUR.`;
  } else {
    const amount = parseAmount(draft.amount ?? "", currency);
    if (amount.ok) amountMinor = amount.minor;
    else errors.amount = amount.error;
  }

  const stageText = oneLine(draft.stage).toLowerCase() || "prospecting";
  let stage: Stage = "prospecting";
  if (!isStage(stageText)) errors.stage = "Pick a stage from the list.";
  else if (!isOpenStage(stageText)) errors.stage = "A new registration can't start as won or lost.";
  else stage = stageText;

  const close = checkExpectedClose(oneLine(draft.expectedClose), context.today);
  if (typeof close === "string") errors.expectedClose = close;

  const region = oneLine(draft.region) || null;
  if (region !== null && region.length > MAX_REGION) {
    errors.region = `Keep the region to ${MAX_REGION} characters or fewer.`;
  }

  // Notes keep their line breaks: partners write them as short paragraphs or lists.
  const notes = draft.notes?.trim() || null;
  if (notes !== null && notes.length > MAX_NOTES) errors.notes = `Keep the notes to ${MAX_NOTES} characters or fewer.`;

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
      expectedCloseOn: typeof close === "string" ? null : close,
      region,
      notes,
    },
  };
}

function oneLine(text: string | null | undefined): string {
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

/** A Date for the calendar day, or what to tell the person; null when no date was given. */
function checkExpectedClose(text: string, todayText: string): Date | null | string {
  const today = parseIsoDate(todayText);
  if (today === null) throw new RangeError(`today must be a YYYY-MM-DD date, got "${todayText}"`);
  if (text === "") return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return "Enter the date as YYYY-MM-DD, like 2026-03-31.";
  const date = parseIsoDate(text);
  if (date === null) return `${text} is not a date on the calendar.`;

  // Fixed-width ISO dates order the same as strings, so no Date (and no time zone) is needed to compare.
  if (text < todayText) return "The expected close date can't be in the past.";
  const limitYear = today.year + MAX_CLOSE_YEARS_AHEAD;
  const limit = isoDate({
    year: limitYear,
    month: today.month,
    day: Math.min(today.day, daysInMonth(limitYear, today.month)),
  });
  if (text > limit)
    return `The expected close date must be within ${MAX_CLOSE_YEARS_AHEAD} years, by ${limit} at the latest.`;

  const utc = new Date(0);
  utc.setUTCFullYear(date.year, date.month - 1, date.day);
  return utc;
}
