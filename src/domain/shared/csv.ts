/**
 * CSV files people open in a spreadsheet: RFC 4180 fields, CRLF line ends, one header row, and a
 * UTF-8 byte order mark so Excel reads accents and non-Latin names as UTF-8 instead of the
 * system's code page. Pure: values come in already read, text goes out.
 */

/** Excel takes a file without it for its local code page and garbles "Müller" or "漢字". */
export const CSV_BOM = "\uFEFF";
export const CSV_EOL = "\r\n";

/**
 * A number the app computed itself (an amount, a count): written as it is. Text a person typed is
 * never one, so a customer named "-5" is neutralized while the amount -5.00 stays a number.
 */
export interface CsvNumber {
  readonly kind: "number";
  readonly text: string;
}

/**
 * A cell: text (possibly typed by someone: neutralized and quoted as needed), a number, an instant
 * (written as ISO 8601 in UTC), or nothing (an empty cell). Calendar days are passed as their
 * YYYY-MM-DD text.
 */
export type CsvValue = string | number | bigint | Date | CsvNumber | null | undefined;

/**
 * First characters that make a spreadsheet read a cell as a formula (=, +, -, @) or that Excel
 * strips before doing so (tab, CR): OWASP's list for CSV injection.
 */
const FORMULA_STARTS = new Set(["=", "+", "-", "@", "\t", "\r"]);

/** `'=HYPERLINK(...)` shows as the text it is instead of running; the quote is what spreadsheets hide. */
export function neutralizeFormula(text: string): string {
  return FORMULA_STARTS.has(text.charAt(0)) ? `'${text}` : text;
}

/** RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. */
export function quoteField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** An instant as ISO 8601 in UTC to the second: 2026-11-30T14:03:05Z. */
export function instantText(instant: Date): string {
  return instant.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/**
 * Minor units as a plain decimal in the currency's own decimals, no grouping, a dot as separator:
 * (123450, 2) → "1234.50", (-5, 2) → "-0.05", (500, 0) → "500". Exact for any integer.
 */
export function decimalAmount(minor: number | bigint, decimals: number): CsvNumber {
  const value = typeof minor === "bigint" ? minor : BigInt(Math.trunc(minor));
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString().padStart(decimals + 1, "0");
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = decimals > 0 ? `.${digits.slice(digits.length - decimals)}` : "";
  return { kind: "number", text: `${negative ? "-" : ""}${whole}${fraction}` };
}

/** A count or other number the app computed. */
export function csvNumber(value: number | bigint): CsvNumber {
  return { kind: "number", text: typeof value === "bigint" || Number.isFinite(value) ? String(value) : "" };
}

function isCsvNumber(value: CsvValue): value is CsvNumber {
  return typeof value === "object" && value !== null && !(value instanceof Date);
}

/** One cell as written in the file. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "bigint") return csvNumber(value).text;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : instantText(value);
  if (isCsvNumber(value)) return value.text;
  return quoteField(neutralizeFormula(value));
}

/** One record with its line end. */
export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(",")}${CSV_EOL}`;
}

/**
 * A file built a record at a time: rows are turned into text as they come, so a caller reading
 * pages of records keeps only the text, never every record at once.
 */
export class CsvDocument {
  private readonly chunks: string[];
  private count = 0;

  constructor(readonly header: readonly string[]) {
    this.chunks = [CSV_BOM, csvRow(header)];
  }

  /** Throws when the row has another number of cells than the header: a shifted column is silent data loss. */
  add(values: readonly CsvValue[]): void {
    if (values.length !== this.header.length) {
      throw new Error(`CSV row has ${values.length} cells, the header ${this.header.length}`);
    }
    this.chunks.push(csvRow(values));
    this.count++;
  }

  /** Records written, the header not counted. */
  get rows(): number {
    return this.count;
  }

  /** The whole file: BOM, header, records. */
  toString(): string {
    return this.chunks.join("");
  }
}

/**
 * Reads a CSV file back into records (RFC 4180, BOM and CRLF or LF tolerated). The app never reads
 * CSV from people: tests read the files it writes back with it, a round trip that checks the quoting.
 */
export function parseCsv(text: string): string[][] {
  const body = text.startsWith(CSV_BOM) ? text.slice(CSV_BOM.length) : text;
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  const endRecord = () => {
    record.push(field);
    records.push(record);
    record = [];
    field = "";
  };
  for (let i = 0; i < body.length; i++) {
    const char = body.charAt(i);
    if (quoted) {
      if (char !== '"') field += char;
      else if (body.charAt(i + 1) === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (char === '"' && field === "") quoted = true;
    else if (char === ",") {
      record.push(field);
      field = "";
    } else if (char === "\n") endRecord();
    else if (char === "\r" && body.charAt(i + 1) === "\n") {
      endRecord();
      i++;
    } else field += char;
  }
  if (field !== "" || record.length > 0) endRecord();
  return records;
}
