import { OPEN_STAGES } from "../../domain/deals/stages";
import { PIPELINE_STATUSES } from "../../domain/leaderboard/metrics";
import { dayOf } from "../../domain/shared/zoned-time";
import type { LeaderboardQuery } from "../../services/leaderboard/leaderboard-store";
import type { Dialect } from "../database";

/** An aggregate as SQL text and its bound parameters, in the dialect's placeholder style. */
export interface AggregateQuery {
  sql: string;
  params: (string | number)[];
}

/**
 * One group (partner id or Slack user id), with its name and deal count. Amounts
 * (revenue, pipeline) come packed in `slots`: `cur:bucket:n:amount` per currency and rate span,
 * joined by `;` (null for counting metrics): one entry per partner instead of one per partner,
 * currency and span (about 8x fewer for all time at 1,000,000 deals).
 */
export interface AggregateRow {
  pid: number | bigint | null;
  uid: string | null;
  name: string | null;
  member_partner: number | bigint | null;
  n: number | bigint | string;
  won: number | bigint | string | null;
  slots: string | null;
}

/**
 * Collects bound values while fragments are built in any order: each value leaves a marker, and
 * `finish` numbers the markers in the order the final text holds them (SQLite's `?` are positional;
 * a fragment used twice, such as a CASE in SELECT and GROUP BY, binds its values twice).
 */
class Params {
  private readonly values: { value: string | number; pgType: string }[] = [];
  constructor(readonly dialect: Dialect) {}

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
  const money = query.metric === "revenue" || query.metric === "pipeline";
  const partners = query.scope === "partners";
  const names = partners
    ? `JOIN "Partner" pn ON pn."id" = a.pid`
    : `LEFT JOIN "Member" m ON m."workspaceId" = ${p.int(query.workspaceId)} AND m."slackUserId" = a.uid`;
  const named = partners
    ? `pn."name" AS name, NULL AS member_partner`
    : `m."displayName" AS name, m."partnerId" AS member_partner`;
  let rows: string;
  if (!money) {
    rows = `SELECT a.pid, a.uid, ${named}, a.n, a.won, NULL AS slots FROM (${inner}) a ${names}`;
  } else {
    const slot = `a.cur || ':' || a.bucket || ':' || a.n || ':' || a.amount`;
    const slots = dialect === "sqlite" ? `group_concat(${slot}, ';')` : `string_agg(${slot}, ';')`;
    const groups = partners ? `a.pid, pn."name"` : `a.uid, m."displayName", m."partnerId"`;
    rows = `SELECT ${partners ? "a.pid, NULL AS uid" : "NULL AS pid, a.uid"}, ${named}, SUM(a.n) AS n, NULL AS won, ${slots} AS slots
              FROM (${inner}) a ${names} GROUP BY ${groups}`;
  }
  // One JSON array for the whole board: the driver and Prisma then decode one value instead of a
  // row object per group (JSON.parse is far cheaper per group than Prisma's raw-row decoding).
  const fields = `b.pid, b.uid, b.name, b.member_partner, b.n, b.won, b.slots`;
  const board =
    dialect === "sqlite"
      ? `json_group_array(json_array(${fields}))`
      : `CAST(json_agg(json_build_array(${fields})) AS TEXT)`;
  return p.finish(`SELECT ${board} AS board FROM (${rows}) b`);
}

/** The aggregate's one row: a JSON array of [pid, uid, name, member_partner, n, won, slots] (PostgreSQL: null when empty). */
export interface BoardRow {
  board: string | null;
}

/** Reads the board the aggregate packed (leaderboardSql) into one row per group. */
export function boardRows(result: readonly BoardRow[]): AggregateRow[] {
  const text = result[0]?.board;
  if (text === null || text === undefined) return [];
  return (JSON.parse(text) as unknown[][]).map(([pid, uid, name, member_partner, n, won, slots]) => ({
    pid: pid as number | null,
    uid: uid as string | null,
    name: name as string | null,
    member_partner: member_partner as number | null,
    n: n as number,
    won: won as number | null,
    slots: slots as string | null,
  }));
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
  // SQLite: `+` keeps the planner from walking the (workspaceId, partnerId, createdAt) index for the
  // GROUP BY order, a plan it picks for long periods that reads every deal's row (all time at
  // 1,000,000 deals: ~4-6 s instead of ~0.5 s on the covering closedAt index). Registrations keep it.
  const byClose = query.metric !== "registrations";
  const groupBy =
    query.scope === "partners" ? `${p.dialect === "sqlite" && byClose ? "+" : ""}d."partnerId"` : `d."createdBy"`;
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
      return `SELECT ${group}, d."currency" AS cur, ${bucket} AS bucket, COUNT(*) AS n, SUM(d."amountMinor") AS amount
                FROM "Deal" d ${join} WHERE ${where} GROUP BY ${groupBy}, 3, 4`;
    }
    case "pipeline": {
      where += ` AND d."stage" IN (${list(OPEN_STAGES)}) AND d."status" IN (${list(PIPELINE_STATUSES)})`;
      // expectedCloseOn is a calendar day stored at midnight UTC: compare it with the period's local days.
      const day = (instant: Date) => new Date(`${dayOf(instant, query.timeZone)}T00:00:00Z`);
      if (query.start !== null) {
        where += ` AND d."expectedCloseOn" >= ${p.time(day(query.start))} AND d."expectedCloseOn" < ${p.time(day(query.end))}`;
      }
      return `SELECT ${group}, d."currency" AS cur, 0 AS bucket, COUNT(*) AS n, SUM(d."amountMinor") AS amount
                FROM "Deal" d ${join} WHERE ${where} GROUP BY ${groupBy}, d."currency"`;
    }
    case "deals":
      where += ` AND d."stage" = 'won'${within(`d."closedAt"`)}`;
      return `SELECT ${group}, COUNT(*) AS n, NULL AS won
                FROM "Deal" d ${join} WHERE ${where} GROUP BY ${groupBy}`;
    case "winrate":
      where += ` AND d."stage" IN ('won', 'lost')${within(`d."closedAt"`)}`;
      return `SELECT ${group}, COUNT(*) AS n, SUM(CASE WHEN d."stage" = 'won' THEN 1 ELSE 0 END) AS won
                FROM "Deal" d ${join} WHERE ${where} GROUP BY ${groupBy}`;
    case "registrations":
      where += within(`d."createdAt"`);
      return `SELECT ${group}, COUNT(*) AS n, NULL AS won
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
    return `SELECT x.pid AS pid, NULL AS uid, COUNT(DISTINCT x.sid) AS n, NULL AS won
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
  return `SELECT NULL AS pid, r."userId" AS uid, COUNT(DISTINCT s."id") AS n, NULL AS won
            FROM "ShoutoutRecipient" r JOIN "Shoutout" s ON s."id" = r."shoutoutId" ${join}
           WHERE ${where} GROUP BY r."userId"`;
}
