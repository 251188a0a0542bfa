import { defaultDirectory } from "../../src/sandbox/fake-slack-directory";

const directory = defaultDirectory();
/** The sandbox's own Slack team: the vendor that runs the partner program. */
export const VENDOR_TEAM = directory.team;
/** Who decides registrations in the demo: the sandbox's manager persona. */
export const MANAGER = "U0MANAGER";

export interface DemoPerson {
  id: string;
  name: string;
  realName: string;
  /** Their own Slack team: the vendor's, or Acme's for Slack Connect people. */
  teamId: string;
  tz: string;
}

export interface DemoMember extends DemoPerson {
  role: "admin" | "manager" | "member";
}

export function person(id: string, name: string, realName: string, tz: string, teamId = VENDOR_TEAM.id): DemoMember {
  return { id, name, realName, tz, teamId, role: "member" };
}

/** The sandbox's personas, as the directory knows them. */
export function persona(id: string, role: DemoMember["role"] = "member"): DemoMember {
  const user = directory.users.find((entry) => entry.id === id);
  if (!user) throw new Error(`the sandbox directory has no ${id}`);
  return { id, name: user.name, realName: user.realName, tz: user.tz, teamId: user.teamId, role };
}

/** People of the vendor who run the program. */
export const DEMO_STAFF: DemoMember[] = [
  persona("U0ADMIN", "admin"),
  persona(MANAGER, "manager"),
  { ...person("U0MGRLATAM", "lucia", "Lucía Romero", "America/Sao_Paulo"), role: "manager" },
  { ...person("U0MGRAPAC", "kenji", "Kenji Watanabe", "Asia/Tokyo"), role: "manager" },
];
