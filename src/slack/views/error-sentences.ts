import { isRegistrationStatus, STATUS_LABELS } from "../../domain/deals/registration";
import { isStage, STAGE_LABELS } from "../../domain/deals/stages";
import type { DomainError, ErrorParams, Problem } from "../../domain/shared/domain-error";
import type { LimitedDealField, ProtectedAction } from "../../domain/shared/error-codes";
import { mention } from "./block-kit";
import { PROGRAM_SENTENCES } from "./program-error-sentences";
import { quoted, type Sentences } from "./sentence-text";

/**
 * What the person reads for each refusal. Sentences are plain strings in the app's mrkdwn
 * conventions: shown as ephemeral replies through `mentionSafe` (text in “curly quotes” is what
 * the person typed and shows literally) and as plain text under a modal field.
 */
const FORBIDDEN: Record<ProtectedAction, string> = {
  add_partners: "Only managers and admins can add partner companies.",
  list_partners: "Only managers and admins can list partner companies.",
  assign_partners: "Only managers and admins can assign people to partners.",
  see_partner_members: "Only managers and admins can see partner members.",
  list_partner_deals: "Only managers and admins can list another partner's deals.",
  decide_deals: "Only managers can approve deals.",
  extend_protection: "Only managers can extend protection.",
  change_settings: "Only admins can change program settings.",
  post_launcher: "Only managers and admins can post the launcher.",
  choose_approvals_channel: "Only admins can choose the approvals channel.",
  change_roles: "Only admins can change roles.",
  see_system_status: "Only admins can see the system status.",
  retry_message: "Only admins can retry a message.",
  tie_channels: "Only managers and admins can tie a channel to a partner.",
  remove_partner_members: "Only managers and admins can take people out of a partner.",
  edit_deals: "Only the partner's own people and managers can edit this deal.",
  manage_goals: "Only managers and admins can set or remove goals.",
  set_exchange_rates: "Only admins can set exchange rates.",
  manage_digests: "Only managers and admins can set up weekly digests.",
  see_audit_log: "Only admins can see the audit log.",
  export_deals: "Only managers and admins can export deals.",
  export_partners: "Only managers and admins can export partners.",
  edit_rules: "Only admins can change the program rules.",
  review_applications: "Only managers and admins can review partner applications.",
  edit_program: "Only admins can change the partner program; managers and admins can read it.",
  see_other_partners: "You can only see your own company's partnership.",
  complete_onboarding: "Only the partner's own people and managers can tick its onboarding steps.",
  decide_tier_reviews: "Only managers and admins can decide tier reviews.",
  review_scorecards: "Only managers and admins can review scorecards.",
  manage_resources: "Only managers and admins can add or remove resources.",
  confirm_training: "Only managers and admins can confirm trainings.",
  recalculate_tiers: "Only admins can recalculate tiers.",
};

const FIELD_NAMES: Record<LimitedDealField, string> = {
  customerName: "customer name",
  product: "product",
  region: "region",
  notes: "notes",
};

const ALREADY_DECIDED: Record<ErrorParams["already_decided"]["status"], string> = {
  approved: "This registration was already approved",
  rejected: "This registration was already rejected",
  expired: "This registration has already expired",
};

/** When a daily allowance resets, in the giver's own time zone: "00:00 Europe/Berlin". */
function resetTime(iso: string, timeZone: string): string {
  const time = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  return `${time.format(new Date(iso))} ${timeZone.replace(/_/g, " ")}`;
}

function statusName(status: string): string {
  return (isRegistrationStatus(status) ? STATUS_LABELS[status] : status).toLowerCase();
}

