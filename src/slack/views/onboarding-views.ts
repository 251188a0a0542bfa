import type { KnownBlock } from "@slack/types";
import type { OnboardingStepRecord } from "../../services/program/program-store";
import type { PartnerRecord } from "../../services/records";
import { ACTIONS, BLOCKS } from "../ids";
import { button, context, divider, header, md, mention, section, trusted } from "./block-kit";
import { type Message, message } from "./message";
import { EVENT_WORDS } from "./program-views";
import { localDateTime } from "./slack-date";

/** A partner's onboarding checklist and the managers' overview of everyone onboarding. */

export interface OnboardingView {
  partner: PartnerRecord;
  steps: readonly OnboardingStepRecord[];
  stuck: boolean;
  lastProgressAt: Date | null;
  /** The reader may tick steps by hand (managers, the partner's own people). */
  canTick: boolean;
}

export interface OnboardingRow {
  partner: PartnerRecord;
  total: number;
  done: number;
  lastProgressAt: Date;
  stuck: boolean;
}

/** The value of a step's Mark done button. */
export function stepButtonValue(partnerId: number, key: string): string {
  return `${partnerId}:${key}`;
}

function stepBlock(step: OnboardingStepRecord, view: OnboardingView, timeZone: string): KnownBlock {
  const blockId = BLOCKS.onboardingStep(step.id);
  if (step.doneAt !== null) {
    const by = step.doneBy ? md` by ${mention(step.doneBy)}` : md``;
    return section(
      md`:white_check_mark: ${step.label} · done${by} on ${localDateTime(step.doneAt, timeZone)}`,
      blockId,
    );
  }
  const how = step.auto === null ? md`_ticked by hand_` : md`_ticks itself ${EVENT_WORDS[step.auto]}_`;
  const block = section(md`:white_large_square: *${step.label}* · ${how}`, blockId);
  return view.canTick
    ? {
        ...block,
        accessory: button(ACTIONS.onboardingStepDone, "Mark done", stepButtonValue(view.partner.id, step.key)),
      }
    : block;
}

/** One partner's checklist: done steps with who and when, open ones with Mark done for those who may. */
export function onboardingMessage(view: OnboardingView, timeZone: string, note?: string): Message {
  const done = view.steps.filter((step) => step.doneAt !== null).length;
  const total = view.steps.length;
  const blocks: KnownBlock[] = [header(`Onboarding · ${view.partner.name}`)];
  if (note) blocks.push(section(trusted(note)));
  if (total === 0) {
    blocks.push(section(md`*${view.partner.name}* has no onboarding checklist.`));
    return message(md`${view.partner.name} has no onboarding checklist`, blocks);
  }
  const finished = done === total;
  const progress = finished
    ? view.partner.onboardedAt
      ? md`:tada: All ${total} steps done: onboarded on ${localDateTime(view.partner.onboardedAt, timeZone)}.`
      : md`:tada: All ${total} steps done.`
    : md`*${done} of ${total}* steps done${view.lastProgressAt ? md` · last progress ${localDateTime(view.lastProgressAt, timeZone)}` : md``}`;
  blocks.push(context(progress));
  if (view.stuck && !finished) {
    blocks.push(section(trusted(":warning: *Stuck*: no step was done in the last 14 days.")));
  }
  blocks.push(...view.steps.map((step) => stepBlock(step, view, timeZone)));
  return message(md`Onboarding of ${view.partner.name}: ${done} of ${total} steps done`, blocks);
}

const MAX_ROWS = 40;

/** Managers: every partner still onboarding, stuck ones first, each with its checklist button. */
export function onboardingOverviewMessage(rows: readonly OnboardingRow[], timeZone: string): Message {
  if (rows.length === 0) {
    return message(md`No partner is onboarding`, [
      header("Partners onboarding"),
      section(
        trusted("No partner is onboarding right now. New partners start a checklist when they are added or approved."),
      ),
    ]);
  }
  const stuck = rows.filter((row) => row.stuck).length;
  const blocks: KnownBlock[] = [
    header("Partners onboarding"),
    context(
      md`${rows.length} onboarding${stuck > 0 ? md` · :warning: ${stuck} stuck (nothing done in 14 days)` : md``} · \`/partner onboarding <name>\` opens one`,
    ),
  ];
  for (const row of rows.slice(0, MAX_ROWS)) {
    const flag = row.stuck ? md`:warning: *stuck* · ` : md``;
    const line = md`${flag}*${row.partner.name}* · ${row.done} of ${row.total} steps · last progress ${localDateTime(row.lastProgressAt, timeZone)}`;
    blocks.push({
      ...section(line),
      accessory: button(ACTIONS.onboardingShow, "Checklist", String(row.partner.id)),
    });
  }
  if (rows.length > MAX_ROWS) blocks.push(divider(), context(md`…and ${rows.length - MAX_ROWS} more.`));
  return message(md`Partners onboarding: ${rows.length}${stuck > 0 ? md`, ${stuck} stuck` : md``}`, blocks);
}

/** The outbox post when the last step is done. */
export function onboardingFinishedMessage(partner: PartnerRecord): Message {
  const line = md`:tada: *${partner.name}* finished onboarding: every step is done. Welcome to the program!`;
  return message(line, [section(line)]);
}
