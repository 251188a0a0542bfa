import type { KnownBlock } from "@slack/types";
import { SYSTEM_ACTOR } from "../../domain/shared/system-actor";
import { AUDIT_MAX_LIMIT, type AuditPage } from "../../services/operations/show-audit";
import type { AuditEntryRecord } from "../../services/store";
import {
  context,
  escapeMrkdwn,
  header,
  type Mrkdwn,
  md,
  mention,
  truncate,
  truncateMrkdwn,
  trusted,
} from "./block-kit";
import { linesToSections, type Message, message } from "./message";
import { localDateTime } from "./slack-date";

type AuditData = Record<string, unknown>;

/** What an audit entry's target is, so it reads as a person, a channel or a numbered thing. */
type TargetKind = "user" | "channel" | "partner" | "goal" | "practice" | "application" | "text";

interface ActionWords {
  /** What the actor did, after their name: "added a partner company". */
  did: string | ((data: AuditData) => string);
  target: TargetKind;
}

/**
 * Every action the services record, as a sentence. An action missing here shows its raw name, so a
 * new one is never hidden; the e2e test checks the ones the app records today.
 */
export const AUDIT_ACTIONS: Record<string, ActionWords> = {
  "partner.add": { did: "added a partner company", target: "partner" },
  "partner.assign": { did: "put someone in a partner company", target: "user" },
  "partner.remove": { did: "took someone out of their partner company", target: "user" },
  "partner.channel": {
    did: (data) => (data.channelId === null ? "untied a channel from a partner" : "tied a channel to a partner"),
    target: "partner",
  },
  "role.set": { did: "changed someone's role", target: "user" },
  "role.first_admin": { did: "became the first admin", target: "user" },
  "settings.update": { did: "changed a program setting", target: "text" },
  "settings.approvals_channel": { did: "chose the approvals channel", target: "channel" },
  "settings.recognition": { did: "changed the recognition settings", target: "text" },
  "goal.set": { did: "set a goal", target: "goal" },
  "goal.remove": { did: "removed a goal", target: "goal" },
  "exchange_rate.set": { did: "set an exchange rate", target: "text" },
  "digest.subscribe": { did: "set up a weekly digest", target: "channel" },
  "digest.unsubscribe": { did: "stopped a weekly digest", target: "channel" },
  "practice.delete": { did: "deleted a best practice", target: "practice" },
  "rules.update": { did: "changed the rules of engagement", target: "text" },
  "deal.export": { did: "exported deals to a CSV file", target: "partner" },
  "partner.export": { did: "exported the partner list to a CSV file", target: "text" },
  // Tiers, scorecards, resources and training (issue 14).
  "tier.promote": { did: "recorded a tier promotion", target: "partner" },
  "tier.review_open": { did: "opened a tier review (possible demotion)", target: "partner" },
  "tier.keep": { did: "kept a partner's tier in a review", target: "partner" },
  "tier.demote": { did: "demoted a partner to a lower tier", target: "partner" },
  "tier.review_recovered": { did: "closed a tier review: the partner qualifies again", target: "partner" },
  "scorecard.review": { did: "saved a quarterly scorecard review", target: "partner" },
  "resource.add": { did: "added a resource to the library", target: "text" },
  "resource.remove": { did: "removed a resource from the library", target: "text" },
  "training.complete": { did: "marked a training done", target: "text" },
  "training.confirm": { did: "confirmed someone's completed training", target: "text" },
  // Partner applications, the program's lists and onboarding (issue 14).
  "application.submit": { did: "applied to become a partner", target: "application" },
  "application.approve": { did: "approved a partner application", target: "application" },
  "application.decline": { did: "declined a partner application", target: "application" },
  "program.update": {
    did: (data) => (data.section === "grace" ? "changed the demotion grace period" : "changed the partner program"),
    target: "text",
  },
  "onboarding.step": { did: "completed an onboarding step", target: "partner" },
  "onboarding.finish": { did: "finished a partner's onboarding", target: "partner" },
};

const TOPIC_NAMES: Record<NonNullable<AuditPage["topic"]>, string> = {
  partner: "partners",
  role: "roles",
  settings: "settings",
  goal: "goals",
  rates: "exchange rates",
  digest: "digests",
  practice: "best practices",
  rules: "rules of engagement",
  deal: "deals",
};

