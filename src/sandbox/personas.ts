/**
 * The people a newcomer can act as in the sandbox, and the channels each of them is in. Slack
 * decides what a person sees before Partner Hub decides what they may do, so partner people only
 * see their partner's channel and the Slack Connect guest only the channel shared with Acme.
 */
export interface Persona {
  userId: string;
  /** What this person stands for in the demo, shown under their name in the switcher. */
  about: string;
  /** The channels they are in; every channel when left out. */
  channels?: string[];
}

export const PERSONAS: Persona[] = [
  { userId: "U0ADMIN", about: "Runs Partner Hub for the vendor (listed in HUB_ADMINS)." },
  { userId: "U0MANAGER", about: "Partner manager at the vendor: adds partners, approves deals." },
  {
    userId: "U0PARTNERA",
    about: "Sales rep at partner A (Acme), a guest in #partner-acme.",
    channels: ["C0PARTNERA"],
  },
  {
    userId: "U0PARTNERB",
    about: "Sales rep at partner B (Globex), a guest in #partner-globex (shared with Globex through Slack Connect).",
    channels: ["C0PARTNERB"],
  },
  {
    userId: "U0EXTERNAL",
    about: "Works at Acme in Acme's own Slack; reaches #partner-acme through Slack Connect.",
    channels: ["C0PARTNERA"],
  },
  {
    userId: "U0PROSPECT",
    about: "Works at Initech, applying through Slack Connect in #prospect-initech to become a partner.",
    channels: ["C0PROSPECT"],
  },
];

export function persona(userId: string): Persona | undefined {
  return PERSONAS.find((entry) => entry.userId === userId);
}

/** Whether `userId` is in `channelId` (DMs: only their own DM with the app). */
export function canSeeChannel(userId: string, channelId: string, dmOf: (userId: string) => string): boolean {
  if (channelId.startsWith("D")) return dmOf(userId) === channelId;
  const channels = persona(userId)?.channels;
  return channels === undefined || channels.includes(channelId);
}
