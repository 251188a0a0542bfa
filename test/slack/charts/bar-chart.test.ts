import { describe, expect, it } from "vitest";
import {
  type BarChartRow,
  DEFAULT_EMPTY_MESSAGE,
  LAYOUT,
  renderBarChart,
  renderBarChartSvg,
} from "../../../src/slack/charts/bar-chart";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from the IHDR chunk, which always follows the 8-byte signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(12, 16).toString("ascii")).toBe("IHDR");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function rows(count: number): BarChartRow[] {
  return Array.from({ length: count }, (_, i) => ({
    label: `Partner ${i + 1}`,
    value: (count - i) * 1000,
    display: `€${count - i}k`,
  }));
}

/** The text of each mark of one named vega mark group, in document order. */
function markTexts(svg: string, markName: string): string[] {
  const start = svg.indexOf(`${markName}_marks"`);
  if (start === -1) return [];
  const group = svg.slice(start, svg.indexOf("</g>", start));
  return [...group.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1] ?? "");
}

/** Vertical position of each text of a mark group: the chart's visual top-to-bottom order. */
function markTextYs(svg: string, markName: string): number[] {
  const start = svg.indexOf(`${markName}_marks"`);
  const group = svg.slice(start, svg.indexOf("</g>", start));
  return [...group.matchAll(/<text[^>]*translate\([-\d.]+,([-\d.]+)\)[^>]*>/g)].map((m) => Number(m[1]));
}

function countMarks(svg: string, markName: string, element: "path" | "line"): number {
  const start = svg.indexOf(`${markName}_marks"`);
  if (start === -1) return 0;
  const group = svg.slice(start, svg.indexOf("</g>", start));
  return group.split(`<${element} `).length - 1;
}

