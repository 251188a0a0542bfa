import { existsSync } from "node:fs";
import { setImmediate } from "node:timers/promises";
import type { ResvgRenderOptions } from "@resvg/resvg-js";
import { type BarChartInput, barChartSpec, FONT_FAMILY } from "./bar-chart-spec";

export type { BarChartInput, BarChartRow, GoalLine } from "./bar-chart-spec";
export { DEFAULT_EMPTY_MESSAGE, LAYOUT } from "./bar-chart-spec";

/**
 * Leaderboard bar charts, rendered in the process with no network: vega-lite compiles the spec to
 * vega, vega draws it as an SVG string (renderer "none": no canvas, no DOM), resvg rasterizes the
 * SVG to PNG with a font from the OS.
 *
 * No rows is not an error: the chart then shows `emptyMessage` under the title, so a caller (the
 * Chart button, the digest) can always post what it asked for. A value that is not a finite number
 * is a programming error and throws a RangeError.
 */
export async function renderBarChart(input: BarChartInput): Promise<Buffer> {
  return rasterize(await renderBarChartSvg(input));
}

/** The PNG stage: an SVG from renderBarChartSvg to PNG, with the fonts chosen below. */
export async function rasterize(svg: string): Promise<Buffer> {
  const { Resvg } = await engines();
  // resvg's pixel buffers (~1.5 MB a chart) live outside the JS heap and are freed by finalizers
  // that Node runs on a later turn of the event loop. A caller drawing charts in a loop (the
  // digest) without that turn kept every buffer: RSS passed 1 GB after 500 charts (resvg-js
  // 2.6.2, thx/resvg-js#216). One turn here keeps it flat (bench/chart.ts).
  await setImmediate();
  return new Resvg(svg, resvgOptions(svg)).render().asPng();
}

/** The SVG stage of renderBarChart, for tests and for callers that want a vector image. */
export async function renderBarChartSvg(input: BarChartInput): Promise<string> {
  const spec = barChartSpec(input);
  const { compile, parse, View } = await engines();
  const view = new View(parse(compile(spec).spec), { renderer: "none", logLevel: 0 });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

interface Engines {
  compile: typeof import("vega-lite").compile;
  parse: typeof import("vega").parse;
  View: typeof import("vega").View;
  Resvg: typeof import("@resvg/resvg-js").Resvg;
}
let loading: Promise<Engines> | undefined;

/**
 * Loaded on the first chart, not at start: vega, vega-lite and resvg cost the start about 0.2 s and
 * tens of MB, and most processes never draw a chart.
 */
function engines(): Promise<Engines> {
  loading ??= Promise.all([import("vega"), import("vega-lite"), import("@resvg/resvg-js")]).then(
    ([vega, vegaLite, resvg]) => ({
      compile: vegaLite.compile,
      parse: vega.parse,
      View: vega.View,
      Resvg: resvg.Resvg,
    }),
  );
  return loading;
}

/**
 * Where distributions put DejaVu Sans (Debian/Ubuntu `fonts-dejavu-core`, Alpine `font-dejavu`,
 * Fedora `dejavu-sans-fonts`). Loading only these two files keeps every chart looking the same
 * whatever else the host has installed, and skips resvg's scan of all system fonts (~10 ms a chart
 * here, more on hosts with many fonts).
 */
const FONT_DIRS = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/share/fonts/dejavu-sans-fonts"];
const FONT_FILES = ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"];

/**
 * Characters outside the blocks DejaVu Sans covers well (Latin, Greek, Cyrillic, punctuation,
 * currency, arrows, shapes): a partner name in Japanese or an emoji. Such charts are drawn with
 * every system font loaded, so resvg can fall back to one that has the glyph (e.g. Noto CJK when
 * the host installs it) instead of printing empty boxes. That search costs ~60 ms a chart.
 */
const BEYOND_DEJAVU = /[^\t\n\r\u0020-\u052F\u1E00-\u1FFF\u2000-\u27BF]/u;

let dejaVu: NonNullable<ResvgRenderOptions["font"]> | null | undefined;
const SYSTEM_FONTS = { loadSystemFonts: true, sansSerifFamily: FONT_FAMILY } as const;

function resvgOptions(svg: string): ResvgRenderOptions {
  dejaVu ??= findDejaVu();
  const font = dejaVu && !BEYOND_DEJAVU.test(svg) ? dejaVu : SYSTEM_FONTS;
  return { font, background: "white", logLevel: "off" };
}

function findDejaVu(): NonNullable<ResvgRenderOptions["font"]> | null {
  for (const dir of FONT_DIRS) {
    const files = FONT_FILES.map((file) => `${dir}/${file}`);
    if (files.every((file) => existsSync(file))) {
      return { loadSystemFonts: false, fontFiles: files, defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY };
    }
  }
  return null;
}
