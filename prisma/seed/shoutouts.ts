import type { ShoutoutRepository } from "../../src/services/recognition/recognition-store";
import { DEMO_PARTNERS } from "./demo-partners";
import { DEMO_STAFF } from "./demo-people";
import { DEMO_SHOUTOUTS, type DemoShoutout } from "./demo-shoutouts";

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Everyone in the demo network, in a fixed order: who joins in with +1 is picked from them. */
const PEOPLE = [...DEMO_STAFF, ...DEMO_PARTNERS.flatMap((partner) => partner.members)].map((person) => person.id);

/** `plusOnes` people other than the giver and the recipients, spread differently per shout-out. */
function demoPlusOnes(shoutout: DemoShoutout, n: number): string[] {
  const excluded = new Set([shoutout.from, ...shoutout.to.map((to) => ("user" in to ? to.user : null))]);
  const people: string[] = [];
  for (let step = 0; step < PEOPLE.length && people.length < shoutout.plusOnes; step++) {
    const id = PEOPLE[(n * 5 + step) % PEOPLE.length] as string;
    if (!excluded.has(id)) people.push(id);
  }
  return people;
}

function recipientIds(shoutout: DemoShoutout, partnerIds: Map<string, number>) {
  return shoutout.to.map((to) => {
    if ("user" in to) return { userId: to.user, partnerId: null };
    const partnerId = partnerIds.get(to.partner);
    if (partnerId === undefined) throw new Error(`the demo has no partner ${to.partner}`);
    return { userId: null, partnerId };
  });
}

/**
 * Creates the demo shout-outs and awards that are missing (idempotency key demo:shoutout:<n>), dated
 * over the past six weeks. +1s are added only to a shout-out created now: a +1 toggles, so adding
 * them again would take them back.
 */
export async function seedShoutouts(
  shoutouts: ShoutoutRepository,
  workspaceId: number,
  partnerIds: Map<string, number>,
  now: Date,
): Promise<number> {
  let created = 0;
  for (const [index, demo] of DEMO_SHOUTOUTS.entries()) {
    const n = index + 1;
    const shoutout = await shoutouts.create({
      workspaceId,
      fromUserId: demo.from,
      message: demo.message,
      value: demo.value,
      award: demo.award ?? null,
      announce: demo.channel !== null,
      channelId: demo.channel,
      recipients: recipientIds(demo, partnerIds),
      idempotencyKey: `demo:shoutout:${n}`,
      createdAt: new Date(now.getTime() - demo.daysAgo * DAY - (demo.hoursAgo ?? 0) * HOUR),
    });
    if (!shoutout) continue;
    for (const person of demoPlusOnes(demo, n)) await shoutouts.togglePlusOne(shoutout.id, person);
    created++;
  }
  return created;
}
