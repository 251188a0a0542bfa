import { OPEN_STAGES } from "../../domain/deals/stages";
import { PIPELINE_STATUSES } from "../../domain/leaderboard/metrics";
import { dayOf } from "../../domain/leaderboard/zoned-time";
import type { LeaderboardQuery } from "../../services/leaderboard/leaderboard-store";
import type { Dialect } from "../database";

/** An aggregate as SQL text and its bound parameters, in the dialect's placeholder style. */
export interface AggregateQuery {
  sql: string;
  params: (string | number)[];
}

/**
 * One result row: the group (partner id or Slack user id), with its name, and per currency and
 * rate span (bucket) the deal count and amount. Counting metrics leave currency and bucket empty.
 */
export interface AggregateRow {
  pid: number | bigint | null;
  uid: string | null;
  name: string | null;
  member_partner: number | bigint | null;
  cur: string | null;
  bucket: number | bigint | null;
  n: number | bigint | string;
  won: number | bigint | string | null;
  amount: number | bigint | string | null;
}

/**
 * Collects bound values while fragments are built in any order: each value leaves a marker, and
 * `finish` numbers the markers in the order the final text holds them (SQLite's `?` are positional;
 * a fragment used twice, such as a CASE in SELECT and GROUP BY, binds its values twice).
 */
class Params {
  private readonly values: { value: string | number; pgType: string }[] = [];
  constructor(private readonly dialect: Dialect) {}

  private add(value: string | number, pgType: string): string {
    this.values.push({ value, pgType });
    return `\uE000${this.values.length - 1}\uE000`;
  }
  finish(text: string): AggregateQuery {
    const params: (string | number)[] = [];
    const sql = text.replace(/\uE000(\d+)\uE000/g, (_, index: string) => {
      const { value, pgType } = this.values[Number(index)] as { value: string | number; pgType: string };
      params.push(value);
      return this.dialect === "sqlite" ? "?" : `$${params.length}::${pgType}`;
    });
    return { sql, params };
  }
  int(value: number): string {
    return this.add(value, "int");
  }
  text(value: string): string {
    return this.add(value, "text");
  }
  /** Written as each dialect stores DateTime: SQLite as the adapter's ISO text, PostgreSQL as timestamp(3) in UTC. */
  time(value: Date): string {
    const iso = value.toISOString();
    return this.dialect === "sqlite"
      ? this.add(iso.replace("Z", "+00:00"), "text")
      : this.add(iso.slice(0, 23).replace("T", " "), "timestamp");
  }
}

const list = (values: readonly string[]) => values.map((value) => `'${value}'`).join(", ");

/**
 * The aggregate behind one leaderboard: grouped in the database, one row per group (and per
 * currency and rate span for amounts), joined to the names afterwards. `changes` are the instants
 * inside the period where each currency's rate changes (RateBook.changesWithin): amounts are summed per span so
 * each converts at the rate of its own day.
 */
export function leaderboardSql(
  dialect: Dialect,
  query: LeaderboardQuery,
  changes: ReadonlyMap<string, readonly Date[]>,
): AggregateQuery {
  const p = new Params(dialect);
  const inner = query.metric === "kudos" ? kudosSql(p, query) : dealSql(p, query, changes);
  const sql =
    query.scope === "partners"
      ? `SELECT a.*, pn."name" AS name, NULL AS member_partner FROM (${inner}) a JOIN "Partner" pn ON pn."id" = a.pid`
      : `SELECT a.*, m."displayName" AS name, m."partnerId" AS member_partner FROM (${inner}) a
           LEFT JOIN "Member" m ON m."workspaceId" = ${p.int(query.workspaceId)} AND m."slackUserId" = a.uid`;
  return p.finish(sql);
}

/** Conditions on the partner a filter names; empty when none is given. */
function partnerFilter(p: Params, query: LeaderboardQuery, alias: string): string {
  let where = "";
  if (query.region !== undefined) where += ` AND LOWER(${alias}."region") = LOWER(${p.text(query.region)})`;
  if (query.tier !== undefined) where += ` AND LOWER(${alias}."tier") = LOWER(${p.text(query.tier)})`;
  return where;
}

