import { DomainError } from "../../../domain/shared/domain-error";
import { AUDIT_TOPICS, type AuditQuery, type AuditTopic, isAuditTopic } from "../../../services/operations/show-audit";
import type { SlackDeps } from "../../deps";
import type { Token } from "../../parse/command-text";
import { auditMessage } from "../../views/audit-view";
import type { Message } from "../../views/message";
import { readerTimeZone } from "../../views/slack-date";
import type { CommandInvocation } from "./command-runner";

export const AUDIT_USAGE = `Usage: \`/hub audit [n]\` (default 20, at most 100), \`/hub audit @someone\` or \`/hub audit ${Object.keys(AUDIT_TOPICS).join("|")}\`; they combine: \`/hub audit 50 goal\``;

/** Other spellings people type for a topic. */
const TOPIC_ALIASES: Record<string, AuditTopic> = {
  partners: "partner",
  roles: "role",
  setting: "settings",
  goals: "goal",
  rate: "rates",
  digests: "digest",
  practices: "practice",
  deals: "deal",
};

function refuse(problem: string): never {
  throw new DomainError("usage", { text: `${problem} ${AUDIT_USAGE}` });
}

/** Typed text quoted so the refusal shows it literally (mentionSafe escapes what is in curly quotes). */
function shown(text: string): string {
  const cut = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return `“${cut.replace(/[“”]/g, '"')}”`;
}

export function parseAuditArgs(tokens: Token[]): AuditQuery {
  const query: AuditQuery = {};
  for (const token of tokens) {
    if (token.kind === "user") {
      if (query.actor !== undefined) refuse("Mention one person.");
      query.actor = token.id;
      continue;
    }
    const word = token.kind === "word" ? token.value.toLowerCase() : token.raw;
    if (/^\d+$/.test(word)) {
      if (query.limit !== undefined) refuse("Give one number.");
      const limit = Number(word);
      if (limit < 1) refuse("Ask for 1 entry or more.");
      query.limit = limit;
      continue;
    }
    const topic = isAuditTopic(word) ? word : TOPIC_ALIASES[word];
    if (topic === undefined) refuse(`${shown(token.raw)} is not a number, a person or a topic.`);
    if (query.topic !== undefined) refuse("Give one topic.");
    query.topic = topic;
  }
  return query;
}

/** `/hub audit [n] [@someone] [topic]`: the latest program changes (admins). */
export async function hubAudit(deps: SlackDeps, invocation: CommandInvocation, rest: Token[]): Promise<Message> {
  const { actor } = invocation;
  deps.services.audit.checkCanSee(actor);
  const query = parseAuditArgs(rest);
  const page = await deps.services.audit.show(actor, query);
  return auditMessage(page, readerTimeZone(actor));
}
