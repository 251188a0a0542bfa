import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";

/**
 * The sandbox page, bundled when the sandbox starts: its TypeScript (with lit-html, from
 * node_modules) and CSS go through esbuild into memory (nothing is written to disk, nothing is
 * fetched by the browser but these), the HTML is served as it is.
 */

export interface PageAssets {
  html: string;
  js: string;
  css: string;
}

const PAGE = fileURLToPath(new URL("./page/", import.meta.url));

export async function buildPageAssets(): Promise<PageAssets> {
  let esbuild: typeof import("esbuild");
  try {
    esbuild = await import("esbuild");
  } catch {
    throw new Error("the sandbox page is bundled with esbuild, a dev dependency: run npm install (without --omit=dev)");
  }
  const result = await esbuild.build({
    entryPoints: { page: `${PAGE}main.ts`, styles: `${PAGE}styles.css` },
    bundle: true,
    write: false,
    outdir: "/sandbox-page",
    format: "iife",
    target: ["chrome109", "firefox115", "safari16"],
    sourcemap: "inline",
    charset: "utf8",
    logLevel: "silent",
  });
  const output = (name: string) => {
    const file = result.outputFiles.find((entry) => entry.path.endsWith(name));
    if (!file) throw new Error(`esbuild produced no ${name}`);
    return file.text;
  };
  return {
    html: await readFile(`${PAGE}index.html`, "utf8"),
    js: output("page.js"),
    css: output("styles.css"),
  };
}