function groupThousands(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function amountExample(decimals: number): string {
  return decimals === 0 ? "12,500" : `12,500.${"5".padEnd(decimals, "0")}`;
}

const SENTENCES: Sentences = {
  no_identity: () => "Slack did not say who you are.",
  forbidden: ({ action }) => FORBIDDEN[action],
  last_admin: () => "The workspace needs at least one admin: make someone else admin first.",
  admins_from_config: () =>
    "Admins are set by HUB_ADMINS in Partner Hub's configuration; ask whoever deploys it to change that list.",

  no_partner: () =>
    "You're not in a partner company yet: ask a channel manager to run `/partner assign @you <company>`.",
  no_partners: () => "There are no partner companies yet: add one with `/partner add <name>` first.",
  partner_required: () => "Choose the partner this deal is for.",
  partner_gone: () => "That partner no longer exists: choose another.",
  partner_exists: ({ name }) => `A partner named ${quoted(name)} already exists: see /partner list.`,
  partner_not_found: ({ name, suggestions }) =>
    suggestions && suggestions.length > 0
      ? `No partner named ${quoted(name)}. Did you mean ${suggestions.map(quoted).join(", ")}?`
      : `No partner named ${quoted(name)}. /partner list shows them all.`,
  partner_ambiguous: ({ name, matches }) =>
    `${quoted(name)} matches ${matches.length} partners: ${matches.map(quoted).join(", ")}. Type more of the name.`,
  channel_tied: ({ partner }) =>
    `That channel is tied to the partner ${quoted(partner)}: other partners' deals must not show there. Choose an internal channel.`,
  channel_shared: () =>
    "That channel is shared with another organization (Slack Connect): other partners' deals must not show there. Choose an internal channel.",
  channel_taken: ({ partner }) =>
    `That channel is already tied to ${quoted(partner)}. Untie it first with /partner channel #channel off.`,
  channel_is_program: () =>
    "That channel receives every partner's deals or celebrations, so it can't belong to one partner. Choose the partner's own channel.",
  channel_not_tied: () => "That channel isn't tied to a partner.",
  not_in_partner: ({ userId }) => `${mention(userId).text} isn't in a partner company.`,
  external_cannot_manage: () =>
    "That person is a Slack Connect guest from another organization: guests can use Partner Hub as partners but can't manage the program.",
  partner_search_empty: () => "Name the partner company.",
  partner_name_missing: () => "Give the partner company a name.",
  partner_name_too_long: ({ max }) => `A partner name can be at most ${max} characters.`,
  partner_name_invalid: () => "A partner name needs at least one letter or digit.",
  region_too_long: ({ max }) => `A region can be at most ${max} characters.`,
  tier_invalid: ({ tiers }) => `Tier must be one of: ${tiers.join(", ")}.`,

  timezone_invalid: ({ text }) =>
    `${quoted(text)} is not a time zone: use a name like Europe/Berlin or America/New_York.`,
  currency_invalid: ({ text }) => `${quoted(text)} is not a currency code: use one like USD, EUR or GBP.`,
  protection_days_invalid: ({ min, max }) => `The protection period is a whole number of days from ${min} to ${max}.`,
  reminder_days_invalid: () => "Reminder lead time must be a whole number of days, 0 or more.",
  approval_reminder_days_invalid: ({ min, max }) =>
    `Give a whole number of working days from ${min} to ${max}, or off.`,

  customer_name_missing: () => "Enter the customer's company name.",
  customer_name_too_short: ({ min }) => `A customer name needs at least ${min} characters.`,
  customer_name_no_letters: () => "A customer name needs letters or digits.",
  customer_domain_invalid: ({ shown, foreignCharacters }) =>
    foreignCharacters
      ? `"${shown}" has characters a domain can't have (spaces, symbols). Type the customer's domain, like acme.com or münchen.de, or leave it empty.`
      : `"${shown}" isn't a web domain. Type the customer's domain, like acme.com, or leave it empty.`,
  product_missing: () => "Enter the product or service being sold.",
  product_too_short: ({ min }) => `A product needs at least ${min} characters.`,
  deal_field_too_long: ({ field, max }) => `Keep the ${FIELD_NAMES[field]} to ${max} characters or fewer.`,
  currency_unknown: ({ code }) => `"${code}" is not a currency we support. Pick one from the list, like USD or EUR.`,
  amount_missing: () => "Enter an amount.",
  amount_not_a_number: ({ decimals }) => `Type the amount as a number, like ${amountExample(decimals)}.`,
  amount_separators: ({ text }) => `Check the separators in "${text}": group thousands by three, like 1,250,000.`,
  amount_not_positive: () => "The amount must be more than zero.",
  amount_decimals: ({ currency, decimals }) =>
    decimals === 0
      ? `${currency} amounts have no decimals.`
      : `${currency} amounts have at most ${decimals} decimal${decimals === 1 ? "" : "s"}.`,
  amount_symbol_mismatch: ({ symbol, currency }) =>
    `"${symbol}" is not a ${currency} symbol. Pick the matching currency, or type the amount without it.`,
  amount_other_currency: ({ typed, code, currency }) =>
    `This amount is in ${code}, but the currency is ${currency}. Pick ${code} as the currency, or remove "${typed}".`,
  amount_too_large: ({ currency, max }) =>
    `That amount is too large: a deal can be at most ${currency} ${groupThousands(max)}.`,
  amount_ambiguous: ({ text, thousands, decimal, currency }) =>
    `Did you mean ${currency} ${thousands} or ${currency} ${decimal}? "${text}" reads either way: type ${thousands} or ${decimal}.`,
  stage_not_open: () => "A new registration can't start as won or lost.",
  close_date_format: () => "Enter the date as YYYY-MM-DD, like 2026-03-31.",
  close_date_invalid: ({ date }) => `${date} is not a date on the calendar.`,
  close_date_past: () => "The expected close date can't be in the past.",
  close_date_too_far: ({ years, latest }) =>
    `The expected close date must be within ${years} years, by ${latest} at the latest.`,

  deal_not_found: ({ id }) => `There is no deal #${id} that you can see.`,
  deal_closed: ({ stage }) => `This deal is already ${stage}.`,
  registration_closed: ({ status }) =>
    status === "rejected"
      ? "This registration was rejected, so its stage can't change."
      : "This registration has expired, so its stage can't change. Register the deal again if it's still active.",
  stage_invalid: () => "Pick a stage from the list.",
  stage_unchanged: ({ stage }) => `This deal is already in ${isStage(stage) ? STAGE_LABELS[stage] : stage}.`,
  lost_reason_missing: () => "Say why the deal was lost.",
  lost_reason_too_long: ({ max }) => `Keep the reason to ${max} characters or fewer.`,
  amount_invalid: () => "The won amount must be more than zero.",
  stale: () => "This deal was just changed by someone else: look again.",
  already_decided: ({ status, decidedBy, decidedOn }) =>
    decidedBy && decidedOn
      ? `${ALREADY_DECIDED[status]} by ${mention(decidedBy).text} on ${decidedOn}.`
      : `${ALREADY_DECIDED[status]}.`,
  registration_changed: () => "Someone else just changed this registration: look again.",
  reason_missing: () => "Tell the partner why the registration is rejected.",
  reason_too_long: ({ max }) => `Keep the reason to ${max} characters or fewer.`,
  question_missing: () => "Type the question for the partner.",
  question_too_long: ({ max }) => `Keep the question to ${max} characters or fewer.`,
  info_already_requested: () =>
    "The partner was already asked for more information. Approve or reject once they answer.",
  decision_invalid: () => "Choose approve, reject or request more information.",
  not_approved: ({ status }) =>
    `Only approved registrations can be extended. This one is ${(isRegistrationStatus(status) ? STATUS_LABELS[status] : status).toLowerCase()}.`,
  not_protected: () => "This registration is no longer protected.",
  extension_not_allowed: () => "Only an approved, protected registration can be extended.",
  extension_pending: () => "An extension is already waiting for a manager.",
  no_extension: () => "There is no extension request waiting on this deal.",
  extension_decided: () => "Someone else just decided this extension.",
  conflict_unresolved: ({ dealId, rivalIds }) =>
    `Approving #${dealId} would protect two partners for one customer (${rivalIds.map((id) => `#${id}`).join(", ")}). Resolve the conflict: choose which registration keeps the customer.`,
  conflict_changed: () =>
    "The conflict changed while you were deciding (another registration was decided or closed). Open it again.",
  answer_missing: () => "Write your answer.",
  answer_too_long: ({ max }) => `An answer can be at most ${max} characters.`,
  not_waiting_for_answer: ({ status }) =>
    `No manager is waiting for an answer on this registration (it is ${statusName(status)}).`,
  not_rejected: ({ status }) => `Only a rejected registration can be resubmitted (this one is ${statusName(status)}).`,
  edit_unchanged: () => "Nothing changed: edit a field, or cancel.",
  deal_find_empty: () => "Type words from the customer's name or domain, e.g. /deal find tanabe.",

  practice_not_found: ({ id }) => `There is no best practice #${id}: it may have been deleted.`,
  practice_not_yours: () => "Only the person who shared this practice, or a manager, can change it.",
  practice_title_missing: () => "Give the practice a title.",
  practice_title_too_short: ({ min }) => `A title needs at least ${min} characters.`,
  practice_title_too_long: ({ max }) => `Keep the title to ${max} characters or fewer.`,
  practice_body_missing: () => "Describe what worked.",
  practice_body_too_short: ({ min }) => `Say a little more: at least ${min} characters.`,
  practice_body_too_long: ({ max }) => `Keep the practice to ${max} characters or fewer.`,
  practice_too_many_tags: ({ max }) => `Use at most ${max} tags.`,
  practice_tag_invalid: ({ tag }) => `${quoted(tag)} is not a tag: a tag needs letters or digits.`,
  practice_tag_too_long: ({ tag, max }) => `${quoted(tag)} is too long for a tag: at most ${max} characters.`,
  practice_link_invalid: ({ text }) =>
    `${quoted(text)} is not a web link: use one that starts with https:// or http://.`,
  practice_link_too_long: ({ max }) => `A link can be at most ${max} characters.`,
  practice_search_empty: () => "Type a word or two to search for, like pricing objections.",

  shoutout_recipients_missing: () => "Pick at least one person or partner to recognize.",
  shoutout_self: () => "You can't give yourself a shout-out: recognize someone else.",
  shoutout_bot: ({ userId }) => `${mention(userId).text} is a bot: shout-outs are for people and partners.`,
  shoutout_message_missing: () => "Say what they did: a line about why they deserve it.",
  shoutout_message_too_short: ({ min }) => `Say a little more: at least ${min} characters.`,
  shoutout_message_too_long: ({ max }) => `Keep the shout-out to ${max} characters or fewer.`,
  shoutout_value_unknown: ({ text, values }) =>
    values.length === 0
      ? `${quoted(text)} is not a company value: this program has none set yet.`
      : `${quoted(text)} is not a company value: use one of ${values.map(quoted).join(", ")}.`,
  shoutout_award_managers_only: () => "Only managers and admins can give awards: send a shout-out instead.",
  shoutout_award_too_long: ({ max }) => `Keep the award name to ${max} characters or fewer.`,
  shoutout_allowance_exhausted: ({ left, resetsAt, timezone }) =>
    `${left === 0 ? "You have recognized as many people as you can today" : `You can recognize ${left} more ${left === 1 ? "person" : "people"} today`}: your allowance resets at ${resetTime(resetsAt, timezone)}. Nothing was sent.`,
  shoutout_allowance_invalid: ({ min, max }) => `The daily allowance is a whole number from ${min} to ${max}.`,
  shoutout_not_found: () => "That shout-out is no longer there.",
  company_value_too_long: ({ max }) => `Keep each company value to ${max} characters or fewer.`,
  company_values_too_many: ({ max }) => `A program can have at most ${max} company values.`,

  not_failed: () => "That message is no longer waiting for a retry.",

  usage: ({ text }) => text,
  bad_button: () => "That button is out of date: look at the deal again.",
  unclosed_quote: () => "A quote is opened but never closed.",
  option_repeated: ({ key }) => `${key}: is given twice.`,
  not_in_channel: () => "I can't post here: invite me first with `/invite @Partner Hub`.",

  leaderboard_word_unknown: ({ word }) =>
    `I don't know ${quoted(word)}. Try \`/leaderboard [week|last-week|month|last-month|quarter|year|all|2026-01-01..2026-03-31] [revenue|deals|pipeline|winrate|registrations|kudos] [partners|people] [region:<name>] [tier:<name>] [chart]\`.`,
  leaderboard_part_repeated: ({ first, second }) =>
    `${quoted(first)} and ${quoted(second)} say the same part twice: pick one.`,
  leaderboard_filter_empty: ({ key }) => `${key}: needs a name, like \`${key}:${key === "region" ? "EMEA" : "gold"}\`.`,
  leaderboard_range_invalid: ({ text }) =>
    `${quoted(text)} is not a range of days: write it as \`2026-01-01..2026-03-31\` (both days included).`,
  leaderboard_range_reversed: ({ first, last }) => `The range ends (${last}) before it starts (${first}).`,
  leaderboard_range_too_long: ({ maxDays }) => `A range can cover at most ${maxDays} days: use \`all\` for all time.`,
  exchange_rate_invalid: ({ text }) =>
    `${quoted(text)} is not a rate: give the units of the reporting currency per unit of the other, like \`1.08\`.`,

  leaderboard_amounts_invalid: ({ text }) =>
    `${quoted(text)} is not a choice: use \`own\` (partners see their own amounts, only ranks for others) or \`all\`.`,
  goal_owner_invalid: () => "Pick a partner, a tier or the whole program.",
  goal_metric_invalid: ({ text }) =>
    `${quoted(text)} is not a goal metric: use revenue, deals, pipeline, winrate, registrations or kudos.`,
  goal_period_invalid: ({ text }) =>
    `${quoted(text)} is not a goal period: pick this or next week, month, quarter or year.`,
  goal_target_invalid: ({ text, kind, currency }) =>
    kind === "amount"
      ? `${quoted(text)} is not an amount in ${currency}: write it like \`25,000\`.`
      : kind === "count"
        ? `${quoted(text)} is not a whole number above zero: write it like \`12\`.`
        : `${quoted(text)} is not a percentage from 1 to 100: write it like \`40\` or \`40 %\`.`,
  goal_not_found: ({ id }) => `There is no goal #${id}: \`/goal list\` shows them.`,
  exchange_rate_reporting: ({ currency }) =>
    `${currency} is the reporting currency: its rate is always 1. Set the other currencies' rates against it.`,
  exchange_rate_date_invalid: ({ text }) => `${quoted(text)} is not a day: write it as \`2026-11-01\`.`,
  digest_not_subscribed: ({ mine }) =>
    mine
      ? "You get no digest of your own. Subscribe with /hub digest me."
      : "This channel gets no digest. Subscribe it with /hub digest here.",
  digest_schedule_invalid: () => "Give a day of the week and a time on the 24-hour clock, like monday 09:00.",
  export_since_invalid: ({ text }) =>
    `${quoted(text)} is not a day: write it as \`since:2026-01-31\` (deals registered on or after that day).`,
  rules_too_long: ({ max, length }) =>
    `The rules can be at most ${max.toLocaleString("en-US")} characters; this text has ${length.toLocaleString("en-US")}.`,
  ...PROGRAM_SENTENCES,
};

/** The sentence for a refusal, thrown (DomainError) or collected (a field's Problem). */
export function errorSentence(refusal: DomainError | Problem): string {
  const params = "params" in refusal ? refusal.params : undefined;
  // Each entry takes its own code's params; a DomainError or Problem always carries the matching pair.
  const sentence = SENTENCES[refusal.code] as (params: unknown) => string;
  return sentence(params);
}
