import type { Role } from "../../domain/partners/roles";
import { type Message, plain, userMention } from "./message";

export function roleSetMessage(userId: string, role: Role, previous: Role): Message {
  if (role === previous) return plain(`${userMention(userId)} is already ${role === "admin" ? "an" : "a"} ${role}.`);
  return plain(
    `:white_check_mark: ${userMention(userId)} is now ${role === "admin" ? "an" : "a"} *${role}* (was ${previous}).`,
  );
}

export const FIRST_ADMIN_NOTICE =
  ":crown: You are the first person to use Partner Hub here, so you are its admin. Use `/hub role @someone manager` to bring in managers.";
