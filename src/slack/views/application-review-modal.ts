import type { Checkboxes, KnownBlock, ModalView, PlainTextOption, RadioButtons } from "@slack/types";
import type { ProgramConfig, SelectionCriterion } from "../../domain/program/program-types";
import { MAX_SCORE, MIN_SCORE } from "../../domain/program/selection-score";
import { MAX_DECISION_REASON } from "../../services/applications";
import type { ApplicationRecord } from "../../services/program/program-store";
import { ACTIONS, REVIEW_BLOCKS, VIEWS } from "../ids";
import { applicationFacts, scoreText } from "./application-views";
import {
  context,
  divider,
  header,
  input,
  md,
  modal,
  option,
  plainTextInput,
  section,
  staticSelect,
  trusted,
} from "./block-kit";

export interface ReviewModalMetadata {
  applicationId: number;
  /** Opened from the App Home: refreshed once the review is saved. */
  fromHome?: boolean;
}

export const REVIEW_DECISIONS = ["save", "approve", "decline"] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

const DECISION_LABELS: Record<ReviewDecision, string> = {
  save: "Save the review only",
  approve: "Approve: create the partner and start onboarding",
  decline: "Decline",
};

/** Slack allows ten options per checkbox group; a longer checklist is split over several groups. */
const CHECKS_PER_GROUP = 10;

/** The block id of the n-th (0-based) group of due-diligence checks. */
export function checklistBlockId(group: number): string {
  return group === 0 ? REVIEW_BLOCKS.checklist : `${REVIEW_BLOCKS.checklist}_${group + 1}`;
}

/**
 * The review of one application: a score 1–5 and a note per criterion, the due-diligence checks,
 * and the decision. Saving without a decision keeps the scores; approve and decline need a reason.
 */
export function applicationReviewModal(
  application: ApplicationRecord,
  config: ProgramConfig,
  metadata: ReviewModalMetadata,
): ModalView {
  const blocks: KnownBlock[] = [
    header(application.company),
    ...applicationFacts(application),
    context(md`Score now: ${scoreText(config.criteria, application.scores)}`),
    divider(),
    section(trusted(`*Selection criteria* · score each from ${MIN_SCORE} (weak) to ${MAX_SCORE} (strong)`)),
  ];
  const scores: PlainTextOption[] = [];
  for (let score = MIN_SCORE; score <= MAX_SCORE; score++) scores.push(option(String(score), String(score)));
  for (const criterion of config.criteria) {
    const given = application.scores[criterion.key];
    const weight = criterion.weight === 0 ? "not counted" : `weight ${criterion.weight}`;
    blocks.push(
      input(
        REVIEW_BLOCKS.score(criterion.key),
        `${criterion.label} (${weight})`,
        staticSelect(ACTIONS.input, scores, {
          placeholder: "Score",
          initial: given ? scores.find((choice) => choice.value === String(given.score)) : undefined,
        }),
        { optional: true },
      ),
      input(
        REVIEW_BLOCKS.note(criterion.key),
        `${criterion.label}: note`,
        plainTextInput(ACTIONS.input, { initial: given?.note ?? null, placeholder: "Why this score" }),
        { optional: true },
      ),
    );
  }
  if (config.dueDiligence.length > 0) {
    blocks.push(divider());
    for (let group = 0; group * CHECKS_PER_GROUP < config.dueDiligence.length; group++) {
      const checks = config.dueDiligence.slice(group * CHECKS_PER_GROUP, (group + 1) * CHECKS_PER_GROUP);
      // The check's own text is its value: a list edited meanwhile cannot tick the wrong item.
      const options = checks.map((check) => option(check, check));
      const done = checks
        .filter((check) => application.checklist[check] !== undefined)
        .map((check) => option(check, check));
      const element: Checkboxes = {
        type: "checkboxes",
        action_id: ACTIONS.input,
        options,
        ...(done.length > 0 && { initial_options: done }),
      };
      blocks.push(
        input(
          checklistBlockId(group),
          group === 0 ? "Due diligence (all done before approval)" : "More checks",
          element,
          {
            optional: true,
          },
        ),
      );
    }
  }
  const decisions = REVIEW_DECISIONS.map((decision) => option(decision, DECISION_LABELS[decision]));
  const radio: RadioButtons = {
    type: "radio_buttons",
    action_id: ACTIONS.input,
    options: decisions,
    initial_option: decisions[0],
  };
  blocks.push(
    divider(),
    input(REVIEW_BLOCKS.decision, "Decision", radio),
    input(
      REVIEW_BLOCKS.reason,
      "Reason",
      plainTextInput(ACTIONS.input, { multiline: true, placeholder: "What the applicant reads with the decision" }),
      {
        optional: true,
        hint: `Required to approve or decline (at most ${MAX_DECISION_REASON} characters); the applicant reads it.`,
      },
    ),
  );
  return modal({
    title: "Review application",
    submit: "Save",
    close: "Cancel",
    callbackId: VIEWS.applicationReview,
    privateMetadata: JSON.stringify(metadata),
    blocks,
  });
}

/** After the submit: what was decided, replacing the form. */
export function reviewSavedModal(
  application: ApplicationRecord,
  criteria: readonly SelectionCriterion[],
  partnerName: string | null,
): ModalView {
  const score = scoreText(criteria, application.scores);
  const line =
    application.status === "approved"
      ? md`:white_check_mark: *${application.company}* is approved${partnerName ? md` as the partner *${partnerName}*` : md``}: onboarding has started and the applicant is told.`
      : application.status === "declined"
        ? md`:x: *${application.company}*'s application is declined; the applicant is told, with your reason.`
        : md`:floppy_disk: Review saved: ${score}.`;
  return modal({
    title: "Review application",
    close: "Done",
    blocks: [section(line), context(md`Score ${score}`)],
  });
}
