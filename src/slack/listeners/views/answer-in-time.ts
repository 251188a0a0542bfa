import type { AckFn, ViewResponseAction } from "@slack/bolt";
import type { ModalView } from "@slack/types";
import type { SlackDeps } from "../../deps";
import { doneModal, formAgain, type SubmittedView, workingModal } from "../../views/late-answer-modals";

/** Slack gives up on a view submission after 3 s; this leaves time for the answer to travel. */
export const VIEW_ACK_BUDGET_MS = 2_000;

type ViewsClient = { views: { update(args: { view_id: string; view: ModalView }): Promise<unknown> } };

/** The modal that shows an answer after the ack: what the ack would have said, as a view of its own. */
function lateView(answer: ViewResponseAction | undefined, view: SubmittedView): ModalView {
  if (answer?.response_action === "errors") return formAgain(view, answer.errors);
  if (answer?.response_action === "update" || answer?.response_action === "push") return answer.view as ModalView;
  return doneModal(view.title.text);
}

/**
 * Answers a view submission with what `work` decides when it decides within the budget, exactly
 * as before. When the database is slower than that (another process holds SQLite's write lock),
 * the ack shows `doing` in an interim modal and the answer replaces it once the work is done.
 * `work` must not reject: a refusal is an answer (`response_action: "errors"`).
 */
export async function answerInTime(
  deps: SlackDeps,
  submission: { ack: AckFn<ViewResponseAction>; client: ViewsClient; view: SubmittedView & { id: string } },
  doing: string,
  work: Promise<ViewResponseAction | undefined>,
): Promise<ViewResponseAction | undefined> {
  const { ack, client, view } = submission;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((done) => {
    timer = setTimeout(() => done("late"), VIEW_ACK_BUDGET_MS);
  });
  const first = await Promise.race([work, late]);
  clearTimeout(timer);
  if (first !== "late") {
    await ack(first);
    return first;
  }
  await ack({ response_action: "update", view: workingModal(view.title.text, doing) });
  const answer = await work;
  try {
    await client.views.update({ view_id: view.id, view: lateView(answer, view) });
  } catch (error) {
    // Closed meanwhile: what changed is still announced through the outbox (channel card, DMs).
    deps.logger.warn({ where: view.callback_id, err: (error as Error).message }, "could not show a late answer");
  }
  return answer;
}
