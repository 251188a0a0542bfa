/** The people, channels and team a fake Slack knows. Tests and the sandbox seed it. */

export interface FakeUser {
  id: string;
  teamId: string;
  name: string;
  realName: string;
  tz: string;
  isBot?: boolean;
}

export interface FakeChannel {
  id: string;
  name: string;
  isPrivate?: boolean;
  /** Shared with another organization through Slack Connect. */
  isExtShared?: boolean;
  /** The other organizations' team ids of a Slack Connect channel (Slack's shared_team_ids, besides the host). */
  sharedWith?: string[];
  isIm?: boolean;
  /** For a DM: the person the app talks to. */
  user?: string;
}

export interface FakeTeam {
  id: string;
  name: string;
  domain: string;
  /** The Enterprise Grid organization the workspace belongs to, if any. */
  enterprise?: { id: string; name: string };
}

export interface FakeDirectory {
  team: FakeTeam;
  botUserId: string;
  botId: string;
  appId: string;
  users: FakeUser[];
  channels: FakeChannel[];
}

export function defaultDirectory(): FakeDirectory {
  return {
    team: { id: "T0VENDOR", name: "Vendor Inc", domain: "vendor" },
    botUserId: "U0PARTNERHUB",
    botId: "B0PARTNERHUB",
    appId: "A0PARTNERHUB",
    users: [
      { id: "U0ADMIN", teamId: "T0VENDOR", name: "ada", realName: "Ada Admin", tz: "Europe/Berlin" },
      { id: "U0MANAGER", teamId: "T0VENDOR", name: "max", realName: "Max Manager", tz: "America/New_York" },
      { id: "U0PARTNERA", teamId: "T0VENDOR", name: "pat", realName: "Pat Partner-A", tz: "Europe/London" },
      { id: "U0PARTNERB", teamId: "T0VENDOR", name: "bea", realName: "Bea Partner-B", tz: "Asia/Singapore" },
      { id: "U0EXTERNAL", teamId: "T0ACMEPART", name: "eli", realName: "Eli External (Acme)", tz: "America/Chicago" },
      { id: "U0PROSPECT", teamId: "T0INITECH", name: "ivy", realName: "Ivy Prospect (Initech)", tz: "America/Denver" },
    ],
    channels: [
      { id: "C0SALES", name: "sales" },
      { id: "C0APPROVALS", name: "deal-approvals" },
      { id: "C0PARTNERA", name: "partner-acme", isExtShared: true, sharedWith: ["T0ACMEPART"] },
      { id: "C0PARTNERB", name: "partner-globex" },
      // A company that is not a partner yet, talking to the vendor through Slack Connect.
      { id: "C0PROSPECT", name: "prospect-initech", isExtShared: true, sharedWith: ["T0INITECH"] },
    ],
  };
}
