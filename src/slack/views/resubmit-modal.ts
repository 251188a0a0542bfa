import type { ModalView } from "@slack/types";
import type { DealDraft } from "../../domain/deals/deal-input";
import type { RegistrationForm } from "../../services/deals/register-deal";
import { VIEWS } from "../ids";
import { context, LIMITS, md, text } from "./block-kit";
import { type RegisterModalState, registerDealModal } from "./register-deal-modal";

/** What the resubmit modal carries to its submission. */
export interface ResubmitModalMetadata {
  dealId: number;
  fromHome?: boolean;
  /** The manager's reason, carried so the keystroke checks redraw the form with it. */
  rejection?: string | null;
}

/**
 * A rejected registration, corrected and sent again: the registration modal filled in with what
 * was registered, under its own callback so the submission updates that deal.
 */
export function resubmitModal(
  form: RegistrationForm,
  draft: DealDraft,
  dealId: number,
  rejection: string | null,
  metadata: Omit<ResubmitModalMetadata, "dealId" | "rejection"> = {},
  hints: RegisterModalState["hints"] = undefined,
): ModalView {
  const base = registerDealModal(form, { channelId: null }, { initial: draft, ...(hints && { hints }) });
  const why = rejection
    ? context(md`:x: Rejected: ${rejection}\nCorrect what the manager asked for, then resubmit.`)
    : context(md`Correct the registration, then resubmit.`);
  return {
    ...base,
    callback_id: VIEWS.resubmitDeal,
    private_metadata: JSON.stringify({ ...metadata, dealId, rejection } satisfies ResubmitModalMetadata),
    title: text(`Correct deal #${dealId}`, LIMITS.modalTitle),
    submit: text("Resubmit", LIMITS.modalTitle),
    blocks: [why, ...base.blocks],
  };
}
