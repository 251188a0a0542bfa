import { describe, expect, it } from "vitest";
import { checkTag, MAX_TAG_LENGTH, MAX_TAGS, parseTags, tagSlug } from "../../../src/domain/practices/tag-slug";

describe("tagSlug", () => {
  it.each([
    ["Pricing Objections", "pricing-objections"],
    ["pricing-objections", "pricing-objections"],
    ["  Prícing   objections! ", "pricing-objections"],
    ["Café Société", "cafe-societe"],
    ["B2B/SaaS", "b2b-saas"],
    ["#renewals", "renewals"],
    ["--edge--", "edge"],
    ["ÜBER_Größe", "uber-große"],
    ["東京 market", "東京-market"],
    ["Q4", "q4"],
  ])("%j → %j", (text, slug) => {
    expect(tagSlug(text)).toBe(slug);
  });

  it("is empty when the text has no letter or digit", () => {
    expect(tagSlug("")).toBe("");
    expect(tagSlug(" -!- ")).toBe("");
  });
});

describe("checkTag", () => {
  it("returns the slug", () => {
    expect(checkTag(" Upsell ")).toEqual({ ok: true, tag: "upsell" });
  });

  it("refuses a tag without letters or digits, naming it as typed", () => {
    expect(checkTag(" !!! ")).toEqual({ ok: false, problem: { code: "practice_tag_invalid", params: { tag: "!!!" } } });
  });

  it("accepts a slug of exactly the maximum length and refuses a longer one", () => {
    expect(checkTag("a".repeat(MAX_TAG_LENGTH))).toEqual({ ok: true, tag: "a".repeat(MAX_TAG_LENGTH) });
    const long = "b".repeat(MAX_TAG_LENGTH + 1);
    expect(checkTag(long)).toEqual({
      ok: false,
      problem: { code: "practice_tag_too_long", params: { tag: long, max: MAX_TAG_LENGTH } },
    });
  });

  it("measures the slug, not the typed text", () => {
    expect(checkTag(`  ${"c".repeat(MAX_TAG_LENGTH)}!!!  `)).toEqual({ ok: true, tag: "c".repeat(MAX_TAG_LENGTH) });
  });
});

describe("parseTags", () => {
  it("joins picked and typed tags as slugs, in order, each once", () => {
    expect(parseTags(["pricing", "emea"], "Pricing, New Logos; upsell\nEMEA")).toEqual({
      tags: ["pricing", "emea", "new-logos", "upsell"],
    });
  });

  it("has no tags when none are given", () => {
    expect(parseTags([], null)).toEqual({ tags: [] });
    expect(parseTags([], " , ;\n ")).toEqual({ tags: [] });
  });

  it("allows the maximum number of tags and refuses one more", () => {
    const ten = Array.from({ length: MAX_TAGS }, (_, index) => `tag${index}`);
    expect(parseTags(ten, null)).toEqual({ tags: ten });
    expect(parseTags(ten, "one-more")).toEqual({ code: "practice_too_many_tags", params: { max: MAX_TAGS } });
  });

  it("counts tags after merging repeats", () => {
    const ten = Array.from({ length: MAX_TAGS }, (_, index) => `tag${index}`);
    expect(parseTags(ten, ten.map((tag) => tag.toUpperCase()).join(", "))).toEqual({ tags: ten });
  });

  it("reports the first bad tag", () => {
    expect(parseTags(["ok"], "fine, ???, also bad !!")).toEqual({
      code: "practice_tag_invalid",
      params: { tag: "???" },
    });
  });
});
