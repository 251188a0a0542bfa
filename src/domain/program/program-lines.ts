import { DomainError } from "../shared/domain-error";
import type { ProgramSection } from "../shared/error-codes";

/** A typed line with its 1-based number in the text (blank lines count, so the number matches what the admin sees). */
export interface Line {
  number: number;
  text: string;
}

export function linesOf(text: string, section: ProgramSection, max: number): Line[] {
  const lines = text
    .split(/\r\n|\r|\n/)
    .map((raw, index) => ({ number: index + 1, text: raw.replace(/\s+/g, " ").trim() }))
    .filter((line) => line.text !== "");
  if (lines.length === 0) throw new DomainError("program_list_empty", { section });
  if (lines.length > max) throw new DomainError("program_list_too_long", { section, max });
  return lines;
}

export function invalid(section: ProgramSection, line: Line, expected: string): DomainError {
  return new DomainError("program_line_invalid", { section, line: line.number, text: line.text, expected });
}
