import { DomainError } from "../../../domain/shared/domain-error";
import type { SlackDeps } from "../../deps";
import type { Token } from "../../parse/command-text";
import { md } from "../../views/block-kit";
import { PARTNER_EXPORT_USAGE } from "../../views/export-view";
import type { Message } from "../../views/message";
import type { CommandInvocation } from "./command-runner";
import { sendExport } from "./send-export";

/** `/partner export`: every partner with its figures as a CSV file in the manager's DM. */
export async function partnerExport(
  deps: SlackDeps,
  invocation: CommandInvocation,
  rest: Token[],
): Promise<Message | null> {
  const { actor, client } = invocation;
  // Every partner, always: a word after it is a mistake, not a filter to ignore.
  if (rest.length > 0) throw new DomainError("usage", { text: PARTNER_EXPORT_USAGE });
  const result = await deps.services.exports.partners(actor);
  return sendExport(deps, client, actor, result, md`partners`, "partners");
}
