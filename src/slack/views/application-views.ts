import type { KnownBlock } from "@slack/types";
import type { ApplicationStatus, CriterionScores, SelectionCriterion } from "../../domain/program/program-types";
import { MAX_SCORE, weightedScore } from "../../domain/program/selection-score";
import type { ApplicationRecord } from "../../services/program/program-store";
import { ACTIONS, BLOCKS } from "../ids";
import {
  actions,
  button,
  context,
  divider,
  fields,
  header,
  link,
  type Mrkdwn,
  md,
  mention,
  section,
  trusted,
} from "./block-kit";
import { type Message, message } from "./message";
import { localDateTime, slackDate } from "./slack-date";

/** How an application reads wherever it is shown: the approvals card, the list, the review modal. */

/** "3.8 / 5 (4 of 5 criteria scored)", or "not scored yet (0 of 5 criteria scored)". */
export function scoreText(criteria: readonly SelectionCriterion[], scores: CriterionScores): string {
  const { score, scored, of } = weightedScore([...criteria], scores);
  const counted = `${scored} of ${of} ${of === 1 ? "criterion" : "criteria"} scored`;
  return score === null ? `not scored yet (${counted})` : `${score.toFixed(1)} / ${MAX_SCORE} (${counted})`;
}

const STATUS_WORDS: Record<ApplicationStatus, string> = {
  pending: "Waiting for review",
  approved: "Approved",
  declined: "Declined",
};

/** A website as a link when it is one the applicant typed as a domain or URL. */
function websiteText(website: string | null): Mrkdwn {
  if (website === null) return md`—`;
  const url = /^https?:\/\//i.test(website) ? website : `https://${website}`;
  return link(url, website);
}

function applicantText(application: ApplicationRecord): Mrkdwn {
  return application.external
    ? md`${mention(application.applicantUserId)} (Slack Connect, from their own organization)`
    : md`${mention(application.applicantUserId)} (proposed from inside the company)`;
}

function referencesText(application: ApplicationRecord): Mrkdwn {
  const lines = application.references.map((reference, i) =>
    reference.contact === "" ? md`${i + 1}. ${reference.name}` : md`${i + 1}. ${reference.name} · ${reference.contact}`,
  );
  return lines.length === 0 ? md`—` : trusted(lines.map((line) => line.text).join("\n"));
}

/** What the applicant told about the company, as fields (shared by the card and the review modal). */
export function applicationFacts(application: ApplicationRecord): KnownBlock[] {
  return [
    fields([
      ["Applicant", applicantText(application)],
      ["Website", websiteText(application.website)],
      ["Regions", application.regions],
      ["Customer segments", application.segments],
      [
        "Team size",
        `${application.teamSize.toLocaleString("en-US")} ${application.teamSize === 1 ? "person" : "people"}`,
      ],
      ["References", referencesText(application)],
    ]),
    section(md`*Solutions offered*\n${application.solutions}`),
  ];
}

function decisionLine(application: ApplicationRecord, partnerName: string | null): Mrkdwn | null {
  if (application.status === "pending") return null;
  const by = application.decidedBy ? md` by ${mention(application.decidedBy)}` : md``;
  const on = application.decidedAt ? md` on ${slackDate(application.decidedAt, "date", "UTC")}` : md``;
  const reason = application.decisionReason ? md`: ${application.decisionReason}` : md``;
  if (application.status === "approved") {
    const partner = partnerName ? md` · partner *${partnerName}*, onboarding started` : md``;
    return md`:white_check_mark: *Approved*${by}${on}${reason}${partner}`;
  }
  return md`:x: *Declined*${by}${on}${reason}`;
}

