import type { ApplicationField, ErrorCode, ProgramSection } from "../../domain/shared/error-codes";
import { mention } from "./block-kit";
import { quoted, type Sentences } from "./sentence-text";

/** The partner program's refusals (issue 14): applications, the program's lists, onboarding, tiers, scorecards, resources. */

const APPLICATION_FIELDS: Record<ApplicationField, string> = {
  company: "company name",
  website: "website",
  regions: "regions",
  segments: "customer segments",
  solutions: "solutions offered",
  teamSize: "team size",
  reference1: "first reference",
  reference2: "second reference",
};

const PROGRAM_SECTIONS: Record<ProgramSection, string> = {
  criteria: "selection criteria",
  dueDiligence: "due-diligence checklist",
  onboarding: "onboarding steps",
  tiers: "tier criteria",
};

const APPLICATION_STATUS: Record<string, string> = {
  approved: "approved",
  declined: "declined",
  pending: "still pending",
};

const TIER_REVIEW_STATUS: Record<string, string> = {
  demoted: "the partner was demoted",
  kept: "the partner kept its tier",
  recovered: "the partner qualified again",
  pending: "it is still open",
};

type ProgramCode = Extract<
  ErrorCode,
  | `application_${string}`
  | "score_invalid"
  | `program_${string}`
  | `onboarding_${string}`
  | `tier_review_${string}`
  | `review_${string}`
  | `resource_${string}`
  | `training_${string}`
>;

export const PROGRAM_SENTENCES: Pick<Sentences, ProgramCode> = {
  application_field_missing: ({ field }) => `Enter the ${APPLICATION_FIELDS[field]}.`,
  application_field_too_long: ({ field, max }) =>
    `Keep the ${APPLICATION_FIELDS[field]} to ${max.toLocaleString("en-US")} characters or fewer.`,
  application_website_invalid: ({ text }) =>
    `${quoted(text)} isn't a website: type a domain like acme.com or a link like https://acme.com, or leave it empty.`,
  application_team_size_invalid: ({ max }) =>
    `Type the number of people as a whole number from 1 to ${max.toLocaleString("en-US")}.`,
  application_not_found: ({ id }) => `There is no application #${id}.`,
  application_decided: ({ status, decidedBy }) =>
    `This application was already ${APPLICATION_STATUS[status] ?? status}${decidedBy ? ` by ${mention(decidedBy).text}` : ""}.`,
  application_pending_exists: ({ company }) =>
    `An application from ${quoted(company)} is already waiting for review: the partner team will get back to you.`,
  application_already_partner: ({ partner }) => `${quoted(partner)} is already a partner: no need to apply.`,
  application_checks_open: ({ open }) =>
    `Approval needs every due-diligence check done. Still open: ${open.map(quoted).join(", ")}.`,
  application_unscored: ({ missing }) =>
    `Approval needs a score for every weighted criterion. Still unscored: ${missing.map(quoted).join(", ")}.`,
  score_invalid: ({ min, max }) => `A score is a whole number from ${min} to ${max}.`,

  program_line_invalid: ({ section, line, text, expected }) =>
    `Line ${line} of the ${PROGRAM_SECTIONS[section]} (${quoted(text)}) doesn't read: expected ${expected}.`,
  program_list_empty: ({ section }) => `Write at least one line for the ${PROGRAM_SECTIONS[section]}.`,
  program_list_too_long: ({ section, max }) => `The ${PROGRAM_SECTIONS[section]} can have at most ${max} lines.`,
  program_item_too_long: ({ section, line, max }) =>
    `Line ${line} of the ${PROGRAM_SECTIONS[section]} is too long: at most ${max} characters.`,
  program_item_repeated: ({ section, text }) =>
    `${quoted(text)} is in the ${PROGRAM_SECTIONS[section]} twice: keep one.`,
  program_weight_invalid: ({ line, text, max }) =>
    `Line ${line}: ${quoted(text)} is not a weight. A weight is a whole number from 0 to ${max} (0 = shown but not counted).`,
  program_auto_event_unknown: ({ line, text, events }) =>
    `Line ${line}: ${quoted(text)} is not an event. Use one of ${events.join(", ")}, or leave out [auto: …] for a step ticked by hand.`,
  program_tier_unknown: ({ line, text, tiers }) =>
    `Line ${line}: ${quoted(text)} is not a tier. Write one line for each of ${tiers.join(", ")}.`,
  program_tier_order: ({ tier, below }) =>
    `${capitalize(tier)} asks for less than ${below} in at least one criterion: a higher tier must ask at least as much as the one below it.`,
  program_grace_invalid: ({ min, max }) => `The demotion grace period is a whole number of days from ${min} to ${max}.`,

  onboarding_not_started: ({ partner }) => `${quoted(partner)} has no onboarding checklist.`,
  onboarding_step_unknown: ({ text }) => `There is no onboarding step ${quoted(text)}.`,
  onboarding_step_done: ({ label }) => `${quoted(label)} is already done.`,

  tier_review_not_found: ({ id }) => `There is no tier review #${id}.`,
  tier_review_decided: ({ status }) => `This tier review is already closed: ${TIER_REVIEW_STATUS[status] ?? status}.`,
  tier_review_in_grace: ({ until }) =>
    `The partner still has until ${until.slice(0, 10)} to qualify again: demote after that, or keep the tier now.`,

  review_rating_invalid: ({ min, max }) => `A rating is a whole number from ${min} to ${max}.`,
  review_notes_too_long: ({ max }) => `Keep the notes to ${max.toLocaleString("en-US")} characters or fewer.`,

  resource_title_missing: () => "Give the resource a title.",
  resource_title_too_long: ({ max }) => `Keep the title to ${max} characters or fewer.`,
  resource_url_invalid: ({ text }) =>
    `${quoted(text)} is not a web link: use one that starts with https:// or http://, at most 500 characters.`,
  resource_kind_invalid: ({ kinds }) => `Pick a kind: ${kinds.join(", ")}.`,
  resource_tags_invalid: ({ text }) =>
    `${quoted(text)} is not a list of tags: up to 5 words of letters or digits, separated by commas.`,
  resource_required_not_training: () => "Only a training can be required for a tier: pick the kind training.",
  resource_not_found: ({ id }) => `There is no resource #${id}: it may have been removed.`,
  resource_not_training: () => "Only trainings can be marked done.",
  training_not_completed: () => "That training completion is no longer there.",
  training_already_confirmed: () => "That training is already confirmed.",
};

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
