import { describe, expect, it } from "vitest";
import type { Metric } from "../../../src/domain/leaderboard/metrics";
import {
  amountVisible,
  audienceFromJson,
  channelAudience,
  seesEveryAmount,
  viewerAudience,
} from "../../../src/domain/leaderboard/visibility";

const ACME = 1;
const GLOBEX = 2;

describe("who sees which leaderboard amounts", () => {
  it("shows managers and admins every amount in their own answers", () => {
    for (const role of ["manager", "admin"] as const) {
      const audience = viewerAudience({ role, partnerId: null });
      expect(audience).toEqual({ kind: "everyone" });
      expect(amountVisible(audience, "own", "revenue", GLOBEX)).toBe(true);
      expect(amountVisible(audience, "own", "pipeline", null)).toBe(true);
    }
  });

  it("shows a partner member their own partner's amounts and only the others' ranks", () => {
    const audience = viewerAudience({ role: "member", partnerId: ACME });
    expect(audience).toEqual({ kind: "partner", partnerId: ACME });
    expect(amountVisible(audience, "own", "revenue", ACME)).toBe(true);
    expect(amountVisible(audience, "own", "revenue", GLOBEX)).toBe(false);
    expect(amountVisible(audience, "own", "pipeline", GLOBEX)).toBe(false);
    expect(amountVisible(audience, "own", "revenue", null)).toBe(false);
  });

  it("shows partner members every amount when the program says all", () => {
    const audience = viewerAudience({ role: "member", partnerId: ACME });
    expect(seesEveryAmount(audience, "all")).toBe(true);
    expect(amountVisible(audience, "all", "revenue", GLOBEX)).toBe(true);
    expect(seesEveryAmount(audience, "own")).toBe(false);
  });

  it("never hides counts and win rates: they are not amounts", () => {
    const audience = viewerAudience({ role: "member", partnerId: ACME });
    for (const metric of ["deals", "winrate", "registrations", "kudos"] satisfies Metric[]) {
      expect(amountVisible(audience, "own", metric, GLOBEX)).toBe(true);
    }
  });

  it("gives a member in no partner the amounts of the partner whose channel they ask from, and none otherwise", () => {
    expect(viewerAudience({ role: "member", partnerId: null, channelPartnerId: GLOBEX })).toEqual({
      kind: "partner",
      partnerId: GLOBEX,
    });
    const none = viewerAudience({ role: "member", partnerId: null });
    expect(none).toEqual({ kind: "partner", partnerId: null });
    expect(amountVisible(none, "own", "revenue", ACME)).toBe(false);
    // Their own partner wins over the channel's.
    expect(viewerAudience({ role: "member", partnerId: ACME, channelPartnerId: GLOBEX })).toEqual({
      kind: "partner",
      partnerId: ACME,
    });
  });
});

describe("who reads a leaderboard posted to a channel", () => {
  it("shows everything when a manager posts to an internal channel", () => {
    expect(channelAudience({ posterRole: "manager", tiedPartnerId: null, shared: false })).toEqual({
      kind: "everyone",
    });
    expect(channelAudience({ posterRole: "admin", tiedPartnerId: null, shared: false })).toEqual({ kind: "everyone" });
  });

  it("follows the partner-member rule in a channel tied to a partner, with that partner as its own", () => {
    const audience = channelAudience({ posterRole: "manager", tiedPartnerId: ACME, shared: true });
    expect(audience).toEqual({ kind: "partner", partnerId: ACME });
    expect(amountVisible(audience, "own", "revenue", ACME)).toBe(true);
    expect(amountVisible(audience, "own", "revenue", GLOBEX)).toBe(false);
    expect(amountVisible(audience, "all", "revenue", GLOBEX)).toBe(true);
  });

  it("hides every partner's amounts in a channel shared with another organization but tied to none", () => {
    const audience = channelAudience({ posterRole: "admin", tiedPartnerId: null, shared: true });
    expect(audience).toEqual({ kind: "partner", partnerId: null });
    expect(amountVisible(audience, "own", "revenue", ACME)).toBe(false);
  });

  it("hides other partners' amounts in any post by a partner member, even to an internal channel", () => {
    const audience = channelAudience({ posterRole: "member", tiedPartnerId: null, shared: false });
    expect(audience).toEqual({ kind: "partner", partnerId: null });
    expect(amountVisible(audience, "own", "revenue", ACME)).toBe(false);
    expect(amountVisible(audience, "own", "deals", ACME)).toBe(true);
  });

  it("reads an audience back from an outbox subject, and anything odd as the most private one", () => {
    expect(audienceFromJson({ kind: "everyone" })).toEqual({ kind: "everyone" });
    expect(audienceFromJson({ kind: "partner", partnerId: 4 })).toEqual({ kind: "partner", partnerId: 4 });
    expect(audienceFromJson({ kind: "partner", partnerId: null })).toEqual({ kind: "partner", partnerId: null });
    expect(audienceFromJson({ kind: "all" })).toEqual({ kind: "partner", partnerId: null });
    expect(audienceFromJson(null)).toEqual({ kind: "partner", partnerId: null });
  });
});
