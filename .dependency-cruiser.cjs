// The layering rules of ../shared/ARCHITECTURE.md section 2, checked by `npm run check`:
// slack -> services -> domain, data implements what services declare, no import cycles.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      severity: "error",
      comment: "Import cycles make start-up order and refactors fragile.",
      from: {},
      to: { circular: true },
    },
    {
      name: "domain-is-pure",
      severity: "error",
      comment: "Domain rules know nothing of services, data, Slack, Prisma or the outside world.",
      from: { path: "^src/domain/" },
      to: { path: ["^src/(services|data|slack|jobs|sandbox)/", "node_modules/(@slack|@prisma|pg|better-sqlite3)/"] },
    },
    {
      name: "services-depend-on-domain-only",
      severity: "error",
      comment: "Services declare the repositories they need; src/data implements them.",
      from: { path: "^src/services/" },
      to: { path: ["^src/(data|slack|jobs|sandbox)/", "node_modules/(@slack|@prisma|pg|better-sqlite3)/"] },
    },
    {
      name: "data-does-not-know-slack",
      severity: "error",
      from: { path: "^src/data/" },
      to: { path: ["^src/(slack|jobs|sandbox)/", "node_modules/@slack/"] },
    },
    {
      name: "only-slack-speaks-slack",
      severity: "error",
      comment: "src/slack is the only place that imports @slack/* (the sandbox plays Slack itself).",
      from: { path: "^src/", pathNot: "^src/(slack|sandbox)/" },
      to: { path: "node_modules/@slack/" },
    },
    {
      name: "app-does-not-load-the-sandbox",
      severity: "error",
      comment: "The sandbox is loaded only by main.ts's dynamic import when no credentials are set.",
      from: { path: "^src/", pathNot: "^src/(sandbox/|main\\.ts$)" },
      to: { path: "^src/sandbox/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^src/data/generated/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
  },
};
