import { canManageProgram, type Role } from "../partners/roles";
import { DomainError } from "../shared/domain-error";

/** Who is looking at a practice. */
export interface PracticeViewer {
  userId: string;
  role: Role;
}

/** The person who shared a practice may change or delete it; managers and admins keep the library tidy. */
export function canChangePractice(viewer: PracticeViewer, practice: { authorId: string }): boolean {
  return practice.authorId === viewer.userId || canManageProgram(viewer.role);
}

export function requireChangeable(viewer: PracticeViewer, practice: { authorId: string }): void {
  if (!canChangePractice(viewer, practice)) throw new DomainError("practice_not_yours");
}