/** The card in the approvals channel; redrawn on every decision. Only a pending one has Review. */
export function applicationCardMessage(view: {
  application: ApplicationRecord;
  criteria: readonly SelectionCriterion[];
  partnerName: string | null;
}): Message {
  const { application, criteria, partnerName } = view;
  const checks = Object.keys(application.checklist).length;
  const blocks: KnownBlock[] = [
    header(`Partner application #${application.id}: ${application.company}`),
    ...applicationFacts(application),
    context(
      md`Score ${scoreText(criteria, application.scores)} · ${checks} due-diligence ${checks === 1 ? "check" : "checks"} done · applied ${slackDate(application.createdAt, "date", "UTC")}`,
    ),
  ];
  const decided = decisionLine(application, partnerName);
  if (decided) blocks.push(section(decided));
  else {
    blocks.push(
      actions(
        [button(ACTIONS.applicationReview, "Review", String(application.id), "primary")],
        BLOCKS.applicationCard(application.id),
      ),
    );
  }
  const state = STATUS_WORDS[application.status].toLowerCase();
  return message(md`Partner application #${application.id} from ${application.company}: ${state}`, blocks);
}

export type ApplicantEvent = "received" | "approved" | "declined";

/** What the applicant reads: the receipt, then the outcome with the reason managers gave. */
export function applicantMessage(application: ApplicationRecord, event: ApplicantEvent): Message {
  const who = mention(application.applicantUserId);
  if (event === "received") {
    const line = md`:inbox_tray: ${who} thanks for applying: *${application.company}*'s application (#${application.id}) is with our partner team. We'll tell you here once it's decided.`;
    return message(md`Your partner application for ${application.company} was received`, [section(line)]);
  }
  const reason = application.decisionReason ? md`\n>${application.decisionReason}` : md``;
  if (event === "declined") {
    const line = md`${who} thank you for applying. We're not moving forward with *${application.company}* as a partner at this time.${reason}`;
    return message(md`Your partner application for ${application.company} was declined`, [section(line)]);
  }
  const blocks: KnownBlock[] = [
    section(
      md`:tada: ${who} welcome aboard: *${application.company}* is now a partner! Your onboarding checklist shows the next steps.${reason}`,
    ),
  ];
  // Guests from the partner's own organization join it on approval; an internal proposer does not.
  if (application.external && application.partnerId !== null) {
    blocks.push(
      actions([
        button(ACTIONS.onboardingShow, "Onboarding", String(application.partnerId), "primary"),
        button(ACTIONS.partnerCardShow, "Our partnership", String(application.partnerId)),
        button(ACTIONS.resourcesShow, "Resources"),
      ]),
    );
  }
  return message(md`Your partner application for ${application.company} was approved`, blocks);
}

const MAX_LISTED = 20;

/** `/partner applications`: newest first, each with its score and (pending) a Review button. */
export function applicationListMessage(
  list: { applications: readonly ApplicationRecord[]; criteria: readonly SelectionCriterion[] },
  filter: ApplicationStatus | "all",
  timeZone: string,
): Message {
  const what = filter === "all" ? "Partner applications" : `Partner applications · ${filter}`;
  if (list.applications.length === 0) {
    const none =
      filter === "pending"
        ? "No application is waiting for review. `/partner applications all` lists every one."
        : "No applications here yet.";
    return message(md`${what}: none`, [header(what), section(trusted(none))]);
  }
  const shown = list.applications.slice(0, MAX_LISTED);
  const blocks: KnownBlock[] = [header(what)];
  for (const application of shown) {
    const line = md`*#${application.id} ${application.company}* · ${STATUS_WORDS[application.status]} · ${application.regions}\nApplied by ${mention(application.applicantUserId)} on ${localDateTime(application.createdAt, timeZone)}${application.external ? " (Slack Connect)" : ""} · score ${scoreText(list.criteria, application.scores)}`;
    const block = section(line, BLOCKS.applicationCard(application.id));
    blocks.push(
      application.status === "pending"
        ? { ...block, accessory: button(ACTIONS.applicationReview, "Review", String(application.id)) }
        : block,
    );
  }
  if (list.applications.length > shown.length) {
    blocks.push(context(md`The latest ${shown.length} of ${list.applications.length}.`));
  }
  blocks.push(divider(), context(trusted("`/partner applications pending|approved|declined|all` filters the list.")));
  return message(md`${what}: ${list.applications.length}`, blocks);
}
