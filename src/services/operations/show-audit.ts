import { requireAdmin } from "../../domain/partners/roles";
import type { Actor } from "../access-service";
import type { AuditEntryRecord, Store } from "../store";

export const AUDIT_DEFAULT_LIMIT = 20;
/** The most entries one answer shows: 100 one-line entries still fit one Slack message. */
export const AUDIT_MAX_LIMIT = 100;

/** The words admins filter by, and the action names each one covers. */
export const AUDIT_TOPICS = {
  partner: "partner.",
  role: "role.",
  settings: "settings.",
  goal: "goal.",
  rates: "exchange_rate.",
  digest: "digest.",
  practice: "practice.",
  rules: "rules.",
  deal: "deal.",
} as const;
export type AuditTopic = keyof typeof AUDIT_TOPICS;

export function isAuditTopic(word: string): word is AuditTopic {
  return Object.hasOwn(AUDIT_TOPICS, word);
}

export interface AuditQuery {
  /** How many entries; beyond AUDIT_MAX_LIMIT only the maximum is shown (and `limited` says so). */
  limit?: number;
  /** Only what this Slack user did. */
  actor?: string;
  topic?: AuditTopic;
}

export interface AuditPage {
  entries: AuditEntryRecord[];
  limit: number;
  /** The asked number was above the maximum. */
  limited: boolean;
  actor: string | undefined;
  topic: AuditTopic | undefined;
}

export interface AuditUseCases {
  /** Refuses anyone but an admin, before the command's words are even read. */
  checkCanSee(actor: Actor): void;
  /** `/hub audit`: the latest program changes, newest first (admins). */
  show(actor: Actor, query: AuditQuery): Promise<AuditPage>;
}

export async function showAudit(store: Store, actor: Actor, query: AuditQuery): Promise<AuditPage> {
  requireAdmin(actor.role, "see_audit_log");
  const asked = query.limit ?? AUDIT_DEFAULT_LIMIT;
  const limit = Math.min(Math.max(1, Math.floor(asked)), AUDIT_MAX_LIMIT);
  const entries = await store.audit.latest({
    workspaceId: actor.workspace.id,
    limit,
    ...(query.actor !== undefined && { actor: query.actor }),
    ...(query.topic !== undefined && { actionPrefix: AUDIT_TOPICS[query.topic] }),
  });
  return { entries, limit, limited: asked > AUDIT_MAX_LIMIT, actor: query.actor, topic: query.topic };
}

export function createAuditUseCases(store: Store): AuditUseCases {
  return {
    checkCanSee: (actor) => requireAdmin(actor.role, "see_audit_log"),
    show: (actor, query) => showAudit(store, actor, query),
  };
}
