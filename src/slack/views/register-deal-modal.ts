import type { KnownBlock, ModalView } from "@slack/types";
import { CURRENCIES } from "../../domain/deals/currency";
import type { DealDraft } from "../../domain/deals/deal-input";
import { OPEN_STAGES, STAGE_LABELS } from "../../domain/deals/stages";
import type { RegistrationForm } from "../../services/deals/register-deal";
import { ACTIONS, DEAL_BLOCKS, RULES_BLOCKS, VIEWS } from "../ids";
import {
  actions,
  button,
  context,
  datepicker,
  input,
  md,
  modal,
  option,
  plainTextInput,
  staticSelect,
} from "./block-kit";

/** What the registration modal carries between Slack round-trips. */
export interface RegisterModalMetadata {
  channelId: string | null;
  /** The rejected registration being corrected, in the resubmit variant. */
  dealId?: number;
}

export interface RegisterModalState {
  /** Live feedback under a field while the person types (amount preview, domain check). */
  hints?: { amount?: string; customerDomain?: string };
  initial?: DealDraft;
}

const AMOUNT_HINT = "e.g. 12,500.50 — in the currency below";
const DOMAIN_HINT =
  "Website or email domain, e.g. acme.com — used to spot other registrations of this customer. Free-mail domains (gmail.com, outlook.com…) don't count: such customers are matched by name only.";

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
  return input(
    blockId,
    label,
    plainTextInput(ACTIONS.input, {
      placeholder: options.placeholder,
      initial: options.initial,
      multiline: options.multiline ?? false,
      max: options.max,
      live: options.live ?? false,
    }),
    { optional: options.optional ?? false, hint: options.hint, dispatchAction: options.live ?? false },
  );
}

/** Who registers: a choice for managers, a line naming the partner for everyone else. */
function partnerBlock(form: RegistrationForm, initial: DealDraft): KnownBlock {
  if (!form.canChoosePartner) {
    return context(md`Registering for *${form.partners[0]?.name ?? "your company"}*`);
  }
  const partnerOptions = form.partners.map((partner) => option(String(partner.id), partner.name));
  const chosen = partnerOptions.find(
    (entry) => entry.value === (initial.partnerId ?? String(form.defaultPartnerId ?? "")),
  );
  return input(
    DEAL_BLOCKS.partner,
    "Partner",
    staticSelect(ACTIONS.input, partnerOptions, { placeholder: "Which partner is registering?", initial: chosen }),
  );
}

/** The same form under another callback: a rejected registration corrected and sent again. */
export interface RegisterModalVariant {
  callbackId: string;
  title: string;
  submit: string;
}

const REGISTER: RegisterModalVariant = { callbackId: VIEWS.registerDeal, title: "Register a deal", submit: "Register" };

export function registerDealModal(
  form: RegistrationForm,
  metadata: RegisterModalMetadata,
  state: RegisterModalState = {},
  variant: RegisterModalVariant = REGISTER,
): ModalView {
  const initial = state.initial ?? {};
  const currencyOptions = CURRENCIES.map((currency) => option(currency.code, `${currency.code} · ${currency.name}`));
  const currency = initial.currency ?? form.defaultCurrency;
  const stage = initial.stage ?? "prospecting";
  const blocks: KnownBlock[] = [
    partnerBlock(form, initial),
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
    input(
      DEAL_BLOCKS.currency,
      "Currency",
      staticSelect(ACTIONS.input, currencyOptions, {
        initial: currencyOptions.slice(0, 100).find((entry) => entry.value === currency),
      }),
      // A new currency changes what the amount means: the live check reads it again.
      { dispatchAction: true },
    ),
    input(
      DEAL_BLOCKS.stage,
      "Stage",
      staticSelect(
        ACTIONS.input,
        OPEN_STAGES.map((value) => option(value, STAGE_LABELS[value])),
        { initial: option(stage, STAGE_LABELS[stage as keyof typeof STAGE_LABELS] ?? stage) },
      ),
    ),
    input(
      DEAL_BLOCKS.expectedClose,
      "Expected close date",
      datepicker(ACTIONS.input, { placeholder: "Pick a date", initial: initial.expectedClose ?? undefined }),
      { optional: true },
    ),
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
    // The terms the registration is made under, a click away without losing what was typed (views.push).
    context(md`Registrations follow the program's rules: protection period, conflicts, who decides.`),
    actions([button(ACTIONS.pushRules, "Program rules")], RULES_BLOCKS.dealModalLink),
  ];
  return modal({
    callbackId: variant.callbackId,
    privateMetadata: JSON.stringify(metadata),
    title: variant.title,
    submit: variant.submit,
    close: "Cancel",
    blocks,
  });
}
