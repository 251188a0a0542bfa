import type { WebClient } from "@slack/web-api";
import { DomainError } from "../../../domain/shared/domain-error";
import type { Services } from "../../../services";
import type { Actor } from "../../../services/access-service";
import type { SlackDeps } from "../../deps";
import { channelFacts } from "../../identity/channel-info";
import { drawDigest } from "../../outbox/digest-renderers";
import type { Token } from "../../parse/command-text";
import { DIGEST_USAGE, type DigestSchedule, parseDigestArgs, scheduleText } from "../../parse/digest-args";
import { context, header, type Mrkdwn, md, mention, section, trusted } from "../../views/block-kit";
import { type Message, message, notice } from "../../views/message";
import { localDateTime, readerTimeZone } from "../../views/slack-date";

type DigestStatus = Awaited<ReturnType<Services["digest"]["status"]>>;
type Subscription = NonNullable<DigestStatus["here"]>;

function nextText(next: Date | null, actor: Actor): string {
  return next === null ? "" : ` The next one: ${localDateTime(next, readerTimeZone(actor))}.`;
}

/** Only a channel gets a channel digest; a DM gets `/hub digest me`. */
function requireChannel(channelId: string): void {
  if (!/^[CG][A-Z0-9]+$/.test(channelId)) {
    throw new DomainError("usage", {
      text: `Run \`/hub digest here\` in the channel that should get the digest, or \`/hub digest me\` for a DM of what waits for you. ${DIGEST_USAGE}`,
    });
  }
}

function statusMessage(status: DigestStatus, actor: Actor, channelId: string): Message {
  const here = status.here?.active ? status.here : null;
  const me = status.me?.active ? status.me : null;
  const channelLine = here
    ? md`:white_check_mark: ${mention(channelId, "#")} gets the weekly digest ${scheduleText(here)}.${nextText(status.next, actor)}`
    : md`This channel gets no weekly digest.`;
  const meLine = me
    ? md`:envelope: You get a DM of what waits for you ${scheduleText(me)}.`
    : md`You get no personal digest.`;
  const blocks = [header("Weekly digest"), section(channelLine), section(meLine), context(trusted(DIGEST_USAGE))];
  return message(here ? md`Weekly digest: ${scheduleText(here)}` : md`Weekly digest: none in this channel`, blocks);
}

/** In a partner's own channel the digest is that partner's view: the manager is told so. */
async function partnerNote(deps: SlackDeps, actor: Actor, channelId: string): Promise<Mrkdwn> {
  const partner = await deps.services.partners.partnerOfChannel(actor.workspace.id, channelId);
  return partner
    ? md` This channel is tied to ${partner.name}: its digest shows that partner's own deals and goals and what the whole network shares, never another partner's deals.`
    : md``;
}

async function subscribeHere(
  deps: SlackDeps,
  client: WebClient,
  actor: Actor,
  channelId: string,
  schedule: DigestSchedule,
): Promise<Message> {
  requireChannel(channelId);
  const { shared } = await channelFacts(client, channelId);
  const record: Subscription = await deps.services.digest.subscribe(actor, channelId, schedule, { shared });
  const { next } = await deps.services.digest.status(actor, channelId);
  const note = await partnerNote(deps, actor, channelId);
  return notice(
    md`:white_check_mark: The weekly digest will be posted in ${mention(channelId, "#")} ${scheduleText(record)}.${nextText(next, actor)}${note} \`/hub digest preview\` shows it now, only to you.`,
  );
}

/** `/hub digest …`: subscribe this channel or yourself, stop, preview, or see what is set. */
export async function hubDigest(
  deps: SlackDeps,
  client: WebClient,
  actor: Actor,
  channelId: string,
  rest: Token[],
): Promise<Message> {
  const command = parseDigestArgs(rest);
  const digest = deps.services.digest;
  switch (command.kind) {
    case "status":
      return statusMessage(await digest.status(actor, channelId), actor, channelId);
    case "here":
      return subscribeHere(deps, client, actor, channelId, command.schedule);
    case "off":
      await digest.unsubscribe(actor, channelId);
      return notice(md`:white_check_mark: No more weekly digest in ${mention(channelId, "#")}.`);
    case "preview":
      return drawDigest(client, await digest.preview(actor, channelId), { preview: true });
    case "me": {
      const record = await digest.subscribeMe(actor, command.schedule);
      return notice(
        md`:white_check_mark: You'll get a DM of what waits for you (registrations to decide, conflicts, extension requests, goals at risk) ${scheduleText(record)}. \`/hub digest me off\` stops it.`,
      );
    }
    case "me-off":
      await digest.unsubscribeMe(actor);
      return notice(md`:white_check_mark: No more personal digest.`);
  }
}
