import type { ChecklistState, CriterionScores } from "../../src/domain/program/program-types";
import { textKey } from "../../src/domain/shared/text-key";
import type { NewApplication } from "../../src/services/program/program-store";
import type { WorkspaceRecord } from "../../src/services/records";
import type { Store } from "../../src/services/store";
import { MANAGER } from "./demo-people";
import { APPROVED_APPLICANT, DEMO_PROGRAM_CONFIG, INITECH, PROSPECT } from "./demo-program";
import { DAY_MS } from "./story";

/**
 * The demo's partner applications: Baltic Data Partners approved 24 days ago (the partner it
 * became is onboarding), Initech's waiting from a Slack Connect prospect with two criteria scored
 * and the references checked, and one declined last month with its reason.
 */

type ScoreInput = Record<string, number>;

function scores(input: ScoreInput, by: string, note: (key: string) => string | null = () => null): CriterionScores {
  return Object.fromEntries(Object.entries(input).map(([key, score]) => [key, { score, note: note(key), by }]));
}

function checks(items: readonly string[], by: string, at: Date): ChecklistState {
  return Object.fromEntries(items.map((item) => [item, { by, at: at.toISOString() }]));
}

function application(
  workspaceId: number,
  key: number,
  fields: Omit<NewApplication, "workspaceId" | "companyKey" | "idempotencyKey">,
): NewApplication {
  return { ...fields, workspaceId, companyKey: textKey(fields.company), idempotencyKey: `demo:application:${key}` };
}

const ago = (now: Date, days: number) => new Date(now.getTime() - days * DAY_MS);

/**
 * Creates the three applications; null when the first one (idempotency key demo:application:1)
 * exists already: the program's demo was added on an earlier run.
 */
export async function seedApplications(
  tx: Store,
  workspace: WorkspaceRecord,
  balticId: number,
  now: Date,
): Promise<number | null> {
  const approved = await tx.applications.create(
    application(workspace.id, 1, {
      company: APPROVED_APPLICANT,
      website: "balticdata.example",
      regions: "Latvia, Lithuania, Estonia",
      segments: "Logistics, retail, mid-market",
      solutions:
        "Data warehouse projects and BI dashboards for logistics companies; 24/7 support in Latvian and Russian.",
      teamSize: 14,
      references: [
        { name: "Jānis Ozols", contact: "CIO, Daugava Logistika, janis.ozols@daugava.example" },
        { name: "Rita Kalna", contact: "Head of BI, Rīgas Retail, rita@rigasretail.example" },
      ],
      applicantUserId: "U0BALT01",
      applicantTeamId: null,
      external: false,
      channelId: null,
      createdAt: ago(now, 33),
    }),
  );
  if (!approved) return null;
  const allScored = { reputation: 4, track_record: 4, customer_base: 3, product_fit: 5, cultural_fit: 4 };
  await tx.applications.update(approved.id, "pending", {
    scores: scores(allScored, MANAGER),
    checklist: checks(DEMO_PROGRAM_CONFIG.dueDiligence, MANAGER, ago(now, 26)),
    status: "approved",
    decidedBy: MANAGER,
    decidedAt: ago(now, 24),
    decisionReason: "Strong logistics references and a team that can support customers locally.",
    partnerId: balticId,
  });
  const initech = await createInitech(tx, workspace, now);
  const declined = await createDeclined(tx, workspace, now);
  return 1 + (initech ? 1 : 0) + (declined ? 1 : 0);
}

/** Waiting for a decision: Max scored two criteria and checked the references, the rest is for the visitor. */
async function createInitech(tx: Store, workspace: WorkspaceRecord, now: Date): Promise<boolean> {
  const created = await tx.applications.create(
    application(workspace.id, 2, {
      company: INITECH,
      website: "initech.example",
      regions: "North America",
      segments: "Enterprise, financial services",
      solutions:
        "ERP roll-outs and managed helpdesk for banks and insurers; 40 certified consultants in Austin and Denver.",
      teamSize: 180,
      references: [
        { name: "Bill Lumbergh", contact: "VP Operations, Chotchkie's Bank, bill@chotchkies.example" },
        { name: "Joanna Ruiz", contact: "CTO, Penetrode Insurance, joanna@penetrode.example" },
      ],
      applicantUserId: PROSPECT.userId,
      applicantTeamId: PROSPECT.teamId,
      external: true,
      channelId: PROSPECT.channelId,
      createdAt: ago(now, 3),
    }),
  );
  if (!created) return false;
  await tx.applications.update(created.id, "pending", {
    scores: scores({ reputation: 4, track_record: 3 }, MANAGER, (key) =>
      key === "track_record" ? "Few references in our product line yet." : null,
    ),
    checklist: checks(["References checked"], MANAGER, ago(now, 1)),
  });
  return true;
}

/** Declined last month, with the reason the applicant was told. */
async function createDeclined(tx: Store, workspace: WorkspaceRecord, now: Date): Promise<boolean> {
  const created = await tx.applications.create(
    application(workspace.id, 3, {
      company: "Vandelay Imports",
      website: "vandelay.example",
      regions: "North America",
      segments: "Importers",
      solutions: "Resells office hardware; would add our software to its catalogue.",
      teamSize: 3,
      references: [
        { name: "Art Vandelay", contact: "art@vandelay.example" },
        { name: "H. E. Pennypacker", contact: "" },
      ],
      applicantUserId: "U0MGRLATAM",
      applicantTeamId: null,
      external: false,
      channelId: null,
      createdAt: ago(now, 41),
    }),
  );
  if (!created) return false;
  await tx.applications.update(created.id, "pending", {
    scores: scores({ reputation: 2, track_record: 1, customer_base: 2, product_fit: 1, cultural_fit: 3 }, MANAGER),
    checklist: checks(["References checked"], MANAGER, ago(now, 38)),
    status: "declined",
    decidedBy: MANAGER,
    decidedAt: ago(now, 36),
    decisionReason: "No services team to implement and support our products. Happy to talk again once you have one.",
  });
  return true;
}
