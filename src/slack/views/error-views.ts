import { type Message, plain } from "./message";

export function refusalMessage(reason: string): Message {
  return plain(`:no_entry_sign: ${reason}`);
}

export const DATABASE_DOWN_MESSAGE = plain(
  ":warning: Partner Hub can't reach its database right now, so nothing was changed. Please try again in a minute.",
);

export const UNEXPECTED_ERROR_MESSAGE = plain(
  ":warning: Something went wrong on our side and nothing was changed. Please try again; if it keeps happening, tell your Partner Hub admin.",
);
