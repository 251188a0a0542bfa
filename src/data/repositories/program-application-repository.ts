import type { ApplicationReference } from "../../domain/program/application-input";
import {
  APPLICATION_STATUSES,
  type ApplicationStatus,
  type ChecklistState,
  type CriterionScores,
} from "../../domain/program/program-types";
import type {
  ApplicationPatch,
  ApplicationRecord,
  ApplicationRepository,
  NewApplication,
} from "../../services/program/program-store";
import { type DbClient, isUniqueViolation } from "../db-client";
import type { Prisma } from "../generated/sqlite/client";
import { finiteNumber, isRecord, parseJson, recordEntries, stringOrNull } from "./program-json";

type Row = Prisma.PartnerApplicationGetPayload<object>;

const NEWEST: Prisma.PartnerApplicationOrderByWithRelationInput[] = [{ createdAt: "desc" }, { id: "desc" }];

function references(json: string): ApplicationReference[] {
  const parsed = parseJson(json);
  if (!Array.isArray(parsed)) return [];
  return parsed.flatMap((entry: unknown) => {
    if (!isRecord(entry) || typeof entry.name !== "string") return [];
    return [{ name: entry.name, contact: stringOrNull(entry.contact) ?? "" }];
  });
}

function scores(json: string): CriterionScores {
  return recordEntries(json, (value) => {
    const score = finiteNumber(value.score);
    const by = stringOrNull(value.by);
    return score === null || by === null ? null : { score, note: stringOrNull(value.note), by };
  });
}

function checklist(json: string): ChecklistState {
  return recordEntries(json, (value) => {
    const by = stringOrNull(value.by);
    const at = stringOrNull(value.at);
    return by === null || at === null ? null : { by, at };
  });
}

function toRecord(row: Row): ApplicationRecord {
  const { idempotencyKey: _key, ...rest } = row;
  return {
    ...rest,
    references: references(row.references),
    // An unknown status reads as pending: it stays in front of managers rather than vanishing.
    status: (APPLICATION_STATUSES as readonly string[]).includes(row.status)
      ? (row.status as ApplicationStatus)
      : "pending",
    scores: scores(row.scores),
    checklist: checklist(row.checklist),
  };
}

function encodePatch(patch: ApplicationPatch): Prisma.PartnerApplicationUpdateManyMutationInput {
  const { scores: scored, checklist: checked, ...rest } = patch;
  return {
    ...rest,
    ...(scored && { scores: JSON.stringify(scored) }),
    ...(checked && { checklist: JSON.stringify(checked) }),
  };
}

export class PrismaApplicationRepository implements ApplicationRepository {
  constructor(private readonly db: DbClient) {}

  async create(application: NewApplication): Promise<ApplicationRecord | null> {
    // Checked first: on PostgreSQL a unique violation would abort the caller's whole transaction.
    const taken = await this.db.partnerApplication.findUnique({
      where: { idempotencyKey: application.idempotencyKey },
      select: { id: true },
    });
    if (taken) return null;
    try {
      const row = await this.db.partnerApplication.create({
        data: { ...application, references: JSON.stringify(application.references) },
      });
      return toRecord(row);
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  async findById(workspaceId: number, id: number): Promise<ApplicationRecord | null> {
    const row = await this.db.partnerApplication.findFirst({ where: { id, workspaceId } });
    return row && toRecord(row);
  }

  async findPendingByKey(workspaceId: number, companyKey: string): Promise<ApplicationRecord | null> {
    const row = await this.db.partnerApplication.findFirst({
      where: { workspaceId, companyKey, status: "pending" },
      orderBy: { id: "asc" },
    });
    return row && toRecord(row);
  }

  async list(workspaceId: number, filter: { status?: ApplicationStatus; limit: number }): Promise<ApplicationRecord[]> {
    const rows = await this.db.partnerApplication.findMany({
      where: { workspaceId, ...(filter.status && { status: filter.status }) },
      orderBy: NEWEST,
      take: filter.limit,
    });
    return rows.map(toRecord);
  }

  async update(
    id: number,
    expectedStatus: ApplicationStatus,
    patch: ApplicationPatch,
  ): Promise<ApplicationRecord | null> {
    // Conditional on the status: of two managers deciding at once, the second changes nothing.
    const { count } = await this.db.partnerApplication.updateMany({
      where: { id, status: expectedStatus },
      data: encodePatch(patch),
    });
    if (count === 0) return null;
    const row = await this.db.partnerApplication.findUnique({ where: { id } });
    return row && toRecord(row);
  }
}
