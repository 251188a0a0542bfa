import { expect } from "vitest";
import type { FakeMessage } from "../../src/sandbox/fake-slack";
import type { EnteredValues } from "../../src/sandbox/view-state";
import { ACTIONS, VIEWS } from "../../src/slack/ids";
import { expectWithinSlackLimits } from "../support/block-limits";
import { type Harness, visibleText } from "../support/harness";

/** What the share modal is filled with: a good practice unless overridden. */
export function practiceValues(overrides: EnteredValues = {}): EnteredValues {
  return {
    "practice_title.value": "Answer 'too expensive' with a 3-year TCO",
    "practice_body.value": "We laid the three-year cost next to the incumbent's renewal. The CFO signed in a week.",
    "practice_new_tags.value": "Pricing, Objections",
    "practice_region.value": "EMEA",
    "practice_link.value": "https://wiki.example.com/tco",
    ...overrides,
  };
}

/** Waits for the modal views.open was last asked to show, and checks it against Slack's limits. */
export async function waitForModal(h: Harness, userId: string, opened: number, callbackId: string) {
  await h.fake.waitFor(() => h.fake.callsOf("views.open")[opened], 5_000, `views.open for ${callbackId}`);
  const modal = h.fake.topModal(userId);
  expect(modal?.view.callback_id).toBe(callbackId);
  expectWithinSlackLimits(modal?.view ?? {});
  return modal;
}

export async function openShareModal(h: Harness, userId: string, channel: string) {
  const opened = h.fake.callsOf("views.open").length;
  const answer = await h.slack.command(userId, "/practice", "", channel);
  expect(answer.status).toBe(200);
  return waitForModal(h, userId, opened, VIEWS.sharePractice);
}

/** Shares through `/practice` and the modal; returns the submission's answer. */
export async function sharePractice(h: Harness, userId: string, channel: string, values: EnteredValues) {
  await openShareModal(h, userId, channel);
  const answer = await h.slack.submitView(userId, values);
  expect(answer.status).toBe(200);
  return answer.json ?? {};
}

/** The practice's card in a channel, as everybody sees it, once the outbox delivered it. */
export async function cardIn(h: Harness, channel: string, title: string): Promise<FakeMessage> {
  await h.outboxDrained();
  const card = h.fake.messages.find(
    (message) =>
      message.channel === channel && message.visibleTo === undefined && visibleText(message.blocks).includes(title),
  );
  if (!card) throw new Error(`no card "${title}" in ${channel}`);
  expectWithinSlackLimits({ text: card.text, blocks: card.blocks });
  return card;
}

export async function clickCard(h: Harness, userId: string, card: FakeMessage, actionId: string) {
  const answer = await h.slack.messageAction(userId, { channel: card.channel, ts: card.ts }, actionId);
  expect(answer.status).toBe(200);
}

/** Bolt acks before the work is done: waits until the card (redrawn in place) shows `expected`. */
export async function cardShows(h: Harness, card: FakeMessage, expected: string): Promise<void> {
  await h.fake.waitFor(
    () => visibleText(card.blocks).includes(expected) || undefined,
    5_000,
    `card showing ${expected}`,
  );
  await h.outboxDrained();
}

export function helpfulLabel(card: FakeMessage): string {
  const blocks = card.blocks as { elements?: { action_id?: string; text?: { text: string } }[] }[];
  const button = blocks.flatMap((block) => block.elements ?? []).find((e) => e.action_id === ACTIONS.practiceHelpful);
  return button?.text?.text ?? "";
}

/** The latest ephemeral message the app showed `userId` in `channel`. */
export function lastEphemeral(h: Harness, userId: string, channel: string): FakeMessage {
  const found = h.fake.messages.filter((m) => m.channel === channel && m.visibleTo === userId).at(-1);
  if (!found) throw new Error(`nothing shown to ${userId} in ${channel}`);
  return found;
}
