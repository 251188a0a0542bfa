import { normalizeDomain } from "../deals/customer";
import { oneLine } from "../deals/deal-input";
import { MAX_PARTNER_NAME } from "../partners/partner-rules";
import { isDomainError } from "../shared/domain-error";
import type { ApplicationField, Problem } from "../shared/error-codes";
import { textKey } from "../shared/text-key";

/** The application modal as submitted: every field as typed, null when left empty. */
export interface ApplicationDraft {
  company: string | null;
  website: string | null;
  regions: string | null;
  segments: string | null;
  solutions: string | null;
  teamSize: string | null;
  reference1: string | null;
  reference2: string | null;
}

/** A reference the applicant names: who, and how to reach them. */
export interface ApplicationReference {
  name: string;
  contact: string;
}

export interface ValidApplication {
  company: string;
  /** What duplicate applications and existing partners are matched on (the partner's nameKey). */
  companyKey: string;
  /** The company's web domain, normalized ("https://www.Initech.com/about" → "initech.com"). */
  website: string | null;
  regions: string;
  segments: string;
  solutions: string;
  teamSize: number;
  references: [ApplicationReference, ApplicationReference];
}

export type ApplicationProblems = Partial<Record<ApplicationField, Problem>>;

export type ApplicationValidation =
  | { ok: true; application: ValidApplication }
  | { ok: false; errors: ApplicationProblems };

/** The company becomes the partner's name on approval, so it has the partner name's limit. */
export const MAX_APPLICATION_COMPANY = MAX_PARTNER_NAME;
export const MAX_APPLICATION_REGIONS = 120;
export const MAX_APPLICATION_SEGMENTS = 120;
export const MAX_APPLICATION_SOLUTIONS = 500;
export const MAX_APPLICATION_REFERENCE = 200;
export const MIN_TEAM_SIZE = 1;
export const MAX_TEAM_SIZE = 100_000;

/**
 * Checks an application as typed into the modal. Every field is checked even after one fails, so
 * the modal flags all problems at once. Only the website is optional: a reviewer cannot judge an
 * application without the rest.
 */
export function validateApplication(draft: ApplicationDraft): ApplicationValidation {
  const errors: ApplicationProblems = {};
  const required = (field: ApplicationField, text: string, max: number): string => {
    if (text === "") errors[field] = { code: "application_field_missing", params: { field } };
    else if (text.length > max) errors[field] = { code: "application_field_too_long", params: { field, max } };
    return text;
  };

  const company = required("company", oneLine(draft.company), MAX_APPLICATION_COMPANY);
  const companyKey = textKey(company);
  // "!!!" is no name a partner could be created under.
  if (errors.company === undefined && companyKey === "") errors.company = { code: "partner_name_invalid" };

  let website: string | null = null;
  try {
    website = normalizeDomain(draft.website ?? "");
  } catch (error) {
    if (!isDomainError(error)) throw error;
    errors.website = { code: "application_website_invalid", params: { text: oneLine(draft.website) } };
  }

  const regions = required("regions", oneLine(draft.regions), MAX_APPLICATION_REGIONS);
  const segments = required("segments", oneLine(draft.segments), MAX_APPLICATION_SEGMENTS);
  // Solutions keep their line breaks: applicants list them.
  const solutions = required("solutions", (draft.solutions ?? "").trim(), MAX_APPLICATION_SOLUTIONS);

  const teamSizeText = oneLine(draft.teamSize);
  const teamSize = parseTeamSize(teamSizeText);
  if (teamSizeText === "") errors.teamSize = { code: "application_field_missing", params: { field: "teamSize" } };
  else if (teamSize === null)
    errors.teamSize = { code: "application_team_size_invalid", params: { max: MAX_TEAM_SIZE } };

  const reference1 = required("reference1", oneLine(draft.reference1), MAX_APPLICATION_REFERENCE);
  const reference2 = required("reference2", oneLine(draft.reference2), MAX_APPLICATION_REFERENCE);

  if (Object.keys(errors).length > 0 || teamSize === null) return { ok: false, errors };
  return {
    ok: true,
    application: {
      company,
      companyKey,
      website,
      regions,
      segments,
      solutions,
      teamSize,
      references: [splitReference(reference1), splitReference(reference2)],
    },
  };
}

/** A whole number of people, thousands grouped or not ("1,200", "1 200"); null when it is none or out of range. */
export function parseTeamSize(text: string): number | null {
  const compact = text.trim();
  if (!/^\d{1,3}(?:([,' ])\d{3})?$|^\d+$/.test(compact)) return null;
  const size = Number(compact.replace(/[,' ]/g, ""));
  return size >= MIN_TEAM_SIZE && size <= MAX_TEAM_SIZE ? size : null;
}

/** "Jane Doe, jane@x.com" → name before the first comma, contact after; no comma: all of it is the name. */
export function splitReference(text: string): ApplicationReference {
  const comma = text.indexOf(",");
  const name = comma === -1 ? "" : text.slice(0, comma).trim();
  // ", jane@x.com" names no one: the whole text stands as the name rather than leaving it blank.
  if (name === "") return { name: text.replace(/^,/, "").trim(), contact: "" };
  return { name, contact: text.slice(comma + 1).trim() };
}
