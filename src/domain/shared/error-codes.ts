/**
 * What a person may be refused permission to do. Each has its own sentence in the Slack layer,
 * because "only managers" and "only admins" are decided per action, not derived from a role.
 */
export type ProtectedAction =
  | "add_partners"
  | "list_partners"
  | "assign_partners"
  | "see_partner_members"
  | "list_partner_deals"
  | "decide_deals"
  | "extend_protection"
  | "change_settings"
  | "post_launcher"
  | "choose_approvals_channel"
  | "change_roles"
  | "see_system_status"
  | "retry_message"
  | "tie_channels"
  | "remove_partner_members"
  | "edit_deals"
  | "manage_goals"
  | "set_exchange_rates"
  | "manage_digests"
  | "see_audit_log"
  | "export_deals"
  | "export_partners"
  | "edit_rules"
  // The partner program (issue 14).
  | "review_applications"
  | "edit_program"
  | "see_other_partners"
  | "complete_onboarding"
  | "decide_tier_reviews"
  | "review_scorecards"
  | "manage_resources"
  | "confirm_training"
  | "recalculate_tiers";

/** Fields of the partner application modal; the Slack layer names each one. */
export type ApplicationField =
  | "company"
  | "website"
  | "regions"
  | "segments"
  | "solutions"
  | "teamSize"
  | "reference1"
  | "reference2";

/** The admin-edited lists of the partner program (`/partner program`). */
export type ProgramSection = "criteria" | "dueDiligence" | "onboarding" | "tiers";

/** Deal fields whose length is capped; the Slack layer names each one. */
export type LimitedDealField = "customerName" | "product" | "region" | "notes";

/**
 * Every way the app can say no, with the facts its sentence needs (`undefined`: none). The
 * sentences themselves live in the Slack layer (slack/views/error-sentences.ts), so the rules
 * never know about slash commands or markup, and a code added here without a sentence does not
 * compile. Stages and statuses are plain strings here because the deal rules import this file.
 */
export interface ErrorParams {
  // Who is asking, and may they.
  no_identity: undefined;
  forbidden: { action: ProtectedAction };
  last_admin: undefined;
  admins_from_config: undefined;

  // Partner companies.
  no_partner: undefined;
  no_partners: undefined;
  partner_required: undefined;
  partner_gone: undefined;
  partner_exists: { name: string };
  /** `suggestions`: names close to what was typed, when any. */
  partner_not_found: { name: string; suggestions?: readonly string[] };
  /** Several partners match what was typed: the person picks one. */
  partner_ambiguous: { name: string; matches: readonly string[] };
  /** A channel tied to a partner (or shared with another organization) never gets cross-partner content. */
  channel_tied: { partner: string };
  channel_shared: undefined;
  /** The channel is tied to another partner already. */
  channel_taken: { partner: string };
  /** The approvals (or celebrations) channel can't be tied to a partner: every partner's deals go there. */
  channel_is_program: undefined;
  channel_not_tied: undefined;
  not_in_partner: { userId: string };
  /** Slack Connect guests belong to another organization: they can't manage this program. */
  external_cannot_manage: undefined;
  partner_search_empty: undefined;
  partner_name_missing: undefined;
  partner_name_too_long: { max: number };
  partner_name_invalid: undefined;
  region_too_long: { max: number };
  tier_invalid: { tiers: readonly string[] };

  // Program settings.
  timezone_invalid: { text: string };
  currency_invalid: { text: string };
  protection_days_invalid: { min: number; max: number };
  reminder_days_invalid: undefined;
  approval_reminder_days_invalid: { min: number; max: number };

