import { describe, expect, it } from "vitest";
import {
  CSV_BOM,
  CsvDocument,
  csvCell,
  csvNumber,
  csvRow,
  decimalAmount,
  instantText,
  neutralizeFormula,
  parseCsv,
  quoteField,
} from "../../../src/domain/shared/csv";

describe("neutralizeFormula", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ['=HYPERLINK("http://evil.example","click")', `'=HYPERLINK("http://evil.example","click")`],
    ["+41 44 000 00 00", "'+41 44 000 00 00"],
    ["-2+3", "'-2+3"],
    ["@SUM(1)", "'@SUM(1)"],
    ["\t=1", "'\t=1"],
    ["\r=1", "'\r=1"],
    ["==", "'=="],
    ["'=already quoted", "'=already quoted"],
  ])("%j becomes %j", (typed, written) => {
    expect(neutralizeFormula(typed)).toBe(written);
  });

  it.each(["Acme", "a=b", "x+1", "e-mail", "team@acme.com", " =1+1", "\n=1", "", "１２", "＝1+1", "%SUM"])(
    "leaves %j alone: only the first character decides",
    (text) => {
      expect(neutralizeFormula(text)).toBe(text);
    },
  );
});

describe("quoteField", () => {
  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['"', '""""'],
    ["line\nbreak", '"line\nbreak"'],
    ["line\r\nbreak", '"line\r\nbreak"'],
    ["cr\ronly", '"cr\ronly"'],
    ["semi;colon", "semi;colon"],
    ["  spaces kept  ", "  spaces kept  "],
    ["", ""],
  ])("%j is written %j", (text, written) => {
    expect(quoteField(text)).toBe(written);
  });
});

describe("decimalAmount", () => {
  it.each([
    [123450, 2, "1234.50"],
    [5, 2, "0.05"],
    [-5, 2, "-0.05"],
    [-123450, 2, "-1234.50"],
    [0, 2, "0.00"],
    [500, 0, "500"],
    [1, 3, "0.001"],
    [1234567, 3, "1234.567"],
    [100, 2, "1.00"],
  ])("(%d, %d decimals) is %j", (minor, decimals, text) => {
    expect(decimalAmount(minor, decimals)).toEqual({ kind: "number", text });
  });

  it("is exact beyond a double's integers", () => {
    expect(decimalAmount(123456789012345678901n, 2).text).toBe("1234567890123456789.01");
  });

  it("never groups thousands or uses a decimal comma", () => {
    expect(decimalAmount(1_000_000_00, 2).text).toBe("1000000.00");
  });
});

describe("instantText", () => {
  it("writes instants as ISO 8601 in UTC, to the second", () => {
    expect(instantText(new Date("2026-11-30T14:03:05.678Z"))).toBe("2026-11-30T14:03:05Z");
    expect(instantText(new Date("2026-03-29T01:30:00+02:00"))).toBe("2026-03-28T23:30:00Z");
  });
});

describe("csvCell", () => {
  it("leaves empty cells for nothing", () => {
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(new Date(Number.NaN))).toBe("");
  });

  it("writes numbers the app computed as they are, negative ones included", () => {
    expect(csvCell(42)).toBe("42");
    expect(csvCell(-7)).toBe("-7");
    expect(csvCell(12n)).toBe("12");
    expect(csvCell(decimalAmount(-250, 2))).toBe("-2.50");
    expect(csvCell(csvNumber(Number.NaN))).toBe("");
    expect(csvCell(csvNumber(Number.POSITIVE_INFINITY))).toBe("");
  });

  it("writes a Date as its UTC instant", () => {
    expect(csvCell(new Date("2026-01-02T03:04:05Z"))).toBe("2026-01-02T03:04:05Z");
  });

  it("keeps calendar days as text, untouched", () => {
    expect(csvCell("2026-12-31")).toBe("2026-12-31");
  });

  it.each([
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ["@SUM(1)", "'@SUM(1)"],
    ["-5", "'-5"],
    ["+1,2", `"'+1,2"`],
    ["=1\n+2", `"'=1\n+2"`],
    ["\r\n=1", `"'\r\n=1"`],
    ["\t=cmd|' /C calc'!A0", "'\t=cmd|' /C calc'!A0"],
  ])("neutralizes before it quotes: %j is written %j", (text, written) => {
    expect(csvCell(text)).toBe(written);
  });

  it("keeps text in any script as it is", () => {
    expect(csvCell("Müller & Söhne 漢字 😀")).toBe("Müller & Söhne 漢字 😀");
  });
});