describe("renderBarChart", () => {
  it("returns a PNG about 800 px wide, taller with more rows", async () => {
    const one = await renderBarChart({ title: "Revenue", rows: rows(1) });
    const five = await renderBarChart({ title: "Revenue", rows: rows(5) });
    const eleven = await renderBarChart({ title: "Revenue", rows: rows(11) });

    for (const png of [one, five, eleven]) {
      expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      expect(pngSize(png).width).toBe(LAYOUT.width);
    }
    expect(pngSize(five).height - pngSize(one).height).toBe(4 * LAYOUT.rowHeight);
    expect(pngSize(eleven).height - pngSize(five).height).toBe(6 * LAYOUT.rowHeight);
  });

  it("draws the text with a real font (different labels give different pixels)", async () => {
    const a = await renderBarChart({ title: "Deals", rows: [{ label: "Acme", value: 3, display: "3" }] });
    const b = await renderBarChart({ title: "Deals", rows: [{ label: "Zenith", value: 3, display: "3" }] });
    expect(pngSize(a)).toEqual(pngSize(b));
    expect(a.equals(b)).toBe(false);
  });

  it("orders bars by value, largest on top, keeping the caller's order for ties", async () => {
    const svg = await renderBarChartSvg({
      title: "Deals",
      rows: [
        { label: "Bravo", value: 2, display: "2" },
        { label: "Alpha", value: 5, display: "5" },
        { label: "Delta", value: 2, display: "2" },
        { label: "Charlie", value: 9, display: "9" },
      ],
    });
    expect(markTexts(svg, "labels")).toEqual(["Charlie", "Alpha", "Bravo", "Delta"]);
    const ys = markTextYs(svg, "labels");
    expect([...ys].sort((p, q) => p - q)).toEqual(ys);
    expect(markTexts(svg, "values")).toEqual(["9", "5", "2", "2"]);
  });

  it("prints labels literally: markup characters are escaped, equal names keep their own bar", async () => {
    const svg = await renderBarChartSvg({
      title: `Top <i>partners</i> & "friends"`,
      rows: [
        { label: `<b>&"`, value: 3, display: "<3>" },
        { label: "Fabrikam", value: 2, display: "2" },
        { label: "Fabrikam", value: 1, display: "1" },
        { label: "Ünïcødé 株式会社 🚀", value: 1, display: "1" },
      ],
    });
    expect(svg).not.toContain("<b>");
    expect(svg).not.toContain("<i>");
    expect(svg).not.toContain("<3>");
    expect(markTexts(svg, "labels")).toEqual(['&lt;b&gt;&amp;"', "Fabrikam", "Fabrikam", "Ünïcødé 株式会社 🚀"]);
    expect(svg).toContain('Top &lt;i&gt;partners&lt;/i&gt; &amp; "friends"');
    expect(countMarks(svg, "bars", "path")).toBe(4);
    // And the rasterizer accepts the escaped document, also with glyphs DejaVu Sans lacks.
    for (const label of [`<b>&"`, "株式会社 🚀"]) {
      const png = await renderBarChart({ title: "Odd", rows: [{ label, value: 1, display: `</svg>` }] });
      expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    }
  });

  it("draws each goal as a labelled rule, and none without goals", async () => {
    const withGoals = await renderBarChartSvg({
      title: "Revenue",
      rows: rows(3),
      goalLines: [
        { label: "Gold target €2.5k", value: 2500 },
        { label: "Stretch €5k", value: 5000 },
      ],
      unit: "EUR",
    });
    expect(countMarks(withGoals, "goal_rules", "line")).toBe(2);
    expect(markTexts(withGoals, "goal_labels")).toEqual(["Gold target €2.5k", "Stretch €5k"]);

    const without = await renderBarChartSvg({ title: "Revenue", rows: rows(3) });
    expect(countMarks(without, "goal_rules", "line")).toBe(0);

    // A goal above every bar still fits: the scale reaches past the largest goal.
    const png = await renderBarChart({ title: "Revenue", rows: rows(3), goalLines: [{ label: "Goal", value: 5000 }] });
    const plain = await renderBarChart({ title: "Revenue", rows: rows(3) });
    expect(pngSize(png).height - pngSize(plain).height).toBe(LAYOUT.goalLabelHeight);
  });

  it("shows the title, the subtitle and the unit", async () => {
    const svg = await renderBarChartSvg({
      title: "Win rate — this quarter",
      subtitle: "Partners with at least 3 closed deals",
      rows: rows(2),
      unit: "% of closed deals",
    });
    expect(svg).toContain(">Win rate — this quarter</text>");
    expect(svg).toContain(">Partners with at least 3 closed deals</text>");
    expect(svg).toContain(">% of closed deals</text>");
  });

  it("renders an image saying there is nothing to show when there are no rows", async () => {
    const svg = await renderBarChartSvg({ title: "Deals won — this week", rows: [] });
    expect(svg).toContain(`>${DEFAULT_EMPTY_MESSAGE}</text>`);
    expect(svg).toContain(">Deals won — this week</text>");
    expect(countMarks(svg, "bars", "path")).toBe(0);

    const custom = await renderBarChartSvg({ title: "Kudos", rows: [], emptyMessage: "No shout-outs yet." });
    expect(custom).toContain(">No shout-outs yet.</text>");

    const png = await renderBarChart({
      title: "Deals won — this week",
      rows: [],
      goalLines: [{ label: "G", value: 1 }],
    });
    expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(pngSize(png).width).toBe(LAYOUT.width);
  });

  it("rejects a value that is not a finite number", async () => {
    await expect(
      renderBarChart({ title: "x", rows: [{ label: "A", value: Number.NaN, display: "?" }] }),
    ).rejects.toThrow(RangeError);
    await expect(
      renderBarChart({ title: "x", rows: rows(1), goalLines: [{ label: "G", value: Number.POSITIVE_INFINITY }] }),
    ).rejects.toThrow(/goal line "G"/);
  });

  it("handles all-zero and negative values without breaking the scale", async () => {
    const zeros = await renderBarChartSvg({ title: "Deals", rows: [{ label: "A", value: 0, display: "0" }] });
    expect(zeros).not.toContain("NaN");
    const negative = await renderBarChartSvg({
      title: "Change",
      rows: [
        { label: "Up", value: 4, display: "+4" },
        { label: "Down", value: -2, display: "−2" },
      ],
    });
    expect(negative).not.toContain("NaN");
    expect(markTexts(negative, "labels")).toEqual(["Up", "Down"]);
  });
});
