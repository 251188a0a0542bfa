import { describe, expect, it } from "vitest";
import { TIERS, type Tier } from "../../../src/domain/partners/partner-rules";
import type { ResourceKind } from "../../../src/domain/program/program-types";
import {
  canSeeResource,
  MAX_RESOURCE_TAGS,
  MAX_RESOURCE_TITLE,
  MAX_RESOURCE_URL,
  parseResourceTags,
  type ResourceDraft,
  requiredTrainings,
  validateResource,
} from "../../../src/domain/program/resources";

const draft: ResourceDraft = {
  title: "  Gold   price book 2027 ",
  url: " https://example.com/price-book.pdf ",
  kind: "Price book",
  tags: "Pricing, Gold tier; pricing",
  minTier: "Gold",
  requiredFor: null,
};

function errorsOf(input: Partial<ResourceDraft>) {
  const result = validateResource({ ...draft, ...input });
  if (result.ok) throw new Error("expected errors");
  return result.errors;
}

describe("validateResource", () => {
  it("cleans what was typed", () => {
    expect(validateResource(draft)).toEqual({
      ok: true,
      resource: {
        title: "Gold price book 2027",
        url: "https://example.com/price-book.pdf",
        kind: "price_book",
        tags: ["pricing", "gold-tier"],
        minTier: "gold",
        requiredFor: null,
      },
    });
  });

  it("defaults to visible for every partner, no tags, required for none", () => {
    const result = validateResource({ ...draft, tags: null, minTier: null, requiredFor: "" });
    expect(result.ok && result.resource).toMatchObject({ tags: [], minTier: "registered", requiredFor: null });
  });

  it("takes picked tags as a list", () => {
    const result = validateResource({ ...draft, tags: ["Onboarding", "onboarding", "Sales Play"] });
    expect(result.ok && result.resource.tags).toEqual(["onboarding", "sales-play"]);
  });

  it("lets a training be required for its visible tier or one above", () => {
    const base = { ...draft, kind: "training", minTier: "silver" };
    for (const tier of ["silver", "gold", "platinum"]) {
      const result = validateResource({ ...base, requiredFor: tier });
      expect(result.ok && result.resource.requiredFor).toBe(tier);
    }
  });

  it("refuses a required tier below the one the resource is visible from", () => {
    expect(errorsOf({ kind: "training", minTier: "gold", requiredFor: "silver" })).toEqual({
      requiredFor: { code: "tier_invalid", params: { tiers: ["gold", "platinum"] } },
    });
  });

  it("refuses requiring anything but a training", () => {
    expect(errorsOf({ kind: "deck", requiredFor: "gold" })).toEqual({
      requiredFor: { code: "resource_required_not_training" },
    });
  });

  it("refuses unknown tiers", () => {
    expect(errorsOf({ minTier: "bronze", requiredFor: "diamond", kind: "training" })).toEqual({
      minTier: { code: "tier_invalid", params: { tiers: TIERS } },
      requiredFor: { code: "tier_invalid", params: { tiers: TIERS } },
    });
  });

  it("refuses a missing or too long title", () => {
    expect(errorsOf({ title: "  " })).toEqual({ title: { code: "resource_title_missing" } });
    expect(validateResource({ ...draft, title: "t".repeat(MAX_RESOURCE_TITLE) }).ok).toBe(true);
    expect(errorsOf({ title: "t".repeat(MAX_RESOURCE_TITLE + 1) })).toEqual({
      title: { code: "resource_title_too_long", params: { max: MAX_RESOURCE_TITLE } },
    });
  });

  it.each([
    "",
    "example.com/file",
    "ftp://example.com/file",
    "javascript:alert(1)",
    "https://",
    "https://localhost/x",
    "https://exa mple.com",
    `https://example.com/${"p".repeat(MAX_RESOURCE_URL)}`,
  ])("refuses url %j", (url) => {
    expect(errorsOf({ url })).toEqual({ url: { code: "resource_url_invalid", params: { text: url } } });
  });

  it("accepts http and an url of the maximum length", () => {
    const url = `http://example.com/${"p".repeat(MAX_RESOURCE_URL - 19)}`;
    expect(url).toHaveLength(MAX_RESOURCE_URL);
    expect(validateResource({ ...draft, url }).ok).toBe(true);
  });

  it.each(["", "book", "pricebook "])("refuses kind %j, naming the kinds", (kind) => {
    expect(errorsOf({ kind })).toEqual({
      kind: {
        code: "resource_kind_invalid",
        params: { kinds: ["guide", "training", "price_book", "deck", "video", "template", "link"] },
      },
    });
  });

  it.each([
    ["training", "training"],
    ["PRICE-BOOK", "price_book"],
    [" Video ", "video"],
  ])("reads kind %j as %s", (kind, expected) => {
    const result = validateResource({ ...draft, kind });
    expect(result.ok && result.resource.kind).toBe(expected);
  });

  it("flags every problem at once", () => {
    expect(Object.keys(errorsOf({ title: "", url: "nope", kind: "x", tags: "!!!", minTier: "x" })).sort()).toEqual([
      "kind",
      "minTier",
      "tags",
      "title",
      "url",
    ]);
  });
});

describe("parseResourceTags", () => {
  it("slugs each tag once, in order, skipping blanks", () => {
    expect(parseResourceTags("Deal Reg, , deal-reg;Renewals\nQ4")).toEqual(["deal-reg", "renewals", "q4"]);
    expect(parseResourceTags(null)).toEqual([]);
  });

  it("accepts five tags and refuses a sixth, naming the extra ones", () => {
    expect(parseResourceTags("a, b, c, d, e")).toHaveLength(MAX_RESOURCE_TAGS);
    expect(parseResourceTags("a, b, c, d, e, f, g")).toEqual({
      code: "resource_tags_invalid",
      params: { text: "f, g" },
    });
  });

  it("refuses a tag without letters or one too long, naming it", () => {
    expect(parseResourceTags("ok, !!! ")).toEqual({ code: "resource_tags_invalid", params: { text: "!!!" } });
    const long = "x".repeat(31);
    expect(parseResourceTags([long])).toEqual({ code: "resource_tags_invalid", params: { text: long } });
  });
});

describe("canSeeResource", () => {
  it("shows a partner member the resources from their tier down", () => {
    const visible = (viewer: Tier) => TIERS.filter((minTier) => canSeeResource(minTier, viewer));
    expect(visible("registered")).toEqual(["registered"]);
    expect(visible("silver")).toEqual(["registered", "silver"]);
    expect(visible("gold")).toEqual(["registered", "silver", "gold"]);
    expect(visible("platinum")).toEqual(TIERS);
  });

  it("shows managers and the vendor's people everything", () => {
    for (const tier of TIERS) expect(canSeeResource(tier, "all")).toBe(true);
  });
});

describe("requiredTrainings", () => {
  const resource = (id: number, kind: ResourceKind, requiredFor: Tier | null) => ({ id, kind, requiredFor });
  const library = [
    resource(1, "training", "silver"),
    resource(2, "training", "gold"),
    resource(3, "training", null),
    resource(4, "training", "silver"),
    resource(5, "guide", "silver"),
  ];

  it("lists the trainings the tier requires", () => {
    expect(requiredTrainings(library, "silver").map((r) => r.id)).toEqual([1, 4]);
    expect(requiredTrainings(library, "gold").map((r) => r.id)).toEqual([2]);
    expect(requiredTrainings(library, "platinum")).toEqual([]);
  });
});
