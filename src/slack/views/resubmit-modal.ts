import type { AnyBlock, InputBlock, ModalView } from "@slack/types";
import type { DealDraft } from "../../domain/deals/deal-input";
import type { RegistrationForm } from "../../services/deals/register-deal";
import { VIEWS } from "../ids";
import { context, LIMITS, md, text } from "./block-kit";
import { registerDealModal } from "./register-deal-modal";

/** What the resubmit modal carries to its submission. */
export interface ResubmitModalMetadata {
  dealId: number;
  fromHome?: boolean;
}

/**
 * Keystroke checks rebuild the modal as a new registration (deal-modal-live-check), which would
 * turn a correction into a second deal: this form is checked on submit only.
 */
function withoutLiveChecks(block: AnyBlock): AnyBlock {
  if (block.type !== "input") return block;
  const { dispatch_action: _dispatch, ...rest } = block as InputBlock;
  if (rest.element.type !== "plain_text_input") return rest;
  const { dispatch_action_config: _config, ...element } = rest.element;
  return { ...rest, element };
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
  metadata: Omit<ResubmitModalMetadata, "dealId"> = {},
): ModalView {
  const base = registerDealModal(form, { channelId: null }, { initial: draft });
  const why = rejection
    ? context(md`:x: Rejected: ${rejection}\nCorrect what the manager asked for, then resubmit.`)
    : context(md`Correct the registration, then resubmit.`);
  return {
    ...base,
    callback_id: VIEWS.resubmitDeal,
    private_metadata: JSON.stringify({ ...metadata, dealId } satisfies ResubmitModalMetadata),
    title: text(`Correct deal #${dealId}`, LIMITS.modalTitle),
    submit: text("Resubmit", LIMITS.modalTitle),
    blocks: [why, ...base.blocks.map(withoutLiveChecks)],
  };
}
