import type { KnownBlock, ModalView, PlainTextOption } from "@slack/types";
import { CURRENCIES } from "../../domain/deals/currency";
import type { DealDraft } from "../../domain/deals/deal-input";
import { OPEN_STAGES, STAGE_LABELS } from "../../domain/deals/stages";
import type { RegistrationForm } from "../../services/deal-service";
import type { DealRecord } from "../../services/records";
import { ACTIONS, DEAL_BLOCKS, REASON_BLOCKS, VIEWS } from "../ids";
import { dealAmount, dealTitle } from "./deal-text";
import { escapeMrkdwn } from "./message";

const text = (value: string) => ({ type: "plain_text" as const, text: value, emoji: true });

function option(value: string, label: string): PlainTextOption {
  return { text: text(label.slice(0, 75)), value };
}

/** What the registration modal carries between Slack round-trips. */
export interface RegisterModalMetadata {
  channelId: string | null;
}

export interface RegisterModalState {
  /** Live feedback under a field while the person types (amount preview, domain check). */
  hints?: { amount?: string; customerDomain?: string };
  initial?: DealDraft;
}

const AMOUNT_HINT = "e.g. 12,500.50 — in the currency below";
const DOMAIN_HINT = "Website or email domain, e.g. acme.com — used to spot other registrations of this customer";

export function registerDealModal(
  form: RegistrationForm,
  metadata: RegisterModalMetadata,
  state: RegisterModalState = {},
): ModalView {
  const initial = state.initial ?? {};
  const currencyOptions = CURRENCIES.map((currency) =>
    option(currency.code, `${currency.code} · ${currency.name}`),
  ).slice(0, 100);
  const currency = initial.currency ?? form.defaultCurrency;
  const initialCurrency = currencyOptions.find((entry) => entry.value === currency);
  const stage = initial.stage ?? "prospecting";
  const blocks: KnownBlock[] = [];
  if (form.canChoosePartner) {
    const partnerOptions = form.partners.slice(0, 100).map((partner) => option(String(partner.id), partner.name));
    const chosen = partnerOptions.find(
      (entry) => entry.value === (initial.partnerId ?? String(form.defaultPartnerId ?? "")),
    );
    blocks.push({
      type: "input",
      block_id: DEAL_BLOCKS.partner,
      label: text("Partner"),
      element: {
        type: "static_select",
        action_id: ACTIONS.input,
        placeholder: text("Which partner is registering?"),
        options: partnerOptions,
        ...(chosen && { initial_option: chosen }),
      },
    });
  } else {
    const partner = form.partners[0];
    blocks.push({
      type: "context",
      elements: [{ type: "mrkdwn", text: `Registering for *${escapeMrkdwn(partner?.name ?? "your company")}*` }],
    });
  }
  blocks.push(
    textInput(DEAL_BLOCKS.customerName, "Customer company", {
      placeholder: "Acme Corporation",
      initial: initial.customerName,
      max: 120,
    }),
    textInput(DEAL_BLOCKS.customerDomain, "Customer website or email domain", {
      placeholder: "acme.com",
      initial: initial.customerDomain,
      optional: true,
      hint: state.hints?.customerDomain ?? DOMAIN_HINT,
      live: true,
    }),
    textInput(DEAL_BLOCKS.product, "What is being sold", {
      placeholder: "200 seats of Analytics Pro",
      initial: initial.product,
      max: 120,
    }),
    textInput(DEAL_BLOCKS.amount, "Amount", {
      placeholder: "12,500.00",
      initial: initial.amount,
      hint: state.hints?.amount ?? AMOUNT_HINT,
      live: true,
      max: 30,
    }),
    {
      type: "input",
      block_id: DEAL_BLOCKS.currency,
      label: text("Currency"),
      element: {
        type: "static_select",
        action_id: ACTIONS.input,
        options: currencyOptions,
        ...(initialCurrency && { initial_option: initialCurrency }),
      },
    },
    {
      type: "input",
      block_id: DEAL_BLOCKS.stage,
      label: text("Stage"),
      element: {
        type: "static_select",
        action_id: ACTIONS.input,
        options: OPEN_STAGES.map((value) => option(value, STAGE_LABELS[value])),
        initial_option: option(stage, STAGE_LABELS[stage as keyof typeof STAGE_LABELS] ?? stage),
      },
    },
    {
      type: "input",
      block_id: DEAL_BLOCKS.expectedClose,
      optional: true,
      label: text("Expected close date"),
      element: {
        type: "datepicker",
        action_id: ACTIONS.input,
        placeholder: text("Pick a date"),
        ...(initial.expectedClose && { initial_date: initial.expectedClose }),
      },
    },
    textInput(DEAL_BLOCKS.region, "Region / market", {
      placeholder: "EMEA",
      initial: initial.region ?? form.defaultRegion ?? undefined,
      optional: true,
      max: 40,
    }),
    textInput(DEAL_BLOCKS.notes, "Notes", {
      placeholder: "Decision makers, competition, next steps…",
      initial: initial.notes,
      optional: true,
      multiline: true,
      max: 2000,
    }),
  );
  return {
    type: "modal",
    callback_id: VIEWS.registerDeal,
    private_metadata: JSON.stringify(metadata),
    title: text("Register a deal"),
    submit: text("Register"),
    close: text("Cancel"),
    blocks,
  };
}