function dealSql(p: Params, query: LeaderboardQuery, changes: ReadonlyMap<string, readonly Date[]>): string {
  const group = query.scope === "partners" ? `d."partnerId" AS pid, NULL AS uid` : `NULL AS pid, d."createdBy" AS uid`;
  const groupBy = query.scope === "partners" ? `d."partnerId"` : `d."createdBy"`;
  const filtered = query.region !== undefined || query.tier !== undefined;
  const join = filtered ? `JOIN "Partner" fp ON fp."id" = d."partnerId"${partnerFilter(p, query, "fp")}` : "";
  let where = `d."workspaceId" = ${p.int(query.workspaceId)}`;
  if (query.partnerId !== undefined) where += ` AND d."partnerId" = ${p.int(query.partnerId)}`;
  const within = (column: string) =>
    `${query.start === null ? "" : ` AND ${column} >= ${p.time(query.start)}`} AND ${column} < ${p.time(query.end)}`;

  switch (query.metric) {
    case "revenue": {
      where += ` AND d."stage" = 'won'${within(`d."closedAt"`)}`;
      // Only currencies whose rate changes inside the period are split into spans.
      const spans = [...changes].map(
        ([currency, at]) =>
          `WHEN ${p.text(currency)} THEN CASE ${at.map((instant, k) => `WHEN d."closedAt" < ${p.time(instant)} THEN ${k}`).join(" ")} ELSE ${at.length} END`,
      );
      const bucket = spans.length === 0 ? "0" : `CASE d."currency" ${spans.join(" ")} ELSE 0 END`;
      return `SELECT ${group}, d."currency" AS cur, ${bucket} AS bucket, COUNT(*) AS n, NULL AS won, SUM(d."amountMinor") AS amount
                FROM "Deal" d ${join} WHERE ${where} GROUP BY ${groupBy}, 3, 4`;
    }
    case "pipeline": {
      where += ` AND d."stage" IN (${list(OPEN_STAGES)}) AND d."status" IN (${list(PIPELINE_STATUSES)})`;
      // expectedCloseOn is a calendar day stored at midnight UTC: compare it with the period's local days.
      const day = (instant: Date) => new Date(`${dayOf(instant, query.timeZone)}T00:00:00Z`);
      if (query.start !== null) {
        where += ` AND d."expectedCloseOn" >= ${p.time(day(query.start))} AND d."expectedCloseOn" < ${p.time(day(query.end))}`;
      }
      return `SELECT ${group}, d."currency" AS cur, 0 AS bucket, COUNT(*) AS n, NULL AS won, SUM(d."amountMinor") AS amount
                FROM "Deal" d ${join} WHERE ${where} GROUP BY ${groupBy}, d."currency"`;
    }
    case "deals":
      where += ` AND d."stage" = 'won'${within(`d."closedAt"`)}`;
      return `SELECT ${group}, NULL AS cur, 0 AS bucket, COUNT(*) AS n, NULL AS won, NULL AS amount
                FROM "Deal" d ${join} WHERE ${where} GROUP BY ${groupBy}`;
    case "winrate":
      where += ` AND d."stage" IN ('won', 'lost')${within(`d."closedAt"`)}`;
      return `SELECT ${group}, NULL AS cur, 0 AS bucket, COUNT(*) AS n,
                     SUM(CASE WHEN d."stage" = 'won' THEN 1 ELSE 0 END) AS won, NULL AS amount
                FROM "Deal" d ${join} WHERE ${where} GROUP BY ${groupBy}`;
    case "registrations":
      where += within(`d."createdAt"`);
      return `SELECT ${group}, NULL AS cur, 0 AS bucket, COUNT(*) AS n, NULL AS won, NULL AS amount
                FROM "Deal" d ${join} WHERE ${where} GROUP BY ${groupBy}`;
    case "kudos":
      throw new Error("kudos is not a deal metric");
  }
}

/**
 * Shout-outs received. A partner counts each shout-out to itself or to any of its people once;
 * a person counts the shout-outs naming them. Filters and partnerId apply to the recipient's partner.
 */
function kudosSql(p: Params, query: LeaderboardQuery): string {
  const shoutouts = () => {
    let where = `s."workspaceId" = ${p.int(query.workspaceId)}`;
    if (query.start !== null) where += ` AND s."createdAt" >= ${p.time(query.start)}`;
    return `${where} AND s."createdAt" < ${p.time(query.end)}`;
  };
  const filtered = query.region !== undefined || query.tier !== undefined;
  if (query.scope === "partners") {
    let outer = "";
    if (query.partnerId !== undefined) outer += ` AND x.pid = ${p.int(query.partnerId)}`;
    const join = filtered ? `JOIN "Partner" fp ON fp."id" = x.pid${partnerFilter(p, query, "fp")}` : "";
    return `SELECT x.pid AS pid, NULL AS uid, NULL AS cur, 0 AS bucket, COUNT(DISTINCT x.sid) AS n, NULL AS won, NULL AS amount
              FROM (SELECT r."partnerId" AS pid, s."id" AS sid
                      FROM "ShoutoutRecipient" r JOIN "Shoutout" s ON s."id" = r."shoutoutId"
                     WHERE ${shoutouts()} AND r."partnerId" IS NOT NULL
                    UNION ALL
                    SELECT m."partnerId" AS pid, s."id" AS sid
                      FROM "ShoutoutRecipient" r JOIN "Shoutout" s ON s."id" = r."shoutoutId"
                      JOIN "Member" m ON m."workspaceId" = s."workspaceId" AND m."slackUserId" = r."userId"
                     WHERE ${shoutouts()} AND m."partnerId" IS NOT NULL) x
              ${join} WHERE 1 = 1${outer} GROUP BY x.pid`;
  }
  const needsPartner = filtered || query.partnerId !== undefined;
  let join = "";
  if (needsPartner) {
    join = `JOIN "Member" rm ON rm."workspaceId" = s."workspaceId" AND rm."slackUserId" = r."userId"`;
    if (filtered) join += ` JOIN "Partner" fp ON fp."id" = rm."partnerId"${partnerFilter(p, query, "fp")}`;
  }
  let where = `${shoutouts()} AND r."userId" IS NOT NULL`;
  if (query.partnerId !== undefined) where += ` AND rm."partnerId" = ${p.int(query.partnerId)}`;
  return `SELECT NULL AS pid, r."userId" AS uid, NULL AS cur, 0 AS bucket, COUNT(DISTINCT s."id") AS n, NULL AS won, NULL AS amount
            FROM "ShoutoutRecipient" r JOIN "Shoutout" s ON s."id" = r."shoutoutId" ${join}
           WHERE ${where} GROUP BY r."userId"`;
}
