/** Every action_id, callback_id and block_id the app uses: one place, no string written twice. */

export const ACTIONS = {
  registerDeal: "deal_register_open",
  approveDeal: "deal_approve",
  rejectDeal: "deal_reject",
  askInfo: "deal_ask_info",
  advanceStage: "deal_advance",
  markWon: "deal_mark_won",
  markLost: "deal_mark_lost",
  requestExtension: "deal_extension_request",
  approveExtension: "deal_extension_approve",
  declineExtension: "deal_extension_decline",
  /** Prefix of the pager's two buttons below. */
  dealListPage: "deal_list_page",
  dealListNewer: "deal_list_page_prev",
  dealListOlder: "deal_list_page_next",
  /** Retry of a failed outbox message in /hub status. */
  retryOutbox: "outbox_retry",
  /** "Share a practice" on the launcher message and the App Home. */
  sharePractice: "practice_share_open",
  /** Toggles the clicker's vote; the value is the practice id. */
  practiceHelpful: "practice_helpful",
  practiceEdit: "practice_edit_open",
  practiceDelete: "practice_delete",
  /** On a search or list result: posts a copy of the card in the channel the result was shown in. */
  practiceShareToChannel: "practice_share_channel",
  /** "Give a shout-out" on the launcher message and the App Home. */
  giveShoutout: "shoutout_give_open",
  /** Toggles the clicker's +1 on a shout-out; the value is the shout-out id. */
  shoutoutPlusOne: "shoutout_plus_one",
  /** Opens the side-by-side conflict view (also what Approve does when another partner holds the customer). */
  resolveConflict: "deal_conflict_open",
  /** The partner answers a manager's question: DM, thread and App Home. */
  answerInfo: "deal_answer_open",
  /** Edit amount, currency, close date, product, notes, stage. */
  editDeal: "deal_edit_open",
  /** A rejected registration, corrected and sent again. */
  resubmitDeal: "deal_resubmit_open",
  /** "Leaderboard" on the launcher and App Home: the default leaderboard, ephemeral. */
  showLeaderboard: "leaderboard_show",
  /** On a leaderboard answer: post it to the channel (value: the arguments as typed, JSON). */
  leaderboardPost: "leaderboard_post",
  /** On a leaderboard answer: the same ranking as a bar chart image. */
  leaderboardChart: "leaderboard_chart",
  /** "Our goals" on the launcher and App Home. */
  showGoals: "goals_show",
  /** Managers: open the set-a-goal modal. */
  setGoal: "goal_set_open",
  /** Managers: remove a goal (value: its id). */
  removeGoal: "goal_remove",
  /** "Program rules" on the launcher: the rules of engagement, ephemeral (guests have no /hub rules). */
  showRules: "rules_show",
  /** "Program rules" in the Register a deal modal: pushes a read-only view of them. */
  pushRules: "rules_push",
  /** Admins: open the edit-the-rules modal from the rules message. */
  editRules: "rules_edit_open",
  // The partner program (issue 14).
  /** "Apply to become a partner": launcher in an untied channel, App Home, `/partner apply`. */
  applyOpen: "program_apply_open",
  /** Managers: open the review modal of an application (value: its id). */
  applicationReview: "application_review_open",
  /** Admins: edit one list of the program (value: the ProgramSection). */
  programEdit: "program_edit_open",
  /** A partner's onboarding checklist (value: partner id, or "" for the clicker's own). */
  onboardingShow: "onboarding_show",
  /** Tick one onboarding step by hand (value: `${partnerId}:${stepKey}`). */
  onboardingStepDone: "onboarding_step_done",
  /** "Our partnership" on the launcher and Home: the partner card (value: partner id or ""). */
  partnerCardShow: "partner_card_show",
  /** The scorecard of a partner (value: partner id, or "" for the clicker's own). */
  scorecardShow: "scorecard_show",
  /** Managers: the quarterly review modal (value: partner id). */
  scorecardReviewOpen: "scorecard_review_open",
  /** Managers: decide a tier review (value: `${reviewId}:demote` or `${reviewId}:keep`), opens a note modal. */
  tierReviewDecide: "tier_review_decide_open",
  /** "Resources" on the launcher and Home. */
  resourcesShow: "resources_show",
  /** Managers: add a resource to the library. */
  resourceAdd: "resource_add_open",
  /** Managers: remove a resource (value: its id). */
  resourceRemove: "resource_remove",
  /** Mark a training done (value: resource id). */
  trainingDone: "training_done",
  /** Managers: confirm someone's completed training (value: completion id). */
  trainingConfirm: "training_confirm",
  /** The one action id inside every input block; blocks tell the fields apart. */
  input: "value",
} as const;

export const VIEWS = {
  registerDeal: "deal_register",
  rejectDeal: "deal_reject",
  askInfo: "deal_ask_info",
  markWon: "deal_mark_won",
  markLost: "deal_mark_lost",
  sharePractice: "practice_share",
  editPractice: "practice_edit",
  giveShoutout: "shoutout_give",
  resolveConflict: "deal_conflict_resolve",
  answerInfo: "deal_answer",
  editDeal: "deal_edit",
  resubmitDeal: "deal_resubmit",
  setGoal: "goal_set",
  editRules: "rules_edit",
  /** The read-only rules pushed over the registration modal. */
  rules: "rules_view",
  apply: "program_apply",
  applicationReview: "application_review",
  programEdit: "program_edit",
  scorecardReview: "scorecard_review",
  tierReviewDecide: "tier_review_decide",
  resourceAdd: "resource_add",
} as const;

