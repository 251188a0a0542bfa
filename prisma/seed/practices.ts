import type { PracticeRepository } from "../../src/services/practices/practice-store";
import { DEMO_PARTNERS } from "./demo-partners";
import { DEMO_STAFF, VENDOR_TEAM } from "./demo-people";
import { DEMO_PRACTICES, type DemoPractice } from "./demo-practices";

/** Everyone in the demo network, in a fixed order: who votes is picked from them. */
const VOTERS = [...DEMO_STAFF, ...DEMO_PARTNERS.flatMap((partner) => partner.members)].map((person) => person.id);

/** The link Slack gives a message, as the sandbox's chat.getPermalink builds it. */
function permalink(channel: string, ts: string): string {
  return `https://${VENDOR_TEAM.domain}.slack.com/archives/${channel}/p${ts.replace(".", "")}`;
}

/** `votes` people other than the author and the credited writer, spread differently per practice. */
function demoVoters(practice: DemoPractice, n: number): string[] {
  const excluded = new Set([practice.author, practice.credited?.user]);
  const voters: string[] = [];
  for (let step = 0; step < VOTERS.length && voters.length < practice.votes; step++) {
    const id = VOTERS[(n * 7 + step) % VOTERS.length] as string;
    if (!excluded.has(id)) voters.push(id);
  }
  return voters;
}

/**
 * Creates the demo practices that are missing (idempotency key demo:practice:<n>) with their votes.
 * Votes are cast only on a practice created now: a vote toggles, so casting them again would undo them.
 */
/** The demo practices were shared over the past months, newest first in the list: two days apart. */
const DAYS_APART = 2;

export async function seedPractices(practices: PracticeRepository, workspaceId: number, now: Date): Promise<number> {
  let created = 0;
  for (const [index, demo] of DEMO_PRACTICES.entries()) {
    const n = index + 1;
    const practice = await practices.create({
      workspaceId,
      authorId: demo.author,
      creditedUserId: demo.credited?.user ?? null,
      title: demo.title,
      body: demo.body,
      tags: demo.tags,
      region: demo.region,
      link: demo.link ?? null,
      sourcePermalink: demo.credited ? permalink(demo.credited.channel, demo.credited.ts) : null,
      channelId: demo.channel ?? null,
      idempotencyKey: `demo:practice:${n}`,
      createdAt: new Date(now.getTime() - (index * DAYS_APART * 24 + 3) * 3_600_000),
    });
    if (!practice) continue;
    for (const voter of demoVoters(demo, n)) await practices.toggleVote(practice.id, voter);
    created++;
  }
  return created;
}
