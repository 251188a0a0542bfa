import type { ModalView } from "@slack/types";
import type { ApplicationRecord } from "../../services/program/program-store";
import { ACTIONS, APPLICATION_BLOCKS, VIEWS } from "../ids";
import { context, input, md, modal, plainTextInput, section, trusted } from "./block-kit";

/** Where the application was made: the receipt and the outcome go back there (a guest has no DM with us). */
export interface ApplyModalMetadata {
  channelId: string | null;
}

/**
 * Apply to become a partner: what the partner team scores an application on. Every field is
 * checked on submit, and a refusal shows under its field (response_action errors).
 */
export function applicationModal(metadata: ApplyModalMetadata, options: { external: boolean }): ModalView {
  const answer = options.external
    ? "We answer in the channel you applied from."
    : "We answer you in a direct message. Proposing a company you work with? Apply on its behalf.";
  const text = (
    blockId: string,
    label: string,
    placeholder: string,
    more: { multiline?: boolean; hint?: string; optional?: boolean } = {},
  ) =>
    input(blockId, label, plainTextInput(ACTIONS.input, { placeholder, multiline: more.multiline ?? false }), {
      hint: more.hint,
      optional: more.optional ?? false,
    });
  return modal({
    title: "Apply to be a partner",
    submit: "Apply",
    close: "Cancel",
    callbackId: VIEWS.apply,
    privateMetadata: JSON.stringify(metadata),
    blocks: [
      section(trusted(`Tell us about your company. The partner team reviews every application. ${answer}`)),
      text(APPLICATION_BLOCKS.company, "Company name", "Initech"),
      text(APPLICATION_BLOCKS.website, "Website", "initech.com", { optional: true }),
      text(APPLICATION_BLOCKS.regions, "Regions you sell in", "EMEA, North America"),
      text(APPLICATION_BLOCKS.segments, "Customer segments", "Mid-market manufacturing, public sector"),
      text(APPLICATION_BLOCKS.solutions, "Solutions you offer", "Implementation, managed services, training…", {
        multiline: true,
      }),
      text(APPLICATION_BLOCKS.teamSize, "Team size", "25", {
        hint: "People who would sell, implement or support the products: a whole number.",
      }),
      text(APPLICATION_BLOCKS.reference1, "Reference 1", "Jane Doe, jane@customer.example", {
        hint: "A customer or vendor who knows your work: name, a comma, then how to reach them.",
      }),
      text(APPLICATION_BLOCKS.reference2, "Reference 2", "Sam Lee, +1 555 0100"),
    ],
  });
}

/** The modal after a successful submit: what happens next. */
export function applicationReceivedModal(application: ApplicationRecord): ModalView {
  const where = application.external ? "in the channel you applied from" : "in a direct message";
  return modal({
    title: "Application sent",
    close: "Done",
    blocks: [
      section(
        md`:white_check_mark: Thanks! *${application.company}*'s application (#${application.id}) is with the partner team.`,
      ),
      context(md`You'll hear back ${where} once it's reviewed.`),
    ],
  });
}
