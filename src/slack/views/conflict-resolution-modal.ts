import type { KnownBlock, ModalView, PlainTextOption, RadioButtons } from "@slack/types";
import { STATUS_LABELS } from "../../domain/deals/registration";
import type { DealRecord } from "../../services/records";
import { ACTIONS, CONFLICT_BLOCKS, VIEWS } from "../ids";
import { context, divider, fields, input, LIMITS, md, modal, plainTextInput, section, text } from "./block-kit";
import { dealAmount, isClosed, plainDayOf, stageLabel } from "./deal-text";

/** What the conflict modal carries to its submission: the set of rivals the manager saw. */
export interface ConflictModalMetadata {
  dealId: number;
  rivalIds: number[];
  /** Opened from the App Home, which is republished once the conflict is resolved. */
  fromHome?: boolean;
}

export type ConflictChoice = "this" | "existing";

/** Said under the choice when the manager submits without choosing. */
export const CONFLICT_CHOICE_MISSING = "Choose which registration keeps the customer.";

/** A modal shows at most this many registrations side by side (a customer rarely has more). */
const SHOWN = 8;

const ids = (deals: readonly DealRecord[]) => deals.map((deal) => `#${deal.id}`).join(", ");

function protectionEnd(deal: DealRecord): string {
  if (isClosed(deal)) return deal.stage === "won" ? "— (won)" : "— (lost)";
  if (deal.status === "approved" && deal.protectedUntil) return plainDayOf(deal, deal.protectedUntil);
  return "not protected yet";
}

/** One registration, as a column of facts; the earliest is marked as the one that came first. */
function registrationBlocks(deal: DealRecord, role: string, first: boolean): KnownBlock[] {
  const registered = `${plainDayOf(deal, deal.createdAt)}${first ? " · came first" : ""}`;
  return [
    section(md`*${role} #${deal.id} · ${deal.partnerName}*`),
    fields([
      ["Registered", registered],
      ["Status", STATUS_LABELS[deal.status]],
      ["Stage", stageLabel(deal)],
      ["Amount", dealAmount(deal)],
      ["Protection ends", protectionEnd(deal)],
      ["Customer", `${deal.customerName}${deal.customer.domain ? ` (${deal.customer.domain})` : ""}`],
    ]),
  ];
}

function choiceOption(value: ConflictChoice, label: string): PlainTextOption {
  // Radio labels allow 75 characters like select options; a long id list is cut, the value is exact.
  return { text: text(label, LIMITS.optionText), value };
}

/**
 * The side-by-side view a manager decides a conflict in: this registration and every other
 * partner's registration that holds or claims the same customer, oldest first, then the choice and
 * the reason the losing partner reads.
 */
export function conflictResolutionModal(
  deal: DealRecord,
  rivals: readonly DealRecord[],
  metadata: ConflictModalMetadata,
): ModalView {
  const everyone = [deal, ...rivals].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id);
  const firstId = everyone[0]?.id;
  const shown = everyone.slice(0, SHOWN);
  const blocks: KnownBlock[] = [
    section(
      md`:warning: *${rivals.length === 1 ? "Two partners registered" : `${rivals.length + 1} partners registered`} the same customer.* Only one can be protected: choose which one keeps it.`,
    ),
  ];
  for (const registration of shown) {
    blocks.push(
      divider(),
      ...registrationBlocks(
        registration,
        registration.id === deal.id ? "This registration" : "Other registration",
        registration.id === firstId,
      ),
    );
  }
  if (everyone.length > shown.length) {
    blocks.push(context(md`…and ${everyone.length - shown.length} more registrations of this customer.`));
  }
  const radio: RadioButtons = {
    type: "radio_buttons",
    action_id: ACTIONS.input,
    options: [
      choiceOption("this", `Approve #${deal.id}, reject ${ids(rivals)}`),
      choiceOption("existing", `Keep ${ids(rivals)}, reject #${deal.id}`),
    ],
  };
  blocks.push(
    divider(),
    input(CONFLICT_BLOCKS.choice, "Decision", radio),
    input(
      CONFLICT_BLOCKS.reason,
      "Why? The partner whose registration is rejected will see this.",
      plainTextInput(ACTIONS.input, {
        multiline: true,
        max: 500,
        placeholder: "e.g. Sakura has worked this account since the spring and registered first",
      }),
    ),
  );
  return modal({
    callbackId: VIEWS.resolveConflict,
    privateMetadata: JSON.stringify(metadata),
    title: "Resolve conflict",
    submit: "Decide",
    close: "Cancel",
    blocks,
  });
}
