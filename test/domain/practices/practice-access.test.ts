import { describe, expect, it } from "vitest";
import type { Role } from "../../../src/domain/partners/roles";
import { canChangePractice, requireChangeable } from "../../../src/domain/practices/practice-access";
import { DomainError } from "../../../src/domain/shared/domain-error";

const practice = { authorId: "U_AUTHOR" };

describe("who may change a practice", () => {
  it.each<[string, Role, boolean]>([
    ["U_AUTHOR", "member", true],
    ["U_AUTHOR", "manager", true],
    ["U_OTHER", "member", false],
    ["U_OTHER", "manager", true],
    ["U_OTHER", "admin", true],
  ])("%s as %s: %s", (userId, role, allowed) => {
    expect(canChangePractice({ userId, role }, practice)).toBe(allowed);
    if (allowed) expect(() => requireChangeable({ userId, role }, practice)).not.toThrow();
    else expect(() => requireChangeable({ userId, role }, practice)).toThrow(new DomainError("practice_not_yours"));
  });
});
