import { describe, expect, it } from "vitest";
import { validateNewPartner } from "../../../src/domain/partners/partner-rules";
import {
  canAssignRoles,
  canManageProgram,
  checkRoleChange,
  requireAdmin,
  requireManager,
} from "../../../src/domain/partners/roles";
import { textKey } from "../../../src/domain/shared/text-key";
import { errorOf } from "../../support/domain-error";

describe("validateNewPartner", () => {
  it("tidies the name and defaults the tier", () => {
    expect(validateNewPartner({ name: "  Acme   Resellers " })).toEqual({
      name: "Acme Resellers",
      nameKey: "acme resellers",
      region: null,
      tier: "registered",
    });
  });

  it("accepts a region and a tier in any case", () => {
    expect(validateNewPartner({ name: "Acme", region: " North  America ", tier: "GOLD" })).toMatchObject({
      region: "North America",
      tier: "gold",
    });
  });

  it.each([
    [{ name: "   " }, "partner_name_missing"],
    [{ name: "x".repeat(81) }, "partner_name_too_long"],
    [{ name: "!!!" }, "partner_name_invalid"],
    [{ name: "Acme", region: "r".repeat(41) }, "region_too_long"],
    [{ name: "Acme", tier: "diamond" }, "tier_invalid"],
  ])("refuses %j", (input, code) => {
    expect(() => validateNewPartner(input)).toThrow(expect.objectContaining({ code }));
  });
});

describe("textKey", () => {
  it.each([
    ["Acme  GmbH", "acme gmbh"],
    ["ACMÉ GmbH.", "acme gmbh"],
    ["Ōsaka—Trading", "osaka trading"],
    ["  ", ""],
  ])("%s -> %s", (text, key) => {
    expect(textKey(text)).toBe(key);
  });
});

describe("roles", () => {
  it("lets managers and admins run the program, only admins hand out roles", () => {
    expect([canManageProgram("admin"), canManageProgram("manager"), canManageProgram("member")]).toEqual([
      true,
      true,
      false,
    ]);
    expect([canAssignRoles("admin"), canAssignRoles("manager"), canAssignRoles("member")]).toEqual([
      true,
      false,
      false,
    ]);
    expect(errorOf(() => requireManager("member", "add_partners")).problem).toEqual({
      code: "forbidden",
      params: { action: "add_partners" },
    });
    expect(errorOf(() => requireAdmin("manager", "change_roles")).params).toEqual({ action: "change_roles" });
    expect(() => requireAdmin("admin", "change_roles")).not.toThrow();
  });

  it("never leaves a workspace without an admin", () => {
    const change = {
      actorUserId: "U1",
      targetUserId: "U1",
      targetCurrentRole: "admin" as const,
      newRole: "manager" as const,
    };
    expect(errorOf(() => checkRoleChange({ ...change, adminCount: 1 })).code).toBe("last_admin");
    expect(() => checkRoleChange({ ...change, adminCount: 2 })).not.toThrow();
    expect(() => checkRoleChange({ ...change, targetCurrentRole: "member", adminCount: 1 })).not.toThrow();
  });
});
