import type { WebClient } from "@slack/web-api";
import type { Decision } from "../domain/deals/registration";
import { type Logger, scrubSecrets } from "../logger";
import type { DealMessageRefs, DealNotifier } from "../services/deal-notifier";
import type { DealRecord } from "../services/records";
import {
  approvalMessage,
  dealCardMessage,
  decisionNotice,
  expiredNotice,
  extensionDecidedNotice,
  extensionRequestMessage,
  reminderNotice,
  stageNotice,
} from "./views/deal-message-view";
import type { Message } from "./views/message";

/** The Web API client that speaks for a workspace (one token, or the team's installation). */
export type ClientFor = (teamId: string) => Promise<WebClient>;

/**
 * Tells people in Slack what happened to a deal. Every delivery is best effort: the change is
 * already committed, so a Slack error is logged and the rest of the notifications still go out.
 */
export class SlackDealNotifier implements DealNotifier {
  constructor(
    private readonly clientFor: ClientFor,
    private readonly logger: Logger,
  ) {}

  private async post(teamId: string, channel: string, message: Message, threadTs?: string | null) {
    try {
      const client = await this.clientFor(teamId);
      const result = await client.chat.postMessage({ channel, ...message, ...(threadTs && { thread_ts: threadTs }) });
      return result.ts && result.channel ? { channel: result.channel, ts: result.ts } : null;
    } catch (error) {
      this.logger.warn({ channel, err: scrubSecrets((error as Error).message) }, "could not post a deal message");
      return null;
    }
  }

  private async update(teamId: string, channel: string | null, ts: string | null, message: Message): Promise<void> {
    if (!channel || !ts) return;
    try {
      const client = await this.clientFor(teamId);
      await client.chat.update({ channel, ts, ...message });
    } catch (error) {
      this.logger.warn({ channel, err: scrubSecrets((error as Error).message) }, "could not update a deal message");
    }
  }

  /** A DM to whoever registered the deal, and the same note in the deal message's thread. */
  private async tellPartner(deal: DealRecord, message: Message): Promise<void> {
    await this.post(deal.teamId, deal.createdBy, message);
    if (deal.channelId && deal.messageTs && deal.channelId !== deal.createdBy) {
      await this.post(deal.teamId, deal.channelId, message, deal.messageTs);
    }
  }

  async registered(
    deal: DealRecord,
    context: { approvalsChannel: string | null; conflict: DealRecord | null },
  ): Promise<DealMessageRefs> {
    const refs: DealMessageRefs = {};
    const card = dealCardMessage(deal);
    // Not every channel has the bot in it: the deal's message then goes to the partner's DM.
    const posted =
      (deal.channelId ? await this.post(deal.teamId, deal.channelId, card) : null) ??
      (await this.post(deal.teamId, deal.createdBy, card));
    if (posted) Object.assign(refs, { channelId: posted.channel, messageTs: posted.ts });
    if (context.approvalsChannel) {
      const approval = await this.post(deal.teamId, context.approvalsChannel, approvalMessage(deal, context.conflict));
      if (approval) Object.assign(refs, { approvalChannel: approval.channel, approvalTs: approval.ts });
    } else {
      this.logger.warn({ dealId: deal.id }, "no approvals channel set: run /hub approvals #channel");
    }
    return refs;
  }

  async decided(deal: DealRecord, decision: Decision, by: string): Promise<void> {
    await this.redraw(deal);
    await this.tellPartner(deal, decisionNotice(deal, decision, by));
  }

  async redraw(deal: DealRecord): Promise<void> {
    await this.update(deal.teamId, deal.approvalChannel, deal.approvalTs, approvalMessage(deal));
    await this.update(deal.teamId, deal.channelId, deal.messageTs, dealCardMessage(deal));
  }

  async stageChanged(deal: DealRecord, by: string): Promise<void> {
    await this.update(deal.teamId, deal.channelId, deal.messageTs, dealCardMessage(deal));
    if (deal.channelId && deal.messageTs)
      await this.post(deal.teamId, deal.channelId, stageNotice(deal, by), deal.messageTs);
  }

  async extensionRequested(deal: DealRecord, by: string, approvalsChannel: string | null): Promise<void> {
    await this.update(deal.teamId, deal.channelId, deal.messageTs, dealCardMessage(deal));
    const channel = approvalsChannel ?? deal.approvalChannel;
    if (channel) await this.post(deal.teamId, channel, extensionRequestMessage(deal, by));
  }

  async extensionDecided(deal: DealRecord, approved: boolean, by: string): Promise<void> {
    await this.update(deal.teamId, deal.channelId, deal.messageTs, dealCardMessage(deal));
    await this.tellPartner(deal, extensionDecidedNotice(deal, approved, by));
  }

  async reminder(deal: DealRecord): Promise<void> {
    await this.update(deal.teamId, deal.channelId, deal.messageTs, dealCardMessage(deal));
    await this.tellPartner(deal, reminderNotice(deal));
  }

  async expired(deal: DealRecord): Promise<void> {
    await this.redraw(deal);
    await this.tellPartner(deal, expiredNotice(deal));
  }
}
