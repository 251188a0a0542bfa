import { mentionSafe, trusted } from "./block-kit";
import { type Message, notice } from "./message";

/** A refusal names what the person typed (a partner, a currency): no mention or link in it may fire. */
export function refusalMessage(reason: string): Message {
  return notice(mentionSafe(`:no_entry_sign: ${reason}`));
}

export const DATABASE_DOWN_MESSAGE = notice(
  trusted(
    ":warning: Partner Hub can't reach its database right now, so nothing was changed. Please try again in a minute.",
  ),
);

export const UNEXPECTED_ERROR_MESSAGE = notice(
  trusted(
    ":warning: Something went wrong on our side and nothing was changed. Please try again; if it keeps happening, tell your Partner Hub admin.",
  ),
);
