import type { Actor } from "../access-service";
import type { ExportContext, PeopleNames } from "./csv-export";
import { type DealExportOptions, exportDeals } from "./export-deals";
import { exportPartners } from "./export-partners";

export type { CsvExport, PeopleNames } from "./csv-export";
export { EXPORT_MAX_ROWS } from "./csv-export";
export type { DealExport, DealExportOptions } from "./export-deals";

/** `/deal export` and `/partner export`: CSV files for managers. */
export function createExportUseCases(context: ExportContext) {
  return {
    deals: (actor: Actor, options: DealExportOptions, people?: PeopleNames) =>
      exportDeals(context, actor, options, people),
    partners: (actor: Actor) => exportPartners(context, actor),
  };
}

export type ExportUseCases = ReturnType<typeof createExportUseCases>;
