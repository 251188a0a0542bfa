import { DomainError } from "../../domain/shared/domain-error";
import { parseArgs, type Token, tokenize } from "./command-text";
import { isRecordId } from "./record-id";

export const SHOUTOUT_USAGE =
  'Usage: `/shoutout @someone [@another] [partner:"Acme"] <why> [#value] [award:"Partner of the month"]`';

/** A typed `/shoutout`, sorted into what the service takes. */
export interface TypedShoutout {
  userIds: string[];
  partnerName: string | null;
  message: string;
  /** The trailing `#value` as typed, matched against the program's values by the caller. */
  hashtag: string | null;
  award: string | null;
}

/** A channel typed into the why reads as its name: the post escapes the text, so a link would show raw. */
function messageWord(token: Token): string | null {
  if (token.kind === "word") return token.value;
  if (token.kind === "channel") return `#${token.label ?? token.id}`;
  return null;
}

/**
 * `/shoutout @a @b partner:"Acme" thanks for the demo #win-together award:"MVP"`: people are the
 * mentions, the why is the rest in order, and a last word starting with `#` names the value.
 */
export function parseShoutoutText(text: string): TypedShoutout {
  const tokens = tokenize(text.trim());
  const args = parseArgs(tokens, ["partner", "award"]);
  const words = tokens.flatMap((token) => {
    if (token.kind === "option" && ["partner", "award"].includes(token.key)) return [];
    const word = messageWord(token);
    return word === null ? [] : [word];
  });
  const last = words.at(-1);
  const hashtag = last?.startsWith("#") && last.length > 1 ? last.slice(1) : null;
  if (hashtag !== null) words.pop();
  const userIds = [...new Set(args.users.map((user) => user.id))];
  const partnerName = args.options.partner || null;
  if (userIds.length === 0 && partnerName === null)
    throw new DomainError("usage", { text: `Mention who you want to recognize. ${SHOUTOUT_USAGE}` });
  return { userIds, partnerName, message: words.join(" ").trim(), hashtag, award: args.options.award || null };
}

const valueKey = (value: string) => value.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");

/** `#ownit`, `#own-it` and `#Own_It` all name “Own it”; an unknown one is passed on for the service to refuse. */
export function matchValue(hashtag: string | null, values: readonly string[]): string | null {
  if (hashtag === null) return null;
  return values.find((value) => valueKey(value) === valueKey(hashtag)) ?? hashtag;
}

/** The shout-out id a +1 button of this app carries; anything else is a shout-out that is not there. */
export function buttonShoutoutId(value: string | undefined): number {
  const id = Number(/^(\d+)$/.exec(value ?? "")?.[1] ?? Number.NaN);
  if (!isRecordId(id)) throw new DomainError("shoutout_not_found", { id: 0 });
  return id;
}
