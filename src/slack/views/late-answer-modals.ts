import type { InputBlock, KnownBlock, ModalView, PlainTextElement } from "@slack/types";
import { context, joinMd, LIMITS, md, mentionSafe, modal, section, text } from "./block-kit";

/**
 * Modals for a submission answered late (the database was slow): an interim one shown by the
 * ack, then the outcome by views.update. Field errors can no longer appear under the fields, so
 * the form comes back with the problems above it and everything the person entered filled in.
 */

/** A submitted modal as Slack sends it back: its own definition plus what was entered. */
export interface SubmittedView {
  callback_id: string;
  private_metadata: string;
  title: { text: string };
  submit: { text: string } | null;
  close: { text: string } | null;
  blocks: unknown[];
  state: { values: Record<string, Record<string, EnteredState>> };
}

interface EnteredState {
  type: string;
  value?: string | null;
  selected_option?: { text: { type: string; text: string }; value: string } | null;
  selected_date?: string | null;
  selected_user?: string | null;
}

/** Shown by the ack when the work is still running: no submit, so it cannot be sent twice. */
export function workingModal(title: string, doing: string): ModalView {
  return modal({
    title,
    close: "Close",
    blocks: [
      section(md`:hourglass_flowing_sand: ${doing}`),
      context(md`This takes longer than usual. This window shows the result when it's done.`),
    ],
  });
}

/** The work succeeded and the form would simply have closed. */
export function doneModal(title: string): ModalView {
  return modal({ title, close: "Done", blocks: [section(md`:white_check_mark: Done. You can close this window.`)] });
}

function isInput(block: unknown): block is InputBlock {
  return typeof block === "object" && block !== null && (block as { type?: unknown }).type === "input";
}

/** The element property that shows what was entered, by the kind of element that took it. */
function initialOf(entered: EnteredState): Record<string, unknown> | null {
  switch (entered.type) {
    case "plain_text_input":
      return { initial_value: entered.value ?? undefined };
    case "static_select":
      return { initial_option: entered.selected_option ?? undefined };
    case "datepicker":
      return { initial_date: entered.selected_date ?? undefined };
    case "users_select":
      return { initial_user: entered.selected_user ?? undefined };
    default:
      return null;
  }
}

/** An input block whose element starts with what the person entered. */
function prefilled(block: InputBlock, entered: EnteredState | undefined): InputBlock {
  const initial = entered && initialOf(entered);
  if (!initial) return block;
  return { ...block, element: { ...block.element, ...initial } as InputBlock["element"] };
}

/** The submitted form again, filled in with what was entered, with each refusal above it. */
export function formAgain(view: SubmittedView, errors: Record<string, string>): ModalView {
  const labels = new Map<string, string>();
  const blocks = view.blocks.map((block) => {
    if (!isInput(block) || !block.block_id) return block;
    labels.set(block.block_id, block.label.text);
    const element = block.element as { action_id?: string };
    return prefilled(block, view.state.values[block.block_id]?.[element.action_id ?? ""]);
  });
  const problems = Object.entries(errors).map(([blockId, message]) => {
    const label = labels.get(blockId);
    return label ? md`• *${label}*: ${mentionSafe(message)}` : md`• ${mentionSafe(message)}`;
  });
  const button = (value: { text: string } | null): PlainTextElement | undefined =>
    value ? text(value.text, LIMITS.modalTitle) : undefined;
  return {
    type: "modal",
    callback_id: view.callback_id,
    private_metadata: view.private_metadata,
    title: text(view.title.text, LIMITS.modalTitle),
    ...(view.submit && { submit: button(view.submit) }),
    ...(view.close && { close: button(view.close) }),
    blocks: [
      section(md`:warning: *Nothing was saved.* Please check and send again:\n${joinMd(problems, "\n")}`),
      ...(blocks as KnownBlock[]),
    ],
  };
}
