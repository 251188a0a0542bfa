import { DomainError } from "../../domain/shared/domain-error";
import { isRecordId } from "./record-id";

/**
 * A practice number as typed (`12`, `#12`) or carried by a button: null when the text is not a
 * number; one out of the id range names a practice nobody can see, and is refused as such.
 */
export function typedPracticeId(text: string): number | null {
  const digits = /^#?(\d+)$/.exec(text.trim())?.[1];
  if (digits === undefined) return null;
  const id = Number(digits);
  if (!isRecordId(id)) throw new DomainError("practice_not_found", { id: digits });
  return id;
}

/** The practice id a button of this app carries; anything else is a practice that is not there. */
export function buttonPracticeId(value: string | undefined): number {
  const id = typedPracticeId(value ?? "");
  if (id === null) throw new DomainError("practice_not_found", { id: value ?? "" });
  return id;
}