/** Input blocks of the application modal, keyed by the ApplicationField they fill. */
export const APPLICATION_BLOCKS = {
  company: "application_company",
  website: "application_website",
  regions: "application_regions",
  segments: "application_segments",
  solutions: "application_solutions",
  teamSize: "application_team_size",
  reference1: "application_reference_1",
  reference2: "application_reference_2",
} as const;

/** Blocks of the application review modal: one score and note per criterion key, the checks, the decision. */
export const REVIEW_BLOCKS = {
  score: (criterionKey: string) => `review_score_${criterionKey}`,
  note: (criterionKey: string) => `review_note_${criterionKey}`,
  checklist: "review_checklist",
  decision: "review_decision",
  reason: "review_reason",
} as const;

/** The one text block of the edit-a-program-list modal. */
export const PROGRAM_BLOCKS = {
  text: "program_text",
} as const;

/** Blocks of the quarterly scorecard review modal: one rating per dimension, and the notes. */
export const SCORECARD_BLOCKS = {
  rating: (dimension: string) => `scorecard_rating_${dimension}`,
  notes: "scorecard_notes",
} as const;

/** The note of a tier review decision. */
export const TIER_BLOCKS = {
  note: "tier_note",
} as const;

/** Input blocks of the add-a-resource modal. */
export const RESOURCE_BLOCKS = {
  title: "resource_title",
  url: "resource_url",
  kind: "resource_kind",
  tags: "resource_tags",
  minTier: "resource_min_tier",
  requiredFor: "resource_required_for",
} as const;

/** Blocks of the rules: the edit modal's text input, and the link in the registration modal. */
export const RULES_BLOCKS = {
  text: "rules_text",
  dealModalLink: "deal_rules",
} as const;

/** Input blocks of the set-a-goal modal. */
export const GOAL_BLOCKS = {
  owner: "goal_owner",
  metric: "goal_metric",
  period: "goal_period",
  target: "goal_target",
} as const;

/** Input blocks of the conflict resolution modal. */
export const CONFLICT_BLOCKS = {
  choice: "conflict_choice",
  reason: "conflict_reason",
} as const;

/** Input block of the answer modal. */
export const ANSWER_BLOCKS = {
  answer: "answer_text",
} as const;

export const SHORTCUTS = {
  registerDeal: "deal_register_shortcut",
  /** Message shortcut "Save as best practice". */
  savePractice: "practice_save_shortcut",
} as const;

/** Input blocks of the deal registration modal, keyed by the domain field they fill. */
export const DEAL_BLOCKS = {
  partner: "deal_partner",
  customerName: "deal_customer",
  customerDomain: "deal_domain",
  product: "deal_product",
  amount: "deal_amount",
  currency: "deal_currency",
  stage: "deal_stage",
  expectedClose: "deal_close",
  region: "deal_region",
  notes: "deal_notes",
} as const;

/** Input blocks of the share / edit practice modal, keyed by the draft field they fill. */
export const PRACTICE_BLOCKS = {
  title: "practice_title",
  body: "practice_body",
  tags: "practice_tags",
  newTags: "practice_new_tags",
  region: "practice_region",
  link: "practice_link",
} as const;

/** Input blocks of the shout-out modal, keyed by the field they fill. */
export const SHOUTOUT_BLOCKS = {
  recipients: "shoutout_recipients",
  partner: "shoutout_partner",
  value: "shoutout_value",
  message: "shoutout_message",
  award: "shoutout_award",
  announce: "shoutout_announce",
} as const;

export const REASON_BLOCKS = {
  reason: "reason",
  amount: "won_amount",
} as const;

/** Blocks of messages and the Home, per deal where several can stand in one surface. */
export const BLOCKS = {
  dealListPager: "deal_list_pager",
  homeActions: "home_actions",
  launcher: "launcher",
  statusFailure: (outboxId: number) => `status_failure_${outboxId}`,
  dealCard: (dealId: number) => `deal_card_${dealId}`,
  dealApproval: (dealId: number) => `deal_approval_${dealId}`,
  dealExtension: (dealId: number) => `deal_extension_${dealId}`,
  dealNotice: (dealId: number) => `deal_notice_${dealId}`,
  homeDealRow: (dealId: number) => `home_deal_${dealId}`,
  homeRejected: (dealId: number) => `home_rejected_${dealId}`,
  leaderboardActions: "leaderboard_actions",
  homeLeaderboard: "home_leaderboard",
  homeGoals: "home_goals",
  goalRow: (goalId: number) => `goal_${goalId}`,
  homePractices: "home_practices",
  practiceCard: (practiceId: number) => `practice_card_${practiceId}`,
  practiceResult: (practiceId: number) => `practice_result_${practiceId}`,
  homeShoutouts: "home_shoutouts",
  shoutoutPost: (shoutoutId: number) => `shoutout_post_${shoutoutId}`,
  applicationCard: (applicationId: number) => `application_${applicationId}`,
  /** One list of `/partner program` (its Edit button tells the lists apart by this block). */
  programSection: (section: string) => `program_section_${section}`,
  homeProgram: "home_program",
  partnerCard: (partnerId: number) => `partner_card_${partnerId}`,
  tierReview: (reviewId: number) => `tier_review_${reviewId}`,
  onboardingStep: (stepId: number) => `onboarding_step_${stepId}`,
  resourceRow: (resourceId: number) => `resource_${resourceId}`,
  completionRow: (completionId: number) => `completion_${completionId}`,
} as const;
