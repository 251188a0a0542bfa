import { DomainError } from "../shared/domain-error";
import type { Problem } from "../shared/error-codes";

export interface CurrencyInfo {
  code: string;
  name: string;
  minorUnits: number;
}

/**
 * Minor units follow ISO 4217, not CLDR: ISO keeps 2 decimals for HUF, IDR, COP and TWD and 3 for
 * IQD, where CLDR (and so Intl.NumberFormat) shows none, because invoices in those currencies may
 * still carry them.
 */
export const CURRENCIES: readonly CurrencyInfo[] = [
  { code: "USD", name: "US Dollar", minorUnits: 2 },
  { code: "EUR", name: "Euro", minorUnits: 2 },
  { code: "GBP", name: "Pound Sterling", minorUnits: 2 },
  { code: "JPY", name: "Japanese Yen", minorUnits: 0 },
  { code: "CHF", name: "Swiss Franc", minorUnits: 2 },
  { code: "CAD", name: "Canadian Dollar", minorUnits: 2 },
  { code: "AUD", name: "Australian Dollar", minorUnits: 2 },
  { code: "NZD", name: "New Zealand Dollar", minorUnits: 2 },
  { code: "SEK", name: "Swedish Krona", minorUnits: 2 },
  { code: "NOK", name: "Norwegian Krone", minorUnits: 2 },
  { code: "DKK", name: "Danish Krone", minorUnits: 2 },
  { code: "ISK", name: "Icelandic Krona", minorUnits: 0 },
  { code: "PLN", name: "Polish Zloty", minorUnits: 2 },
  { code: "CZK", name: "Czech Koruna", minorUnits: 2 },
  { code: "HUF", name: "Hungarian Forint", minorUnits: 2 },
  { code: "RON", name: "Romanian Leu", minorUnits: 2 },
  { code: "BGN", name: "Bulgarian Lev", minorUnits: 2 },
  { code: "RSD", name: "Serbian Dinar", minorUnits: 2 },
  { code: "UAH", name: "Ukrainian Hryvnia", minorUnits: 2 },
  { code: "RUB", name: "Russian Ruble", minorUnits: 2 },
  { code: "TRY", name: "Turkish Lira", minorUnits: 2 },
  { code: "ILS", name: "Israeli New Shekel", minorUnits: 2 },
  { code: "AED", name: "UAE Dirham", minorUnits: 2 },
  { code: "SAR", name: "Saudi Riyal", minorUnits: 2 },
  { code: "QAR", name: "Qatari Riyal", minorUnits: 2 },
  { code: "KWD", name: "Kuwaiti Dinar", minorUnits: 3 },
  { code: "BHD", name: "Bahraini Dinar", minorUnits: 3 },
  { code: "OMR", name: "Omani Rial", minorUnits: 3 },
  { code: "JOD", name: "Jordanian Dinar", minorUnits: 3 },
  { code: "IQD", name: "Iraqi Dinar", minorUnits: 3 },
  { code: "LYD", name: "Libyan Dinar", minorUnits: 3 },
  { code: "TND", name: "Tunisian Dinar", minorUnits: 3 },
  { code: "EGP", name: "Egyptian Pound", minorUnits: 2 },
  { code: "MAD", name: "Moroccan Dirham", minorUnits: 2 },
  { code: "NGN", name: "Nigerian Naira", minorUnits: 2 },
  { code: "GHS", name: "Ghanaian Cedi", minorUnits: 2 },
  { code: "KES", name: "Kenyan Shilling", minorUnits: 2 },
  { code: "UGX", name: "Ugandan Shilling", minorUnits: 0 },
  { code: "XOF", name: "West African CFA Franc", minorUnits: 0 },
  { code: "XAF", name: "Central African CFA Franc", minorUnits: 0 },
  { code: "ZAR", name: "South African Rand", minorUnits: 2 },
  { code: "INR", name: "Indian Rupee", minorUnits: 2 },
  { code: "PKR", name: "Pakistani Rupee", minorUnits: 2 },
  { code: "BDT", name: "Bangladeshi Taka", minorUnits: 2 },
  { code: "LKR", name: "Sri Lankan Rupee", minorUnits: 2 },
  { code: "NPR", name: "Nepalese Rupee", minorUnits: 2 },
  { code: "KZT", name: "Kazakhstani Tenge", minorUnits: 2 },
  { code: "GEL", name: "Georgian Lari", minorUnits: 2 },
  { code: "CNY", name: "Chinese Yuan", minorUnits: 2 },
  { code: "HKD", name: "Hong Kong Dollar", minorUnits: 2 },
  { code: "TWD", name: "New Taiwan Dollar", minorUnits: 2 },
  { code: "KRW", name: "South Korean Won", minorUnits: 0 },
  { code: "SGD", name: "Singapore Dollar", minorUnits: 2 },
  { code: "THB", name: "Thai Baht", minorUnits: 2 },
  { code: "MYR", name: "Malaysian Ringgit", minorUnits: 2 },
  { code: "IDR", name: "Indonesian Rupiah", minorUnits: 2 },
  { code: "PHP", name: "Philippine Peso", minorUnits: 2 },
  { code: "VND", name: "Vietnamese Dong", minorUnits: 0 },
  { code: "BRL", name: "Brazilian Real", minorUnits: 2 },
  { code: "MXN", name: "Mexican Peso", minorUnits: 2 },
  { code: "ARS", name: "Argentine Peso", minorUnits: 2 },
  { code: "CLP", name: "Chilean Peso", minorUnits: 0 },
  { code: "COP", name: "Colombian Peso", minorUnits: 2 },
  { code: "PEN", name: "Peruvian Sol", minorUnits: 2 },
  { code: "UYU", name: "Uruguayan Peso", minorUnits: 2 },
  { code: "PYG", name: "Paraguayan Guarani", minorUnits: 0 },
  { code: "DOP", name: "Dominican Peso", minorUnits: 2 },
  { code: "CRC", name: "Costa Rican Colon", minorUnits: 2 },
];

