import type { Button, KnownBlock, SectionBlock } from "@slack/types";
import type { Tier } from "../../domain/partners/partner-rules";
import type { ResourceKind } from "../../domain/program/program-types";
import type { CompletionRecord, ResourceRecord } from "../../services/program/program-store";
import { ACTIONS, BLOCKS } from "../ids";
import {
  actions,
  button,
  context,
  header,
  joinMd,
  link,
  type Mrkdwn,
  md,
  mention,
  section,
  trusted,
} from "./block-kit";
import { type Message, message } from "./message";
import { localDateTime } from "./slack-date";
import { tierName } from "./tier-views";

export const KIND_NAMES: Record<ResourceKind, string> = {
  guide: "Guide",
  training: "Training",
  price_book: "Price book",
  deck: "Deck",
  video: "Video",
  template: "Template",
  link: "Link",
};

/** What services.resources.list returns, as far as the view reads it. */
export interface ResourceListView {
  resources: readonly { resource: ResourceRecord; done: boolean; confirmedBy: string | null }[];
  /** "all": managers and internal people, who see every resource with the tier it opens at. */
  viewerTier: Tier | "all";
  /** Resources the viewer's tier does not open yet. */
  hidden: number;
  canManage: boolean;
}

/** A message holds 50 blocks: a header, the notes and the buttons leave room for this many rows. */
const MAX_ROWS = 40;

function doneText(done: boolean, confirmedBy: string | null): Mrkdwn {
  if (!done) return md``;
  return confirmedBy ? md` · *Done ✓* (confirmed by ${mention(confirmedBy)})` : md` · *Done ✓*`;
}

function resourceRow(
  entry: ResourceListView["resources"][number],
  view: Pick<ResourceListView, "viewerTier" | "canManage">,
): SectionBlock {
  const { resource } = entry;
  const facts: Mrkdwn[] = [md`${KIND_NAMES[resource.kind] ?? resource.kind}`];
  if (view.viewerTier === "all" && resource.minTier !== "registered") {
    facts.push(md`${tierName(resource.minTier)} and up`);
  }
  if (resource.requiredFor) facts.push(md`required for ${tierName(resource.requiredFor)}`);
  if (resource.tags.length > 0) facts.push(md`${resource.tags.map((tag) => `#${tag}`).join(" ")}`);
  const text = md`${link(resource.url, resource.title)}${doneText(entry.done, entry.confirmedBy)}\n${joinMd(
    facts,
    " · ",
  )}`;
  let accessory: Button | undefined;
  if (view.canManage) accessory = button(ACTIONS.resourceRemove, "Remove", String(resource.id), "danger");
  else if (resource.kind === "training" && !entry.done) {
    accessory = button(ACTIONS.trainingDone, "Mark done", String(resource.id), "primary");
  }
  return { ...section(text, BLOCKS.resourceRow(resource.id)), ...(accessory && { accessory }) };
}

/** `/partner resources [words]` and the Resources button: the library as far as the viewer's tier opens it. */
export function resourcesMessage(view: ResourceListView, words: string | null): Message {
  const title = words ? `Resources matching “${words}”` : "Resources";
  const blocks: KnownBlock[] = [header(title)];
  if (view.resources.length === 0) {
    blocks.push(
      section(
        words
          ? md`Nothing in the library matches “${words}”. Try fewer words, or a tag.`
          : view.canManage
            ? md`The library is empty. Add the first resource with the button below.`
            : md`Nothing in the library for you yet.`,
      ),
    );
  } else {
    const shown = view.resources.slice(0, MAX_ROWS);
    blocks.push(...shown.map((entry) => resourceRow(entry, view)));
    if (view.resources.length > shown.length) {
      blocks.push(
        context(md`…and ${view.resources.length - shown.length} more: search with \`/partner resources words\`.`),
      );
    }
  }
  if (view.hidden > 0) {
    blocks.push(
      context(
        md`:lock: ${view.hidden} more ${view.hidden === 1 ? "resource opens" : "resources open"} up as your company moves up a tier.`,
      ),
    );
  }
  if (view.canManage) {
    blocks.push(actions([button(ACTIONS.resourceAdd, "Add a resource", undefined, "primary")]));
  }
  const count = view.resources.length;
  return message(md`${title}: ${count} ${count === 1 ? "resource" : "resources"}`, blocks);
}

/** What services.resources.completions returns, as far as the view reads it. */
export interface CompletionListView {
  partner: { name: string } | null;
  rows: readonly { completion: CompletionRecord; resource: ResourceRecord; partnerName: string | null }[];
}

function completionRow(row: CompletionListView["rows"][number], timeZone: string): SectionBlock {
  const { completion, resource } = row;
  const company = row.partnerName ? md` (${row.partnerName})` : md``;
  const confirmed = completion.confirmedBy
    ? md` · confirmed by ${mention(completion.confirmedBy)}`
    : md` · not confirmed yet`;
  const text = md`${mention(completion.slackUserId)}${company} completed *${resource.title}* on ${localDateTime(
    completion.completedAt,
    timeZone,
  )}${confirmed}`;
  const block = section(text, BLOCKS.completionRow(completion.id));
  return completion.confirmedBy
    ? block
    : { ...block, accessory: button(ACTIONS.trainingConfirm, "Confirm", String(completion.id), "primary") };
}

/** `/partner training [partner]`: who completed which training, with Confirm on the unconfirmed ones. */
export function completionsMessage(view: CompletionListView, timeZone: string): Message {
  const title = view.partner ? `Training: ${view.partner.name}` : "Training completed";
  const blocks: KnownBlock[] = [header(title)];
  if (view.rows.length === 0) {
    blocks.push(section(trusted("Nobody has marked a training done yet.")));
  } else {
    const shown = view.rows.slice(0, MAX_ROWS);
    blocks.push(...shown.map((row) => completionRow(row, timeZone)));
    if (view.rows.length > shown.length) {
      blocks.push(context(md`…and ${view.rows.length - shown.length} more: name a partner to see theirs.`));
    }
    blocks.push(context(trusted("Tier progress counts a training once it is marked done; confirming is your check.")));
  }
  const open = view.rows.filter((row) => !row.completion.confirmedBy).length;
  return message(md`${title}: ${view.rows.length} completed, ${open} to confirm`, blocks);
}

/** After Mark done. */
export function trainingDoneMessage(resource: ResourceRecord, first: boolean): Message {
  return message(md`Training done: ${resource.title}`, [
    section(
      first
        ? md`:mortar_board: Marked *${resource.title}* done. It counts toward your company's tier from now on.`
        : md`You had already marked *${resource.title}* done.`,
    ),
  ]);
}
