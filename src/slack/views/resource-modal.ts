import type { ModalView } from "@slack/types";
import { TIERS } from "../../domain/partners/partner-rules";
import { RESOURCE_KINDS } from "../../domain/program/program-types";
import type { ResourceRecord } from "../../services/program/program-store";
import { ACTIONS, RESOURCE_BLOCKS, VIEWS } from "../ids";
import { context, input, md, modal, option, plainTextInput, section, staticSelect } from "./block-kit";
import { KIND_NAMES } from "./resource-views";
import { tierName } from "./tier-views";

/** The domain's caps (resources.ts): the fields stop there, the service checks again. */
const MAX_TITLE = 150;
const MAX_URL = 500;

/** Managers add a resource to the library: what it is, where it lives, who sees it, whom it is required of. */
export function resourceModal(): ModalView {
  const kinds = RESOURCE_KINDS.map((kind) => option(kind, KIND_NAMES[kind]));
  const tiers = TIERS.map((tier) => option(tier, tierName(tier)));
  return modal({
    title: "Add a resource",
    submit: "Add",
    close: "Cancel",
    callbackId: VIEWS.resourceAdd,
    blocks: [
      input(RESOURCE_BLOCKS.title, "Title", plainTextInput(ACTIONS.input, { max: MAX_TITLE })),
      input(RESOURCE_BLOCKS.url, "Link", plainTextInput(ACTIONS.input, { max: MAX_URL, placeholder: "https://…" })),
      input(RESOURCE_BLOCKS.kind, "Kind", staticSelect(ACTIONS.input, kinds, { initial: kinds[0] })),
      input(RESOURCE_BLOCKS.tags, "Tags", plainTextInput(ACTIONS.input, { placeholder: "e.g. pricing, onboarding" }), {
        optional: true,
        hint: "Up to 5, separated by commas: people find resources by them.",
      }),
      input(RESOURCE_BLOCKS.minTier, "Visible from", staticSelect(ACTIONS.input, tiers, { initial: tiers[0] }), {
        hint: "Partners below this tier don't see it; managers see everything.",
      }),
      input(
        RESOURCE_BLOCKS.requiredFor,
        "Required training for",
        staticSelect(ACTIONS.input, tiers, { placeholder: "Not required" }),
        {
          optional: true,
          hint: "Trainings only: people who complete every training a tier requires count toward that tier.",
        },
      ),
    ],
  });
}

/** After Add: what is in the library now. */
export function resourceAddedModal(resource: ResourceRecord): ModalView {
  return modal({
    title: "Resource added",
    close: "Done",
    blocks: [
      section(md`:books: *${resource.title}* is in the library, visible from ${tierName(resource.minTier)}.`),
      context(md`Partners find it with Resources on the launcher and the App Home.`),
    ],
  });
}
