import { canManageProgram, type Role } from "../partners/roles";
import type { Problem } from "../shared/error-codes";

/** A shout-out as typed in `/shoutout` or its modal, with the recipients the Slack layer found. */
export interface ShoutoutInput {
  recipients: { userId?: string; partnerName?: string; partnerId?: number }[];
  message: string;
  value?: string | null;
  award?: string | null;
  announce?: boolean;
  /** Recipients the Slack layer knows are bots: refused. */
  botUserIds?: string[];
}

export type ShoutoutField = "recipients" | "message" | "value" | "award";
export type ShoutoutProblems = Partial<Record<ShoutoutField, Problem>>;

/** Who a shout-out goes to once partner names are resolved: a person or a partner company. */
export type ShoutoutRecipient = { userId: string; partnerId: null } | { userId: null; partnerId: number };

export interface ValidShoutout {
  recipients: ShoutoutRecipient[];
  message: string;
  value: string | null;
  award: string | null;
  announce: boolean;
}

export type ShoutoutValidation = { ok: true; shoutout: ValidShoutout } | { ok: false; problems: ShoutoutProblems };

export const MIN_SHOUTOUT_MESSAGE = 3;
export const MAX_SHOUTOUT_MESSAGE = 500;
export const MAX_AWARD_NAME = 60;

/** What the rules need to know about the giver and the program. */
export interface ShoutoutGiver {
  userId: string;
  role: Role;
  /** The program's company values. */
  values: readonly string[];
}

/** Managers and admins hand out awards; peers give plain shout-outs. */
export function canGiveAward(role: Role): boolean {
  return canManageProgram(role);
}

/**
 * Checks a shout-out whose partner recipients are already resolved to ids (`partnerId`). Every
 * field is checked even after one fails, so the modal flags all problems at once.
 */
export function validateShoutout(input: ShoutoutInput, giver: ShoutoutGiver): ShoutoutValidation {
  const problems: ShoutoutProblems = {};

  const recipients = checkRecipients(input, giver.userId);
  if ("code" in recipients) problems.recipients = recipients;

  // The message keeps its line breaks: people write a line or two about what happened.
  const message = (input.message ?? "").trim();
  if (message === "") problems.message = { code: "shoutout_message_missing" };
  else if (message.length < MIN_SHOUTOUT_MESSAGE) {
    problems.message = { code: "shoutout_message_too_short", params: { min: MIN_SHOUTOUT_MESSAGE } };
  } else if (message.length > MAX_SHOUTOUT_MESSAGE) {
    problems.message = { code: "shoutout_message_too_long", params: { max: MAX_SHOUTOUT_MESSAGE } };
  }

  const value = matchValue(input.value, giver.values);
  if (value !== null && typeof value !== "string") problems.value = value;

  const award = oneLine(input.award) || null;
  if (award !== null && !canGiveAward(giver.role)) problems.award = { code: "shoutout_award_managers_only" };
  else if (award !== null && award.length > MAX_AWARD_NAME) {
    problems.award = { code: "shoutout_award_too_long", params: { max: MAX_AWARD_NAME } };
  }

  if (Object.keys(problems).length > 0 || "code" in recipients) return { ok: false, problems };
  return {
    ok: true,
    shoutout: {
      recipients: recipients.list,
      message,
      value: typeof value === "string" ? value : null,
      award,
      announce: input.announce !== false,
    },
  };
}

/** People once each, partners once each; never the giver, never a bot. */
function checkRecipients(input: ShoutoutInput, giverUserId: string): Problem | { list: ShoutoutRecipient[] } {
  const bots = new Set(input.botUserIds ?? []);
  const list: ShoutoutRecipient[] = [];
  const people = new Set<string>();
  const partners = new Set<number>();
  for (const recipient of input.recipients) {
    const userId = recipient.userId?.trim();
    if (userId) {
      if (userId === giverUserId) return { code: "shoutout_self" };
      if (bots.has(userId)) return { code: "shoutout_bot", params: { userId } };
      if (!people.has(userId)) list.push({ userId, partnerId: null });
      people.add(userId);
    } else if (recipient.partnerId !== undefined) {
      if (!partners.has(recipient.partnerId)) list.push({ userId: null, partnerId: recipient.partnerId });
      partners.add(recipient.partnerId);
    }
  }
  if (list.length === 0) return { code: "shoutout_recipients_missing" };
  return { list };
}

/** The program's value as the program spells it (matched without letter case); null when none was given. */
function matchValue(typed: string | null | undefined, values: readonly string[]): string | Problem | null {
  const text = oneLine(typed).replace(/^#/, "");
  if (text === "") return null;
  const known = values.find((value) => value.toLowerCase() === text.toLowerCase());
  return known ?? { code: "shoutout_value_unknown", params: { text, values } };
}

function oneLine(text: string | null | undefined): string {
  return (text ?? "").replace(/\s+/g, " ").trim();
}
