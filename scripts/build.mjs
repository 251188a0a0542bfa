// Bundles src/main.ts into dist/ for the production start (`node dist/main.js`): one file of our
// code (plus a lazily loaded chunk for the sandbox), npm packages left as imports from node_modules.
import { rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const src = resolve(root, "src");
// `--outdir <dir>` lets the ops test build elsewhere than the dist/ a person may be running. The
// folder must sit inside the repository, so that npm packages still resolve from node_modules.
const outdirFlag = process.argv.indexOf("--outdir");
const outdir = resolve(root, outdirFlag === -1 ? "dist" : (process.argv[outdirFlag + 1] ?? "dist"));
const entry = resolve(src, "main.ts");
const generated = resolve(src, "data/generated");

/**
 * Modules find files next to their source with `new URL("../../manifest.yml", import.meta.url)`
 * (the manifest, the migrations, the sandbox page). Bundled, import.meta.url is dist/main.js, so
 * each module's own URL is put back: its source path relative to dist/, resolved at run time. The
 * app therefore runs from a tree that keeps dist/ beside manifest.yml and prisma/migrations.
 */
const sourceRelativeUrls = {
  name: "source-relative-import-meta-url",
  setup(builder) {
    builder.onLoad({ filter: /\.ts$/ }, async (args) => {
      const contents = await readFile(args.path, "utf8");
      // The generated Prisma clients only use theirs for a __dirname they do not read files from.
      const own = args.path.startsWith(src) && args.path !== entry && !args.path.startsWith(generated);
      if (!own || !contents.includes("import.meta.url")) return undefined;
      const fromDist = relative(outdir, args.path).split("\\").join("/");
      return {
        contents: contents.replaceAll("import.meta.url", `new URL(${JSON.stringify(fromDist)}, import.meta.url).href`),
        loader: "ts",
      };
    });
  },
};

rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { main: entry },
  outdir,
  bundle: true,
  splitting: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: "linked",
  logLevel: "warning",
  plugins: [sourceRelativeUrls],
}).catch(() => {
  // esbuild has already printed each error with its file and line.
  process.exit(1);
});
console.log(`built ${relative(root, outdir)}/main.js`);