function textInput(
  blockId: string,
  label: string,
  options: {
    placeholder?: string;
    initial?: string | null | undefined;
    optional?: boolean;
    multiline?: boolean;
    hint?: string;
    live?: boolean;
    max?: number;
  },
): KnownBlock {
  return {
    type: "input",
    block_id: blockId,
    label: text(label),
    optional: options.optional ?? false,
    ...(options.live && { dispatch_action: true }),
    ...(options.hint && { hint: text(options.hint) }),
    element: {
      type: "plain_text_input",
      action_id: ACTIONS.input,
      multiline: options.multiline ?? false,
      ...(options.placeholder && { placeholder: text(options.placeholder) }),
      ...(options.initial && { initial_value: options.initial }),
      ...(options.max && { max_length: options.max }),
      ...(options.live && { dispatch_action_config: { trigger_actions_on: ["on_character_entered"] } }),
    },
  };
}

/** Shown in place of the form once the deal is registered. */
export function registeredModal(deal: DealRecord, conflict: boolean): ModalView {
  const lines = [
    `:white_check_mark: *Deal ${dealTitle(deal)} is registered* for ${escapeMrkdwn(deal.partnerName)} — ${dealAmount(deal)}.`,
    "A channel manager will review it; you'll get a DM with the decision.",
  ];
  if (conflict) {
    lines.push(":warning: Another partner has already registered this customer, so a manager will decide who gets it.");
  }
  return {
    type: "modal",
    title: text("Deal registered"),
    close: text("Done"),
    blocks: [{ type: "section", text: { type: "mrkdwn", text: lines.join("\n") } }],
  };
}

/** Same partner, same customer: the existing deal is linked instead of creating a twin. */
export function duplicateModal(existing: DealRecord, permalink: string | null): ModalView {
  const link = permalink ? ` <${permalink}|Open it>.` : "";
  return {
    type: "modal",
    title: text("Already registered"),
    close: text("OK"),
    blocks: [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: `:information_source: Your company already registered *${escapeMrkdwn(existing.customerName)}*: deal *#${existing.id}* (${dealAmount(existing)}), so no second deal was created.${link}\nUse \`/deal history ${existing.id}\` to see it.`,
        },
      },
    ],
  };
}

export interface ReasonModalMetadata {
  dealId: number;
  /** The message the modal was opened from, to update it afterwards. */
  channel?: string | undefined;
  ts?: string | undefined;
  /** Opened from the App Home, which is republished once the decision is made. */
  fromHome?: boolean;
}

const REASON_COPY: Record<
  "reject" | "info" | "lost",
  { callback: string; title: string; submit: string; label: string; placeholder: string }
> = {
  reject: {
    callback: VIEWS.rejectDeal,
    title: "Reject registration",
    submit: "Reject",
    label: "Why is it rejected? The partner will see this.",
    placeholder: "e.g. The customer is a named account of our direct team",
  },
  info: {
    callback: VIEWS.askInfo,
    title: "Ask for information",
    submit: "Send question",
    label: "What do you need to know? The partner will see this.",
    placeholder: "e.g. Who is the decision maker, and when is the budget approved?",
  },
  lost: {
    callback: VIEWS.markLost,
    title: "Mark deal as lost",
    submit: "Mark lost",
    label: "Why was it lost?",
    placeholder: "e.g. Went with a competitor on price",
  },
};

export function reasonModal(
  kind: "reject" | "info" | "lost",
  deal: DealRecord,
  metadata: ReasonModalMetadata,
): ModalView {
  const copy = REASON_COPY[kind];
  return {
    type: "modal",
    callback_id: copy.callback,
    private_metadata: JSON.stringify(metadata),
    title: text(copy.title),
    submit: text(copy.submit),
    close: text("Cancel"),
    blocks: [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: `*${dealTitle(deal)}* · ${escapeMrkdwn(deal.partnerName)} · ${dealAmount(deal)}`,
        },
      },
      {
        type: "input",
        block_id: REASON_BLOCKS.reason,
        label: text(copy.label),
        element: {
          type: "plain_text_input",
          action_id: ACTIONS.input,
          multiline: true,
          max_length: 500,
          placeholder: text(copy.placeholder),
        },
      },
    ],
  };
}

export function wonModal(deal: DealRecord, metadata: ReasonModalMetadata, amountText: string): ModalView {
  return {
    type: "modal",
    callback_id: VIEWS.markWon,
    private_metadata: JSON.stringify(metadata),
    title: text("Mark deal as won"),
    submit: text("Mark won"),
    close: text("Cancel"),
    blocks: [
      {
        type: "section",
        text: { type: "mrkdwn", text: `:tada: *${dealTitle(deal)}* · ${escapeMrkdwn(deal.partnerName)}` },
      },
      {
        type: "input",
        block_id: REASON_BLOCKS.amount,
        label: text(`Final amount (${deal.currency})`),
        hint: text("Correct it if the signed amount differs from the registered one."),
        element: { type: "plain_text_input", action_id: ACTIONS.input, initial_value: amountText, max_length: 30 },
      },
    ],
  };
}