/** Enough of the recorded details to recognize a change; the database keeps all of it. */
const DATA_MAX = 180;
const TARGET_MAX = 60;

const SLACK_USER = /^[UW][A-Z0-9]{2,}$/;
const SLACK_CHANNEL = /^[CG][A-Z0-9]{2,}$/;

function targetText(kind: TargetKind, target: string): Mrkdwn {
  if (kind === "user" && SLACK_USER.test(target)) return mention(target, "@");
  if (kind === "channel" && SLACK_CHANNEL.test(target)) return mention(target, "#");
  if (
    (kind === "partner" || kind === "goal" || kind === "practice" || kind === "application") &&
    /^\d+$/.test(target)
  ) {
    return md`${kind} #${target}`;
  }
  return md`${truncate(target, TARGET_MAX)}`;
}

function valueText(value: unknown): string {
  if (value === null || value === undefined) return "none";
  if (Array.isArray(value)) return value.map(valueText).join(", ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** "region: EMEA, tier: gold"; one level of nesting is opened ({ changed: { timezone } } reads "timezone: …"). */
export function dataSummary(data: AuditData): string {
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(data)) {
    if (typeof value === "object" && value !== null && !Array.isArray(value)) {
      for (const [inner, innerValue] of Object.entries(value)) pairs.push(`${inner}: ${valueText(innerValue)}`);
    } else {
      pairs.push(`${key}: ${valueText(value)}`);
    }
  }
  // One line per entry: a multi-line value (the rules text) reads as one.
  return pairs.join(", ").replace(/\s+/g, " ");
}

/** One entry as a line: when, who, what, on what, with which details. */
export function auditLine(entry: AuditEntryRecord, timeZone: string): Mrkdwn {
  const words = AUDIT_ACTIONS[entry.action];
  const did = words ? (typeof words.did === "string" ? words.did : words.did(entry.data)) : null;
  const what = did === null ? md`recorded \`${truncate(entry.action, TARGET_MAX)}\`` : md`${did}`;
  const target = entry.target === null ? md`` : md` · ${targetText(words?.target ?? "text", entry.target)}`;
  const summary = dataSummary(entry.data);
  // Cut after escaping, never inside an entity: user text in the details can't stretch the line.
  const details = summary === "" ? "" : ` · _${truncateMrkdwn(escapeMrkdwn(summary), DATA_MAX)}_`;
  // A scheduled job (tier recalculation) acts as the app itself: no one to mention.
  const who = entry.actor === SYSTEM_ACTOR ? md`_Partner Hub_` : mention(entry.actor, "@");
  return md`*${localDateTime(entry.createdAt, timeZone)}* · ${who} ${what}${target}${trusted(details)}`;
}

function filterText(page: AuditPage): Mrkdwn {
  const by = page.actor === undefined ? md`` : md` by ${mention(page.actor, "@")}`;
  const about = page.topic === undefined ? md`` : md` about ${TOPIC_NAMES[page.topic]}`;
  return md`${by}${about}`;
}

/** `/hub audit`: the latest program changes, newest first, in the reader's own time zone. */
export function auditMessage(page: AuditPage, timeZone: string): Message {
  const filter = filterText(page);
  if (page.entries.length === 0) {
    const none = page.actor === undefined && page.topic === undefined;
    return message(md`Audit log: no entries`, [
      header("Audit log"),
      context(none ? md`Nothing has been recorded yet.` : md`No entries${filter}.`),
    ]);
  }
  const count = page.entries.length;
  const blocks: KnownBlock[] = [
    header("Audit log"),
    context(md`The latest ${count} ${count === 1 ? "entry" : "entries"}${filter}, newest first · times in ${timeZone}`),
    ...linesToSections(page.entries.map((entry) => auditLine(entry, timeZone))),
  ];
  if (page.limited) {
    blocks.push(
      context(
        md`Showing the latest ${page.limit}: the most one answer holds. Filter by person or topic to go further back.`,
      ),
    );
  } else if (count === page.limit && page.limit < AUDIT_MAX_LIMIT) {
    blocks.push(context(trusted("`/hub audit 100` shows more.")));
  }
  return message(md`Audit log: the latest ${count} ${count === 1 ? "entry" : "entries"}${filter}`, blocks);
}
