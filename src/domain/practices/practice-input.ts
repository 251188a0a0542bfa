import type { Problem } from "../shared/error-codes";
import { parseTags } from "./tag-slug";

/** A practice as typed into the Share a practice modal (or prefilled from a saved message). */
export interface PracticeDraft {
  title?: string | null;
  body?: string | null;
  /** Tags picked from those already in use. */
  tags?: string[];
  /** Tags typed as new, separated by commas. */
  newTags?: string | null;
  region?: string | null;
  link?: string | null;
  /** Saved from someone else's message: the person who wrote it. */
  creditedUserId?: string | null;
  /** Permalink of the message it was saved from. */
  sourcePermalink?: string | null;
}

export interface ValidPractice {
  title: string;
  body: string;
  tags: string[];
  region: string | null;
  link: string | null;
}

export type PracticeField = "title" | "body" | "tags" | "region" | "link";
export type PracticeProblems = Partial<Record<PracticeField, Problem>>;
export type PracticeValidation = { ok: true; practice: ValidPractice } | { ok: false; problems: PracticeProblems };

export const MIN_TITLE = 3;
export const MAX_TITLE = 150;
export const MIN_BODY = 10;
export const MAX_BODY = 3000;
export const MAX_PRACTICE_REGION = 60;
export const MAX_LINK = 500;

/**
 * Checks a practice as typed. Every field is checked even after one fails, so the modal flags
 * all problems at once. Who credits whom and the permalink are not typed by the person, so they
 * are not checked here.
 */
export function validatePractice(draft: PracticeDraft): PracticeValidation {
  const problems: PracticeProblems = {};

  const title = oneLine(draft.title);
  if (title === "") problems.title = { code: "practice_title_missing" };
  else if (title.length < MIN_TITLE) problems.title = { code: "practice_title_too_short", params: { min: MIN_TITLE } };
  else if (title.length > MAX_TITLE) problems.title = { code: "practice_title_too_long", params: { max: MAX_TITLE } };

  // The practice keeps its line breaks: people write steps and short lists.
  const body = (draft.body ?? "").trim();
  if (body === "") problems.body = { code: "practice_body_missing" };
  else if (body.length < MIN_BODY) problems.body = { code: "practice_body_too_short", params: { min: MIN_BODY } };
  else if (body.length > MAX_BODY) problems.body = { code: "practice_body_too_long", params: { max: MAX_BODY } };

  const tags = parseTags(draft.tags ?? [], draft.newTags ?? null);
  if ("code" in tags) problems.tags = tags;

  const region = oneLine(draft.region) || null;
  if (region !== null && region.length > MAX_PRACTICE_REGION) {
    problems.region = { code: "region_too_long", params: { max: MAX_PRACTICE_REGION } };
  }

  const link = checkLink(oneLine(draft.link));
  if (link !== null && typeof link !== "string") problems.link = link;

  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    practice: {
      title,
      body,
      tags: "code" in tags ? [] : tags.tags,
      region,
      link: typeof link === "string" ? link : null,
    },
  };
}

/**
 * A web link in its normalized form, or what is wrong with it; null when none was given. A link
 * typed without a scheme (www.example.com/guide) is taken as https. Only http(s) is accepted, so
 * a practice cannot carry javascript:, mailto: or file links.
 */
export function checkLink(text: string): string | Problem | null {
  if (text === "") return null;
  const invalid: Problem = { code: "practice_link_invalid", params: { text } };
  // "example.com:8080" has a port, not a scheme.
  const withScheme = /^[a-z][a-z\d+.-]*:(?!\d)/i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return invalid;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return invalid;
  if (/\s/.test(text) || url.username !== "" || url.password !== "" || !url.hostname.includes(".")) return invalid;
  // The pipe and angle brackets delimit links in chat markup: encoded, a link shows as one link.
  const href = url.href.replace(/\|/g, "%7C").replace(/</g, "%3C").replace(/>/g, "%3E");
  if (href.length > MAX_LINK) return { code: "practice_link_too_long", params: { max: MAX_LINK } };
  return href;
}

function oneLine(text: string | null | undefined): string {
  return (text ?? "").replace(/\s+/g, " ").trim();
}
