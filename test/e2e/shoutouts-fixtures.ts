import { expect } from "vitest";
import type { FakeMessage } from "../../src/sandbox/fake-slack";
import type { EnteredValues } from "../../src/sandbox/view-state";
import { ACTIONS, VIEWS } from "../../src/slack/ids";
import { expectWithinSlackLimits } from "../support/block-limits";
import { type Harness, visibleText } from "../support/harness";

/** What the shout-out end-to-end tests share: the modal, the posts, the DMs and the +1 button. */

export const BOT = "U0SOMEBOT";

/** A bot the fake Slack knows: users.info says is_bot. */
export function addBot(h: Harness): void {
  h.fake.directory.users.push({
    id: BOT,
    teamId: "T0VENDOR",
    name: "deploybot",
    realName: "Deploy Bot",
    tz: "UTC",
    isBot: true,
  });
}

export async function openShoutoutModal(h: Harness, userId: string, channel: string) {
  const opened = h.fake.callsOf("views.open").length;
  const answer = await h.slack.command(userId, "/shoutout", "", channel);
  expect(answer.status).toBe(200);
  await h.fake.waitFor(() => h.fake.callsOf("views.open")[opened], 5_000, "the shout-out modal");
  const modal = h.fake.topModal(userId);
  expect(modal?.view.callback_id).toBe(VIEWS.giveShoutout);
  expectWithinSlackLimits(modal?.view ?? {});
  return modal;
}

export function shoutoutValues(overrides: EnteredValues = {}): EnteredValues {
  return {
    "shoutout_recipients.value": ["U0PARTNERB"],
    "shoutout_message.value": "Ran the joint demo for Initech and won them over.",
    ...overrides,
  };
}

/** Every top-level shout-out post in a channel, everybody's view, once the outbox delivered them. */
export async function postsIn(h: Harness, channel: string): Promise<FakeMessage[]> {
  await h.outboxDrained();
  const posts = h.fake
    .channelMessages(channel)
    .filter(
      (message) => message.visibleTo === undefined && JSON.stringify(message.blocks).includes(ACTIONS.shoutoutPlusOne),
    );
  for (const post of posts) expectWithinSlackLimits({ text: post.text, blocks: post.blocks });
  return posts;
}

export async function lastPostIn(h: Harness, channel: string): Promise<FakeMessage> {
  const post = (await postsIn(h, channel)).at(-1);
  if (!post) throw new Error(`no shout-out in ${channel}`);
  return post;
}

/** What the app sent to a person's DM. */
export async function dmsTo(h: Harness, userId: string): Promise<string[]> {
  await h.outboxDrained();
  const dm = h.fake.dmChannel(userId).id;
  return h.fake.messages.filter((message) => message.channel === dm).map((message) => visibleText(message.blocks));
}

export function plusOneLabel(post: FakeMessage): string {
  const blocks = post.blocks as { elements?: { action_id?: string; text?: { text: string } }[] }[];
  const button = blocks.flatMap((block) => block.elements ?? []).find((e) => e.action_id === ACTIONS.shoutoutPlusOne);
  return button?.text?.text ?? "";
}

/** Every mrkdwn text of a message: where markup (a `<!channel>`) would fire. */
export function mrkdwnTexts(message: { text: string; blocks: unknown[] }): string[] {
  const found = [message.text];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === "object" && node !== null) {
      const object = node as Record<string, unknown>;
      if (object.type === "mrkdwn" && typeof object.text === "string") found.push(object.text);
      Object.values(object).forEach(walk);
    }
  };
  walk(message.blocks);
  return found;
}
