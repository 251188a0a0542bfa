import type { App } from "@slack/bolt";
import { isPracticePeriod, type PracticePeriod } from "../../../domain/practices/practice-periods";
import { DomainError } from "../../../domain/shared/domain-error";
import type { SlackDeps } from "../../deps";
import { parseArgs, splitSubcommand, type Token } from "../../parse/command-text";
import { typedPracticeId } from "../../parse/practice-id";
import { md } from "../../views/block-kit";
import { commandHelpMessage } from "../../views/help-view";
import { practiceCardMessage } from "../../views/practice-card-view";
import { practiceListMessage, practiceSearchMessage } from "../../views/practice-list-view";
import { openShareModal } from "../open-practice-modal";
import { registerCommand } from "./command-runner";

const PERIOD_HEADINGS: Record<PracticePeriod, string> = {
  week: "Most helpful this week",
  month: "Most helpful this month",
  quarter: "Most helpful this quarter",
  all: "Most helpful of all time",
};

/** What was typed after the subcommand, as words: mentions and links stay as typed. */
function typedWords(tokens: Token[]): string {
  return parseArgs(tokens).words.join(" ").trim();
}

function period(tokens: Token[]): PracticePeriod {
  const typed = typedWords(tokens).toLowerCase();
  if (typed === "") return "month";
  if (!isPracticePeriod(typed))
    throw new DomainError("usage", { text: "Usage: `/practice top [week|month|quarter|all]`" });
  return typed;
}

export function registerPracticeCommand(app: App, deps: SlackDeps): void {
  const practices = deps.services.practices;
  registerCommand(app, deps, "/practice", async ({ actor, text, body, client }) => {
    const { sub, rest } = splitSubcommand(text);
    switch (sub) {
      case "": {
        const metadata = { channelId: body.channel_id, creditedUserId: null, sourcePermalink: null, fromHome: false };
        await openShareModal(deps, client, actor, body.trigger_id, metadata);
        return null;
      }
      case "help":
        return commandHelpMessage("/practice", undefined, actor.role);
      case "search": {
        const words = typedWords(rest);
        const { results } = await practices.search(actor, words);
        return practiceSearchMessage(words, results);
      }
      case "top": {
        const chosen = period(rest);
        return practiceListMessage(
          PERIOD_HEADINGS[chosen],
          await practices.top(actor, chosen),
          md`No practices with votes in this period yet. Try \`/practice top all\`.`,
        );
      }
      case "tag": {
        const tag = typedWords(rest).replace(/^#/, "");
        if (tag === "") throw new DomainError("usage", { text: "Usage: `/practice tag pricing`" });
        return practiceListMessage(
          `Tagged #${tag}`,
          await practices.byTag(actor, tag),
          md`No practice is tagged “${tag}” yet.`,
        );
      }
      case "mine":
        return practiceListMessage(
          "Practices you shared",
          await practices.mine(actor),
          md`You haven't shared a practice yet: \`/practice\` opens the form.`,
        );
      default: {
        const id = typedPracticeId(sub);
        if (id !== null && rest.length === 0) return practiceCardMessage(await practices.get(actor, id));
        return commandHelpMessage("/practice", md`I don't know \`/practice ${sub}\`.`, actor.role);
      }
    }
  });
}
