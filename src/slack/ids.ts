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
  /** The one action id inside every input block; blocks tell the fields apart. */
  input: "value",
} as const;

export const VIEWS = {
  registerDeal: "deal_register",
  rejectDeal: "deal_reject",
  askInfo: "deal_ask_info",
  markWon: "deal_mark_won",
  markLost: "deal_mark_lost",
} as const;

export const SHORTCUTS = {
  registerDeal: "deal_register_shortcut",
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
} as const;