const BY_CODE: ReadonlyMap<string, CurrencyInfo> = new Map(CURRENCIES.map((c) => [c.code, c]));

/** The largest deal we accept, in major units: anything above is a typo, and it keeps minor units exact in a double. */
export const MAX_AMOUNT_MAJOR = 1_000_000_000_000;

export function isCurrency(code: string): boolean {
  return BY_CODE.has(code);
}

export function currencyInfo(code: string): CurrencyInfo | null {
  return BY_CODE.get(code) ?? null;
}

export function minorUnitsOf(code: string): number {
  const info = BY_CODE.get(code);
  if (info === undefined) throw new DomainError("currency_unknown", { code });
  return info.minorUnits;
}

/**
 * Symbols people type around an amount, with the currencies each may stand for. A symbol that
 * contradicts the chosen currency is an error rather than being ignored: "€12,500" recorded as
 * USD 12,500 would be wrong silently.
 */
const SYMBOLS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ["$", ["USD", "CAD", "AUD", "NZD", "HKD", "SGD", "TWD", "MXN", "ARS", "CLP", "COP", "UYU", "DOP"]],
  ["US$", ["USD"]],
  ["A$", ["AUD"]],
  ["AU$", ["AUD"]],
  ["C$", ["CAD"]],
  ["CA$", ["CAD"]],
  ["NZ$", ["NZD"]],
  ["HK$", ["HKD"]],
  ["S$", ["SGD"]],
  ["SG$", ["SGD"]],
  ["NT$", ["TWD"]],
  ["MX$", ["MXN"]],
  ["R$", ["BRL"]],
  ["€", ["EUR"]],
  ["£", ["GBP", "EGP"]],
  ["¥", ["JPY", "CNY"]],
  ["￥", ["JPY", "CNY"]],
  ["₹", ["INR"]],
  ["₩", ["KRW"]],
  ["₪", ["ILS"]],
  ["₺", ["TRY"]],
  ["₫", ["VND"]],
  ["₱", ["PHP"]],
  ["฿", ["THB"]],
  ["₽", ["RUB"]],
  ["₴", ["UAH"]],
  ["₦", ["NGN"]],
  ["₵", ["GHS"]],
  ["₸", ["KZT"]],
  ["₾", ["GEL"]],
  ["₡", ["CRC"]],
  ["₲", ["PYG"]],
  ["৳", ["BDT"]],
  ["KR", ["SEK", "NOK", "DKK", "ISK"]],
  ["ZŁ", ["PLN"]],
  ["KČ", ["CZK"]],
  ["FT", ["HUF"]],
  ["LEI", ["RON"]],
  ["RS", ["INR", "PKR", "LKR", "NPR"]],
  ["R", ["ZAR"]],
  ["RM", ["MYR"]],
  ["RP", ["IDR"]],
  ["S/", ["PEN"]],
]);

