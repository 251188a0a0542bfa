import { DomainError } from "../shared/domain-error";
import type { ProtectedAction } from "../shared/error-codes";

export const ROLES = ["admin", "manager", "member"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Managers run the program day to day; admins also hand out roles. */
export function canManageProgram(role: Role): boolean {
  return role === "admin" || role === "manager";
}

export function canAssignRoles(role: Role): boolean {
  return role === "admin";
}

export function requireManager(role: Role, action: ProtectedAction): void {
  if (!canManageProgram(role)) throw new DomainError("forbidden", { action });
}

export function requireAdmin(role: Role, action: ProtectedAction): void {
  if (!canAssignRoles(role)) throw new DomainError("forbidden", { action });
}

/** An admin may not demote themselves when they are the last admin: the program would be left without one. */
export function checkRoleChange(input: {
  actorUserId: string;
  targetUserId: string;
  newRole: Role;
  adminCount: number;
  targetCurrentRole: Role;
}): void {
  const demotesAnAdmin = input.targetCurrentRole === "admin" && input.newRole !== "admin";
  if (demotesAnAdmin && input.adminCount <= 1) {
    throw new DomainError("last_admin");
  }
}
