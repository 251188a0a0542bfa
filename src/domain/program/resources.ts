import { oneLine } from "../deals/deal-input";
import { TIERS, type Tier } from "../partners/partner-rules";
import { checkTag } from "../practices/tag-slug";
import type { Problem } from "../shared/error-codes";
import { RESOURCE_KINDS, type ResourceKind } from "./program-types";
import { tierRank } from "./tiers";

export const MAX_RESOURCE_TITLE = 150;
export const MAX_RESOURCE_URL = 500;
export const MAX_RESOURCE_TAGS = 5;

/** The resource modal as submitted. Tags come typed (comma separated) or picked; tiers as tier names. */
export interface ResourceDraft {
  title: string | null;
  url: string | null;
  kind: string | null;
  tags: string | readonly string[] | null;
  /** Visible from this tier up; empty: every partner. */
  minTier: string | null;
  /** The tier this training is required for; empty: required for none. */
  requiredFor: string | null;
}

export interface ValidResource {
  title: string;
  url: string;
  kind: ResourceKind;
  tags: string[];
  minTier: Tier;
  requiredFor: Tier | null;
}

export type ResourceField = "title" | "url" | "kind" | "tags" | "minTier" | "requiredFor";

export type ResourceValidation =
  | { ok: true; resource: ValidResource }
  | { ok: false; errors: Partial<Record<ResourceField, Problem>> };

function tierOf(text: string): Tier | null {
  const typed = text.toLowerCase();
  return TIERS.find((tier) => tier === typed) ?? null;
}

/** Checks a resource as typed; every field is checked so the modal flags all problems at once. */
export function validateResource(draft: ResourceDraft): ResourceValidation {
  const errors: Partial<Record<ResourceField, Problem>> = {};

  const title = oneLine(draft.title);
  if (title === "") errors.title = { code: "resource_title_missing" };
  else if (title.length > MAX_RESOURCE_TITLE) {
    errors.title = { code: "resource_title_too_long", params: { max: MAX_RESOURCE_TITLE } };
  }

  const url = (draft.url ?? "").trim();
  if (!isWebUrl(url)) errors.url = { code: "resource_url_invalid", params: { text: url } };

  // "Price book" and "price-book" are the kind price_book.
  const kindText = oneLine(draft.kind)
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
  const kind = RESOURCE_KINDS.find((known) => known === kindText) ?? null;
  if (kind === null) errors.kind = { code: "resource_kind_invalid", params: { kinds: RESOURCE_KINDS } };

  const tags = parseResourceTags(draft.tags);
  if (!Array.isArray(tags)) errors.tags = tags;

  const minTierText = oneLine(draft.minTier);
  const minTier = minTierText === "" ? TIERS[0] : tierOf(minTierText);
  if (minTier === null) errors.minTier = { code: "tier_invalid", params: { tiers: TIERS } };

  const requiredText = oneLine(draft.requiredFor);
  const requiredFor = requiredText === "" ? null : tierOf(requiredText);
  if (requiredText !== "") {
    // Required for a tier its partners could not see: nobody there could ever complete it.
    const allowed = TIERS.slice(minTier === null ? 0 : tierRank(minTier));
    if (requiredFor === null || !allowed.includes(requiredFor)) {
      errors.requiredFor = { code: "tier_invalid", params: { tiers: allowed } };
    } else if (kind !== null && kind !== "training") {
      errors.requiredFor = { code: "resource_required_not_training" };
    }
  }

  if (Object.keys(errors).length > 0 || kind === null || minTier === null || !Array.isArray(tags)) {
    return { ok: false, errors };
  }
  return { ok: true, resource: { title, url, kind, tags, minTier, requiredFor } };
}

function isWebUrl(text: string): boolean {
  if (text === "" || text.length > MAX_RESOURCE_URL || /\s/.test(text)) return false;
  try {
    const url = new URL(text);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.includes(".");
  } catch {
    return false;
  }
}

/** Tags as slugs (the practices' rules), each once, at most MAX_RESOURCE_TAGS; or the problem. */
export function parseResourceTags(input: string | readonly string[] | null): string[] | Problem {
  const entries = (typeof input === "string" ? input.split(/[,;\n]/) : (input ?? [])).filter(
    (entry) => entry.trim() !== "",
  );
  const tags: string[] = [];
  for (const entry of entries) {
    const checked = checkTag(entry);
    if (!checked.ok) return { code: "resource_tags_invalid", params: { text: entry.trim() } };
    if (!tags.includes(checked.tag)) tags.push(checked.tag);
  }
  if (tags.length > MAX_RESOURCE_TAGS) {
    return { code: "resource_tags_invalid", params: { text: tags.slice(MAX_RESOURCE_TAGS).join(", ") } };
  }
  return tags;
}

/** A viewer at `viewerTier` sees resources from their tier down; "all": managers and the vendor's people. */
export function canSeeResource(minTier: Tier, viewerTier: Tier | "all"): boolean {
  return viewerTier === "all" || tierRank(viewerTier) >= tierRank(minTier);
}

/** The trainings a tier requires (people trained for that tier completed every one of them). */
export function requiredTrainings<R extends { kind: ResourceKind; requiredFor: Tier | null }>(
  resources: readonly R[],
  tier: Tier,
): R[] {
  return resources.filter((resource) => resource.kind === "training" && resource.requiredFor === tier);
}
