import { describe, expect, it } from "vitest";
import {
  checkLink,
  MAX_BODY,
  MAX_LINK,
  MAX_PRACTICE_REGION,
  MAX_TITLE,
  MIN_BODY,
  MIN_TITLE,
  type PracticeDraft,
  type PracticeProblems,
  validatePractice,
} from "../../../src/domain/practices/practice-input";

const VALID: PracticeDraft = {
  title: "  Answer the pricing objection   with a pilot  ",
  body: "  Offer a 30-day pilot.\n\nThen show the ROI sheet.  ",
  tags: ["pricing"],
  newTags: "Pricing Objections, Pilot",
  region: "  DACH ",
  link: "https://example.com/guide",
};

function problemsOf(draft: PracticeDraft): PracticeProblems {
  const result = validatePractice(draft);
  if (result.ok) throw new Error(`expected problems, got ${JSON.stringify(result.practice)}`);
  return result.problems;
}

function practiceOf(draft: PracticeDraft) {
  const result = validatePractice(draft);
  if (!result.ok) throw new Error(`expected a practice, got ${JSON.stringify(result.problems)}`);
  return result.practice;
}

describe("validatePractice with valid input", () => {
  it("returns the cleaned practice: trimmed, one-line title, body keeps its line breaks, tags as slugs", () => {
    expect(validatePractice(VALID)).toEqual({
      ok: true,
      practice: {
        title: "Answer the pricing objection with a pilot",
        body: "Offer a 30-day pilot.\n\nThen show the ROI sheet.",
        tags: ["pricing", "pricing-objections", "pilot"],
        region: "DACH",
        link: "https://example.com/guide",
      },
    });
  });

  it("needs only a title and a body; empty optional fields become null", () => {
    expect(practiceOf({ title: "Pilot first", body: "Offer a pilot before a discount." })).toEqual({
      title: "Pilot first",
      body: "Offer a pilot before a discount.",
      tags: [],
      region: null,
      link: null,
    });
    expect(practiceOf({ ...VALID, tags: [], newTags: "  ", region: "   ", link: " " })).toMatchObject({
      tags: [],
      region: null,
      link: null,
    });
  });

  it("ignores who is credited and the permalink: they are not typed", () => {
    expect(practiceOf({ ...VALID, creditedUserId: "U1", sourcePermalink: "not checked" })).not.toHaveProperty(
      "creditedUserId",
    );
  });

  it("accepts the limits exactly", () => {
    const practice = practiceOf({
      title: "t".repeat(MAX_TITLE),
      body: "b".repeat(MAX_BODY),
      region: "r".repeat(MAX_PRACTICE_REGION),
    });
    expect(practice.title).toHaveLength(MAX_TITLE);
    expect(practice.body).toHaveLength(MAX_BODY);
    expect(practiceOf({ title: "abc", body: "b".repeat(MIN_BODY) }).title).toBe("abc");
  });

  it("keeps Slack-looking text as typed: escaping is the Slack layer's job", () => {
    expect(practiceOf({ title: "<!channel> & <@U1>", body: "Say <b>hi</b> & wave > all" })).toMatchObject({
      title: "<!channel> & <@U1>",
      body: "Say <b>hi</b> & wave > all",
    });
  });
});

describe("validatePractice with problems", () => {
  it("reports every field at once", () => {
    expect(
      problemsOf({ title: "", body: "short", newTags: "???", region: "r".repeat(61), link: "ftp://x.com" }),
    ).toEqual({
      title: { code: "practice_title_missing" },
      body: { code: "practice_body_too_short", params: { min: MIN_BODY } },
      tags: { code: "practice_tag_invalid", params: { tag: "???" } },
      region: { code: "region_too_long", params: { max: MAX_PRACTICE_REGION } },
      link: { code: "practice_link_invalid", params: { text: "ftp://x.com" } },
    });
  });

  it("treats a missing draft field as empty", () => {
    expect(problemsOf({})).toEqual({
      title: { code: "practice_title_missing" },
      body: { code: "practice_body_missing" },
    });
    expect(problemsOf({ title: null, body: "   \n " })).toEqual({
      title: { code: "practice_title_missing" },
      body: { code: "practice_body_missing" },
    });
  });

  it("checks the title's length after trimming", () => {
    expect(problemsOf({ ...VALID, title: "  ab  " }).title).toEqual({
      code: "practice_title_too_short",
      params: { min: MIN_TITLE },
    });
    expect(problemsOf({ ...VALID, title: "t".repeat(MAX_TITLE + 1) }).title).toEqual({
      code: "practice_title_too_long",
      params: { max: MAX_TITLE },
    });
  });

  it("checks the body's length", () => {
    expect(problemsOf({ ...VALID, body: "b".repeat(MIN_BODY - 1) }).body).toEqual({
      code: "practice_body_too_short",
      params: { min: MIN_BODY },
    });
    expect(problemsOf({ ...VALID, body: "b".repeat(MAX_BODY + 1) }).body).toEqual({
      code: "practice_body_too_long",
      params: { max: MAX_BODY },
    });
  });

  it("refuses more than ten tags", () => {
    expect(problemsOf({ ...VALID, tags: [], newTags: "a1,a2,a3,a4,a5,a6,a7,a8,a9,a10,a11" }).tags).toEqual({
      code: "practice_too_many_tags",
      params: { max: 10 },
    });
  });

  it("refuses a tag that is too long", () => {
    const long = "x".repeat(31);
    expect(problemsOf({ ...VALID, newTags: long }).tags).toEqual({
      code: "practice_tag_too_long",
      params: { tag: long, max: 30 },
    });
  });
});

describe("checkLink", () => {
  it.each([
    ["https://example.com/guide?x=1#top", "https://example.com/guide?x=1#top"],
    ["http://example.com", "http://example.com/"],
    ["HTTPS://Example.COM/Path", "https://example.com/Path"],
    ["www.example.com/guide", "https://www.example.com/guide"],
    ["example.com:8080/x", "https://example.com:8080/x"],
    ["https://docs.example.com/a|b<c>", "https://docs.example.com/a%7Cb%3Cc%3E"],
  ])("accepts %j as %j", (text, href) => {
    expect(checkLink(text)).toBe(href);
  });

  it("is null when no link is given", () => {
    expect(checkLink("")).toBeNull();
  });

  it.each([
    "javascript:alert(1)",
    "mailto:someone@example.com",
    "ftp://example.com/file",
    "file:///etc/passwd",
    "https://",
    "not a link",
    "https://exa mple.com",
    "localhost",
    "https://user:secret@example.com",
  ])("refuses %j", (text) => {
    expect(checkLink(text)).toEqual({ code: "practice_link_invalid", params: { text } });
  });

  it("refuses a link over the maximum length and accepts one at it", () => {
    const base = "https://example.com/";
    expect(checkLink(`${base}${"p".repeat(MAX_LINK - base.length)}`)).toHaveLength(MAX_LINK);
    expect(checkLink(`${base}${"p".repeat(MAX_LINK - base.length + 1)}`)).toEqual({
      code: "practice_link_too_long",
      params: { max: MAX_LINK },
    });
  });
});
