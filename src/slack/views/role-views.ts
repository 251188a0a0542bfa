import type { Role } from "../../domain/partners/roles";
import { md } from "./block-kit";
import { type Message, notice, userMention } from "./message";

export function roleSetMessage(userId: string, role: Role, previous: Role): Message {
  const article = role === "admin" ? "an" : "a";
  if (role === previous) return notice(md`${userMention(userId)} is already ${article} ${role}.`);
  return notice(md`:white_check_mark: ${userMention(userId)} is now ${article} *${role}* (was ${previous}).`);
}

export const FIRST_ADMIN_NOTICE =
  ":crown: You are the first person to use Partner Hub here, so you are its admin. Use `/hub role @someone manager` to bring in managers.";
