import type { App } from "@slack/bolt";
import { localDate } from "../../../domain/shared/calendar";
import { DomainError } from "../../../domain/shared/domain-error";
import { DEAL_LIST_FILTERS, type DealListFilterName } from "../../../services/deals/deal-queries";
import type { SlackDeps } from "../../deps";
import { splitSubcommand, type Token } from "../../parse/command-text";
import { typedDealId } from "../../parse/record-id";
import { md } from "../../views/block-kit";
import { dealFindMessage, dealHistoryMessage, dealListMessage } from "../../views/deal-list-view";
import { dealCardMessage } from "../../views/deal-message-view";
import { commandHelpMessage } from "../../views/help-view";
import { notice } from "../../views/message";
import { readerTimeZone } from "../../views/slack-date";
import { openEditDealModal } from "../open-edit-deal-modal";
import { openRegisterModal } from "../open-register-modal";
import { registerCommand } from "./command-runner";
import { dealExport } from "./deal-export";

const LIST_USAGE =
  "Usage: `/deal list [open|won|lost|all]` or `/deal list partner <name> [open|won|lost|all]` (your own company, or any for managers)";

function words(tokens: Token[]): string[] {
  return tokens.map((token) => (token.kind === "word" ? token.value : token.raw));
}

/** `[open|won|lost|all]` and `partner <name>` in either order. */
export function parseListArgs(tokens: Token[]): { filter: DealListFilterName; partnerName?: string } {
  const rest = words(tokens);
  let filter: DealListFilterName = "open";
  const last = rest[rest.length - 1]?.toLowerCase();
  if (last && (DEAL_LIST_FILTERS as readonly string[]).includes(last)) {
    filter = last as DealListFilterName;
    rest.pop();
  }
  if (rest.length === 0) return { filter };
  if (rest[0]?.toLowerCase() !== "partner") throw new DomainError("usage", { text: LIST_USAGE });
  const first = rest[1]?.toLowerCase();
  if (first && (DEAL_LIST_FILTERS as readonly string[]).includes(first) && rest.length > 2) {
    filter = first as DealListFilterName;
    rest.splice(1, 1);
  }
  const partnerName = rest.slice(1).join(" ").trim();
  if (partnerName === "") throw new DomainError("usage", { text: `Name the partner. ${LIST_USAGE}` });
  return { filter, partnerName };
}

function dealId(tokens: Token[], usage: string): number {
  const id = typedDealId(words(tokens).join(" "));
  if (id === null) throw new DomainError("usage", { text: usage });
  return id;
}

export function registerDealCommand(app: App, deps: SlackDeps): void {
  const deals = deps.services.deals;
  registerCommand(app, deps, "/deal", async (invocation) => {
    const { actor, text, body, client } = invocation;
    const { sub, rest } = splitSubcommand(text);
    // Answers to one person: their day and their clock.
    const today = () => localDate(deps.services.clock(), readerTimeZone(actor));
    switch (sub) {
      case "": {
        await openRegisterModal(deps, client, actor, body.trigger_id, body.channel_id);
        return null;
      }
      case "help":
        return commandHelpMessage("/deal", undefined, actor.role);
      case "list": {
        const args = parseListArgs(rest);
        const page = await deals.list(actor, { ...args, page: 1 });
        return dealListMessage({
          ...page,
          filter: args.filter,
          partnerChosen: args.partnerName !== undefined,
          today: today(),
        });
      }
      case "export":
        return dealExport(deps, invocation, rest);
      case "find": {
        // Nothing typed: the service says what to type (deal_find_empty).
        const found = await deals.findDeals(actor, words(rest).join(" "), 1);
        return dealFindMessage({ ...found, today: today() });
      }
      case "edit": {
        await openEditDealModal(deps, client, actor, body.trigger_id, dealId(rest, "Usage: `/deal edit 42`"));
        return null;
      }
      case "history": {
        const { deal, events } = await deals.history(actor, dealId(rest, "Usage: `/deal history 42`"));
        return dealHistoryMessage(deal, events, readerTimeZone(actor));
      }
      case "show":
        return dealCardMessage(await deals.get(actor, dealId(rest, "Usage: `/deal show 42`")));
      default: {
        const id = typedDealId(sub);
        if (id !== null) return dealCardMessage(await deals.get(actor, id));
        return notice(
          md`I don't know \`/deal ${sub}\`. Use \`/deal\` to register a deal, \`/deal list\` to see yours, \`/deal find tanabe\` to search, \`/deal history 42\` for a deal's history, or \`/deal help\`.`,
        );
      }
    }
  });
}