describe("csvRow", () => {
  it("joins cells with commas and ends the record with CRLF", () => {
    expect(csvRow(["a", 1, null, "b,c"])).toBe('a,1,,"b,c"\r\n');
  });

  it("writes an empty record as a bare line end", () => {
    expect(csvRow([])).toBe("\r\n");
  });
});

describe("CsvDocument", () => {
  it("starts with the BOM and one header row, then one CRLF record per row", () => {
    const doc = new CsvDocument(["id", "customer", "amount", "currency"]);
    doc.add([1, "Acme", decimalAmount(150000, 2), "USD"]);
    doc.add([2, '=HYPERLINK("x")', decimalAmount(900, 0), "JPY"]);
    const text = doc.toString();
    expect(text.startsWith(CSV_BOM)).toBe(true);
    expect(Buffer.from(text, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(text).toBe(
      `${CSV_BOM}id,customer,amount,currency\r\n1,Acme,1500.00,USD\r\n2,"'=HYPERLINK(""x"")",900,JPY\r\n`,
    );
    expect(doc.rows).toBe(2);
    expect(text.split("\r\n").filter((line) => line.includes("id,customer"))).toHaveLength(1);
  });

  it("is only the header when there are no rows", () => {
    const doc = new CsvDocument(["a", "b"]);
    expect(doc.toString()).toBe(`${CSV_BOM}a,b\r\n`);
    expect(doc.rows).toBe(0);
  });

  it("refuses a row that does not fit the header", () => {
    const doc = new CsvDocument(["a", "b"]);
    expect(() => doc.add(["only one"])).toThrow(/1 cells, the header 2/);
    expect(() => doc.add(["1", "2", "3"])).toThrow(/3 cells/);
    expect(doc.rows).toBe(0);
  });

  it("never ends a line with a bare LF outside a quoted field", () => {
    const doc = new CsvDocument(["note"]);
    doc.add(["two\nlines"]);
    doc.add(["plain"]);
    const outside = doc.toString().replace(/"(?:[^"]|"")*"/g, "");
    expect(outside).not.toMatch(/[^\r]\n/);
  });
});

describe("parseCsv reads back what the writer wrote", () => {
  const nasty = [
    "plain",
    "comma, inside",
    'quote " inside',
    '""',
    "line\nbreak",
    "crlf\r\nbreak",
    "",
    "=1+1",
    "@SUM(1)",
    "-minus",
    "+plus",
    "\ttab",
    "\rcr",
    "Ünïcødé 漢字 😀",
    "trailing space ",
  ];

  it("round-trips every kind of text, with formulas neutralized", () => {
    const doc = new CsvDocument(["n", "text"]);
    for (const [index, text] of nasty.entries()) doc.add([index, text]);
    const [header, ...rows] = parseCsv(doc.toString());
    expect(header).toEqual(["n", "text"]);
    expect(rows.map((row) => row[1])).toEqual(nasty.map(neutralizeFormula));
    expect(rows.map((row) => row[0])).toEqual(nasty.map((_, index) => String(index)));
  });

  it("tolerates LF line ends and a missing last line end", () => {
    expect(parseCsv("a,b\n1,2")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
    expect(parseCsv("a,\r\n,b\r\n")).toEqual([
      ["a", ""],
      ["", "b"],
    ]);
  });
});