  // A deal as typed into the Register a deal modal.
  customer_name_missing: undefined;
  customer_name_too_short: { min: number };
  customer_name_no_letters: undefined;
  customer_domain_invalid: { shown: string; foreignCharacters: boolean };
  product_missing: undefined;
  product_too_short: { min: number };
  deal_field_too_long: { field: LimitedDealField; max: number };
  currency_unknown: { code: string };
  amount_missing: undefined;
  amount_not_a_number: { decimals: number };
  amount_separators: { text: string };
  amount_not_positive: undefined;
  amount_decimals: { currency: string; decimals: number };
  amount_symbol_mismatch: { symbol: string; currency: string };
  amount_other_currency: { typed: string; code: string; currency: string };
  amount_too_large: { currency: string; max: number };
  /** "7.000" in a two-decimal currency: thousands or decimals? Both readings, formatted. */
  amount_ambiguous: { text: string; thousands: string; decimal: string; currency: string };
  stage_not_open: undefined;
  close_date_format: undefined;
  close_date_invalid: { date: string };
  close_date_past: undefined;
  close_date_too_far: { years: number; latest: string };

  // Deals after registration.
  deal_not_found: { id: number | string };
  deal_closed: { stage: "won" | "lost" };
  registration_closed: { status: "rejected" | "expired" };
  stage_invalid: undefined;
  stage_unchanged: { stage: string };
  lost_reason_missing: undefined;
  lost_reason_too_long: { max: number };
  amount_invalid: undefined;
  stale: undefined;
  already_decided: { status: "approved" | "rejected" | "expired"; decidedBy?: string; decidedOn?: string };
  registration_changed: undefined;
  reason_missing: undefined;
  reason_too_long: { max: number };
  question_missing: undefined;
  question_too_long: { max: number };
  info_already_requested: undefined;
  decision_invalid: undefined;
  not_approved: { status: string };
  not_protected: undefined;
  extension_not_allowed: undefined;
  extension_pending: undefined;
  no_extension: undefined;
  extension_decided: undefined;
  /** Approving would protect two partners for one customer: resolve the conflict first. */
  conflict_unresolved: { dealId: number; rivalIds: readonly number[] };
  /** The conflict changed since the resolution view opened (a rival was decided, closed or added). */
  conflict_changed: undefined;
  answer_missing: undefined;
  answer_too_long: { max: number };
  /** Only a registration a manager asked about can be answered. */
  not_waiting_for_answer: { status: string };
  /** Only a rejected registration can be corrected and resubmitted. */
  not_rejected: { status: string };
  /** The edit changes nothing. */
  edit_unchanged: undefined;
  /** Search words for /deal find. */
  deal_find_empty: undefined;

  // Best practices.
  practice_not_found: { id: number | string };
  practice_not_yours: undefined;
  practice_title_missing: undefined;
  practice_title_too_short: { min: number };
  practice_title_too_long: { max: number };
  practice_body_missing: undefined;
  practice_body_too_short: { min: number };
  practice_body_too_long: { max: number };
  practice_too_many_tags: { max: number };
  practice_tag_invalid: { tag: string };
  practice_tag_too_long: { tag: string; max: number };
  practice_link_invalid: { text: string };
  practice_link_too_long: { max: number };
  practice_search_empty: undefined;

  // Shout-outs and recognition.
  shoutout_recipients_missing: undefined;
  shoutout_self: undefined;
  shoutout_bot: { userId: string };
  shoutout_message_missing: undefined;
  shoutout_message_too_short: { min: number };
  shoutout_message_too_long: { max: number };
  shoutout_value_unknown: { text: string; values: readonly string[] };
  shoutout_award_managers_only: undefined;
  shoutout_award_too_long: { max: number };
  /** `resetsAt` is an ISO instant, shown in `timezone` (the giver's). */
  shoutout_allowance_exhausted: { left: number; resetsAt: string; timezone: string };
  shoutout_allowance_invalid: { min: number; max: number };
  shoutout_not_found: { id: number };
  company_value_too_long: { max: number };
  company_values_too_many: { max: number };

  // Operations.
  not_failed: undefined;

  // Slack input the listeners could not read.
  usage: { text: string };
  bad_button: undefined;
  unclosed_quote: undefined;
  option_repeated: { key: string };
  not_in_channel: undefined;

  // Leaderboards, goals and exchange rates (issue 11).
  leaderboard_word_unknown: { word: string };
  leaderboard_part_repeated: { first: string; second: string };
  leaderboard_filter_empty: { key: "region" | "tier" };
  leaderboard_range_invalid: { text: string };
  leaderboard_range_reversed: { first: string; last: string };
  leaderboard_range_too_long: { maxDays: number };
  exchange_rate_invalid: { text: string };