/** South Asian currencies are written in lakh groups (12,50,000), which are as valid there as 1,250,000. */
const LAKH_GROUPING = new Set(["INR", "PKR", "BDT", "LKR", "NPR"]);

type ParseResult = { ok: true; minor: number } | { ok: false; problem: Problem };

const SIGN = /^[-+\u2212]/;
const LEADING_AFFIX = /^([^\d\s.,'\u2019+\-\u2212]+)\s*/u;
const TRAILING_AFFIX = /\s*([^\d\s.,'\u2019+\-\u2212]+)$/u;

/**
 * Reads an amount the way a person types it into a modal, in any common grouping convention, into
 * integer minor units. The digits are assembled as strings so no binary rounding can creep in.
 */
export function parseAmount(text: string, currency: string): ParseResult {
  const info = BY_CODE.get(currency);
  if (info === undefined) return fail({ code: "currency_unknown", params: { code: currency } });
  const units = info.minorUnits;

  let rest = text.trim();
  if (rest === "") return fail({ code: "amount_missing" });

  let negative = false;
  const takeSign = (): void => {
    const sign = SIGN.exec(rest);
    if (sign === null) return;
    negative = sign[0] !== "+";
    rest = rest.slice(1).trimStart();
  };

  takeSign();
  const leading = LEADING_AFFIX.exec(rest);
  if (leading?.[1] !== undefined) {
    const problem = affixProblem(leading[1], currency, units);
    if (problem !== null) return fail(problem);
    rest = rest.slice(leading[0].length);
    if (!negative) takeSign();
  }
  const trailing = TRAILING_AFFIX.exec(rest);
  if (trailing?.[1] !== undefined) {
    const problem = affixProblem(trailing[1], currency, units);
    if (problem !== null) return fail(problem);
    rest = rest.slice(0, rest.length - trailing[0].length);
  }

  const number = splitNumber(rest, LAKH_GROUPING.has(currency));
  if (number === "not_a_number") return fail(notANumber(units));
  if (number === "misplaced_separators") return fail({ code: "amount_separators", params: { text: text.trim() } });

  if (negative) return fail({ code: "amount_not_positive" });
  const ambiguous = ambiguity(rest, currency, units);
  if (ambiguous !== null)
    return fail({ code: "amount_ambiguous", params: { text: text.trim(), ...ambiguous, currency } });
  if (number.fraction.length > units) return fail({ code: "amount_decimals", params: { currency, decimals: units } });

  const integer = number.integer.replace(/^0+/, "");
  const fraction = number.fraction.padEnd(units, "0");
  if (/^0*$/.test(integer + fraction)) return fail({ code: "amount_not_positive" });

  const max = String(MAX_AMOUNT_MAJOR);
  const tooLarge =
    integer.length > max.length || (integer.length === max.length && (integer > max || /[1-9]/.test(fraction)));
  if (tooLarge) return fail({ code: "amount_too_large", params: { currency, max: MAX_AMOUNT_MAJOR } });

  return { ok: true, minor: Number((integer + fraction).replace(/^0+/, "")) };
}

/**
 * "7.000" in euros: a German means seven thousand, an American seven. A lone dot is read as
 * decimal everywhere else, but when it is followed by exactly three digits, the thousands reading
 * is well formed and the decimal one fits the currency ("7.000" is EUR 7.00, "7.250" EUR 7.25),
 * guessing either way could be off by a factor of a thousand, so the person is asked. Currencies
 * with three decimals (KWD) read it as decimal: "7.000" is KWD 7.000. Where the decimal reading
 * doesn't fit ("1.234" in USD) the decimals error says what is wrong, as before.
 */
function ambiguity(body: string, currency: string, units: number): { thousands: string; decimal: string } | null {
  if (units >= 3) return null;
  const match = /^([1-9]\d{0,2})\.(\d{3})$/.exec(body.trim());
  if (match === null) return null;
  const [, integer = "", digits = ""] = match;
  if (!/^0*$/.test(digits.slice(units))) return null;
  const decimalMinor = Number(integer + digits.slice(0, units));
  return {
    thousands: formatAmountNumber(Number(integer + digits) * 10 ** units, currency),
    decimal: formatAmountNumber(decimalMinor, currency),
  };
}

function fail(problem: Problem): { ok: false; problem: Problem } {
  return { ok: false, problem };
}

function notANumber(units: number): Problem {
  return { code: "amount_not_a_number", params: { decimals: units } };
}

/** null when the text around the number is acceptable for this currency, else what is wrong with it. */
function affixProblem(affix: string, currency: string, units: number): Problem | null {
  const upper = affix.toUpperCase();
  if (upper === currency) return null;
  const symbolFor = SYMBOLS.get(upper);
  if (symbolFor !== undefined) {
    return symbolFor.includes(currency)
      ? null
      : { code: "amount_symbol_mismatch", params: { symbol: affix, currency } };
  }
  if (BY_CODE.has(upper)) return { code: "amount_other_currency", params: { typed: affix, code: upper, currency } };
  return notANumber(units);
}

type SplitNumber = { integer: string; fraction: string } | "not_a_number" | "misplaced_separators";

/**
 * Decides which separator is the decimal one. Spaces and apostrophes only ever group thousands.
 * With both "." and "," the last one is decimal. A lone "," followed by exactly three digits that
 * form valid groups is a thousands separator (12,500), otherwise decimal (12500,50). A lone "." is
 * always decimal, so "1.234" is 1.234: where that has too many decimals the person is told so
 * instead of the amount being silently multiplied by a thousand.
 */
function splitNumber(text: string, lakh: boolean): SplitNumber {
  const body = text.replace(/\s+/g, " ").replace(/\u2019/g, "'");
  if (!/^[\d.,' ]+$/.test(body) || !/\d/.test(body)) return "not_a_number";

  const dots = count(body, ".");
  const commas = count(body, ",");
  let decimal: "." | "," | null = null;
  if (dots > 0 && commas > 0) {
    decimal = body.lastIndexOf(".") > body.lastIndexOf(",") ? "." : ",";
    if (count(body, decimal) > 1) return "misplaced_separators";
  } else if (dots === 1) {
    decimal = ".";
  } else if (commas === 1) {
    const [before = "", after = ""] = body.split(",");
    decimal = /^[1-9]\d{0,2}$/.test(before) && /^\d{3}$/.test(after) ? null : ",";
  }

  let integerPart = body;
  let fraction = "";
  if (decimal !== null) {
    const at = body.lastIndexOf(decimal);
    integerPart = body.slice(0, at);
    fraction = body.slice(at + 1);
    if (fraction === "") return "not_a_number";
    if (!/^\d+$/.test(fraction)) return "misplaced_separators";
    if (integerPart === "") return { integer: "0", fraction };
  }

  const groups = groupsOf(integerPart);
  if (groups === null) return "misplaced_separators";
  if (groups.length > 1 && !validGroups(groups, lakh)) return "misplaced_separators";
  return { integer: groups.join(""), fraction };
}

/** Splits on the one kind of grouping separator used; null when kinds are mixed or a group is empty. */
function groupsOf(text: string): string[] | null {
  const kinds = new Set(text.replace(/\d/g, ""));
  if (kinds.size === 0) return [text];
  if (kinds.size > 1) return null;
  const [separator = ""] = kinds;
  const groups = text.split(separator);
  return groups.every((g) => /^\d+$/.test(g)) ? groups : null;
}

function validGroups(groups: readonly string[], lakh: boolean): boolean {
  const [first = "", ...others] = groups;
  if (first === "" || first.startsWith("0") || first.length > 3) return false;
  if (others.every((g) => g.length === 3)) return true;
  if (!lakh || first.length > 2) return false;
  const last = others[others.length - 1] ?? "";
  return last.length === 3 && others.slice(0, -1).every((g) => g.length === 2);
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

/** "USD 12,500.50": code first and fixed grouping, so the same amount reads the same in every workspace. */
/** The number alone, grouped, with the currency's decimals: "12,500.50" (what an amount field is prefilled with). */
export function formatAmountNumber(minor: number, currency: string): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`Amount in minor units must be a safe integer, got ${minor}`);
  const units = minorUnitsOf(currency);
  const digits = String(Math.abs(minor)).padStart(units + 1, "0");
  const integer = groupThousands(digits.slice(0, digits.length - units));
  const fraction = units > 0 ? `.${digits.slice(digits.length - units)}` : "";
  return `${minor < 0 ? "-" : ""}${integer}${fraction}`;
}

/** "USD 12,500.50": code, space, grouped number; deterministic, not locale dependent. */
export function formatAmount(minor: number, currency: string): string {
  return `${currency} ${formatAmountNumber(minor, currency)}`;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
