import { isoDate } from "../shared/calendar";
import type { Problem } from "../shared/error-codes";
import { formatAmountNumber, isCurrency, parseAmount } from "./currency";
import { checkExpectedClose, isProblem, MAX_NOTES, notesOf, oneLine, productProblem, tooLong } from "./deal-input";
import { isStage, type Stage } from "./stages";

/** One field an edit or a correction changed, for the DealEvent and `/deal history`. */
export interface FieldChange {
  field:
    | "customerName"
    | "customerDomain"
    | "product"
    | "amount"
    | "currency"
    | "expectedCloseOn"
    | "region"
    | "notes"
    | "stage";
  /** Amounts as minor units, dates as YYYY-MM-DD, the rest as stored; null when empty. */
  from: string | number | null;
  to: string | number | null;
}

/** The Edit deal modal as submitted, like DealDraft. A field left out (undefined) is not changed. */
export interface DealEditDraft {
  amount?: string | null;
  currency?: string | null;
  expectedClose?: string | null;
  product?: string | null;
  notes?: string | null;
  stage?: string | null;
}

/** What an edit may change, as the deal is now. */
export interface EditableDeal {
  amountMinor: number;
  currency: string;
  expectedCloseOn: Date | null;
  product: string;
  notes: string | null;
  stage: Stage;
}

export interface DealEditPatch {
  amountMinor?: number;
  currency?: string;
  expectedCloseOn?: Date | null;
  product?: string;
  notes?: string | null;
  stage?: Stage;
  /** "now": the deal was just won, the service stamps the instant; null: it is open again. */
  closedAt?: "now" | null;
  lostReason?: null;
}

export type DealEditField = "amount" | "currency" | "expectedClose" | "product" | "notes" | "stage";
export type DealEditProblems = Partial<Record<DealEditField, Problem>>;

export type DealEditValidation =
  | { ok: true; patch: DealEditPatch; changes: FieldChange[] }
  | { ok: false; errors: DealEditProblems };

/**
 * Checks an edit the way a registration is checked, field by field so the modal flags every
 * problem at once, with two differences: the expected close date may be in the past (deals slip,
 * and the record should say so), and the stage may move anywhere, back from won or lost included,
 * except to lost: losing needs a reason, which Mark lost asks for. Nothing changed is a valid
 * edit with no changes; whether that is an error is the caller's call.
 */
export function validateDealEdit(
  current: EditableDeal,
  draft: DealEditDraft,
  context: { today: string },
): DealEditValidation {
  const errors: DealEditProblems = {};
  const patch: DealEditPatch = {};
  const changes: FieldChange[] = [];

  const currency =
    draft.currency === undefined ? current.currency : (oneLine(draft.currency) || current.currency).toUpperCase();
  if (!isCurrency(currency)) {
    errors.currency = { code: "currency_unknown", params: { code: currency } };
  } else {
    // A new currency with the amount left out keeps the number as shown: EUR 7,000.00 becomes JPY 7,000.
    const amountText =
      draft.amount !== undefined
        ? (draft.amount ?? "")
        : currency !== current.currency
          ? formatAmountNumber(current.amountMinor, current.currency)
          : null;
    if (amountText !== null) {
      const amount = parseAmount(amountText, currency);
      if (!amount.ok) errors.amount = amount.problem;
      else if (amount.minor !== current.amountMinor) {
        patch.amountMinor = amount.minor;
        changes.push({ field: "amount", from: current.amountMinor, to: amount.minor });
      }
    }
    if (currency !== current.currency) {
      patch.currency = currency;
      changes.push({ field: "currency", from: current.currency, to: currency });
    }
  }

  if (draft.expectedClose !== undefined) {
    const was = current.expectedCloseOn === null ? null : isoDate(current.expectedCloseOn);
    const text = oneLine(draft.expectedClose);
    // The date as it stands is never refused, even if today's rules would (it was checked when set).
    if (text !== (was ?? "")) {
      const close = checkExpectedClose(text, context.today, { allowPast: true });
      if (isProblem(close)) errors.expectedClose = close;
      else {
        patch.expectedCloseOn = close;
        changes.push({ field: "expectedCloseOn", from: was, to: close === null ? null : isoDate(close) });
      }
    }
  }

  if (draft.product !== undefined) {
    const product = oneLine(draft.product);
    if (product !== current.product) {
      const problem = productProblem(product);
      if (problem !== null) errors.product = problem;
      else {
        patch.product = product;
        changes.push({ field: "product", from: current.product, to: product });
      }
    }
  }

  if (draft.notes !== undefined) {
    const notes = notesOf(draft.notes);
    if (notes !== current.notes) {
      if (notes !== null && notes.length > MAX_NOTES) errors.notes = tooLong("notes", MAX_NOTES);
      else {
        patch.notes = notes;
        changes.push({ field: "notes", from: current.notes, to: notes });
      }
    }
  }

  const stageText = oneLine(draft.stage).toLowerCase();
  if (stageText !== "" && stageText !== current.stage) {
    if (!isStage(stageText)) errors.stage = { code: "stage_invalid" };
    else if (stageText === "lost") errors.stage = { code: "lost_reason_missing" };
    else {
      Object.assign(patch, stagePatch(current.stage, stageText));
      changes.push({ field: "stage", from: current.stage, to: stageText });
    }
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, patch, changes };
}

/** Won stamps the closing instant; reopening a closed deal clears what closing it recorded. */
function stagePatch(from: Stage, to: Exclude<Stage, "lost">): DealEditPatch {
  const wasClosed = from === "won" || from === "lost";
  if (to === "won") return { stage: to, closedAt: "now", ...(from === "lost" && { lostReason: null }) };
  return wasClosed ? { stage: to, closedAt: null, lostReason: null } : { stage: to };
}