  // Leaderboard settings, goals and exchange rates (issue 11, services).
  leaderboard_amounts_invalid: { text: string };
  goal_owner_invalid: undefined;
  goal_metric_invalid: { text: string };
  goal_period_invalid: { text: string };
  /** `kind` says what the target is for this metric: money in `currency`, a whole count or a percentage. */
  goal_target_invalid: { text: string; kind: "amount" | "count" | "percent"; currency: string };
  goal_not_found: { id: number };
  exchange_rate_reporting: { currency: string };
  exchange_rate_date_invalid: { text: string };

  // Weekly digests.
  /** `mine`: the person's own DM digest rather than the channel's. */
  digest_not_subscribed: { mine: boolean };
  /** A day or time outside the week or the clock (the parser catches typing; this guards the service). */
  digest_schedule_invalid: undefined;

  // CSV exports (issue 14).
  /** `since:` is not a calendar day. */
  export_since_invalid: { text: string };

  // Rules of engagement (issue 14).
  rules_too_long: { max: number; length: number };

  // Partner applications (issue 14).
  application_field_missing: { field: ApplicationField };
  application_field_too_long: { field: ApplicationField; max: number };
  application_website_invalid: { text: string };
  application_team_size_invalid: { max: number };
  application_not_found: { id: number | string };
  application_decided: { status: string; decidedBy?: string };
  /** A pending application for the same company exists already. */
  application_pending_exists: { company: string };
  /** The company is a partner already (or the applicant belongs to one). */
  application_already_partner: { partner: string };
  /** Approval needs every due-diligence check done. */
  application_checks_open: { open: readonly string[] };
  /** Approval needs a score for every criterion with a weight. */
  application_unscored: { missing: readonly string[] };
  score_invalid: { min: number; max: number };

  // The program's lists, edited by admins as one line per item (issue 14).
  program_line_invalid: { section: ProgramSection; line: number; text: string; expected: string };
  program_list_empty: { section: ProgramSection };
  program_list_too_long: { section: ProgramSection; max: number };
  program_item_too_long: { section: ProgramSection; line: number; max: number };
  program_item_repeated: { section: ProgramSection; text: string };
  program_weight_invalid: { line: number; text: string; max: number };
  program_auto_event_unknown: { line: number; text: string; events: readonly string[] };
  program_tier_unknown: { line: number; text: string; tiers: readonly string[] };
  /** A higher tier may not ask for less than the one below it. */
  program_tier_order: { tier: string; below: string };
  program_grace_invalid: { min: number; max: number };

  // Onboarding (issue 14).
  onboarding_not_started: { partner: string };
  onboarding_step_unknown: { text: string };
  onboarding_step_done: { label: string };

  // Tiers (issue 14).
  tier_review_not_found: { id: number | string };
  tier_review_decided: { status: string };
  /** Demotion waits for the grace period: the partner may still recover. `until` is an ISO instant. */
  tier_review_in_grace: { until: string };

  // Scorecards (issue 14).
  review_rating_invalid: { min: number; max: number };
  review_notes_too_long: { max: number };

  // Resources and training (issue 14).
  resource_title_missing: undefined;
  resource_title_too_long: { max: number };
  resource_url_invalid: { text: string };
  resource_kind_invalid: { kinds: readonly string[] };
  resource_tags_invalid: { text: string };
  /** Only a training can be required for a tier. */
  resource_required_not_training: undefined;
  resource_not_found: { id: number | string };
  resource_not_training: undefined;
  training_not_completed: undefined;
  training_already_confirmed: undefined;
}

export type ErrorCode = keyof ErrorParams;

/** A refusal as data: a code and the facts its sentence needs. Field validation returns these. */
export type Problem = {
  [C in ErrorCode]: ErrorParams[C] extends undefined ? { code: C } : { code: C; params: ErrorParams[C] };
}[ErrorCode];
