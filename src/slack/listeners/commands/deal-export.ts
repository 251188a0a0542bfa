import { DomainError } from "../../../domain/shared/domain-error";
import { DEAL_LIST_FILTERS, type DealListFilterName } from "../../../services/deals/deal-queries";
import type { DealExportOptions } from "../../../services/exports";
import type { SlackDeps } from "../../deps";
import { parseArgs, type Token } from "../../parse/command-text";
import { DEAL_EXPORT_USAGE, dealSelection, exportEmptyMessage } from "../../views/export-view";
import type { Message } from "../../views/message";
import type { CommandInvocation } from "./command-runner";
import { boundedPeopleNames, sendExport } from "./send-export";

function isFilter(word: string | undefined): word is DealListFilterName {
  return word !== undefined && (DEAL_LIST_FILTERS as readonly string[]).includes(word.toLowerCase());
}

/**
 * `[open|won|lost|all] [partner <name>] [since:YYYY-MM-DD]`: the filter first or last, the partner's
 * name (spaces and all) after `partner`. Without a filter every deal is exported.
 */
export function parseDealExportArgs(rest: Token[]): DealExportOptions {
  const args = parseArgs(rest, ["since"]);
  const words = [...args.words];
  if (args.users.length > 0 || args.channels.length > 0) throw new DomainError("usage", { text: DEAL_EXPORT_USAGE });
  let filter: DealListFilterName = "all";
  if (isFilter(words[0])) {
    filter = (words.shift() as string).toLowerCase() as DealListFilterName;
  } else if (words.length > 2 && isFilter(words[words.length - 1])) {
    filter = (words.pop() as string).toLowerCase() as DealListFilterName;
  }
  let partnerName: string | undefined;
  if (words.length > 0) {
    if (words[0]?.toLowerCase() !== "partner") throw new DomainError("usage", { text: DEAL_EXPORT_USAGE });
    partnerName = words.slice(1).join(" ").trim();
    if (partnerName === "") throw new DomainError("usage", { text: `Name the partner. ${DEAL_EXPORT_USAGE}` });
  }
  return { filter, partnerName, since: args.options.since };
}

/** `/deal export`: the matching deals as a CSV file in the manager's DM. */
export async function dealExport(
  deps: SlackDeps,
  invocation: CommandInvocation,
  rest: Token[],
): Promise<Message | null> {
  const { actor, client } = invocation;
  const options = parseDealExportArgs(rest);
  const result = await deps.services.exports.deals(actor, options, boundedPeopleNames(client));
  const selection = dealSelection(result);
  if (result.rows === 0) return exportEmptyMessage(selection);
  return sendExport(deps, client, actor, result, selection, "deals");
}
