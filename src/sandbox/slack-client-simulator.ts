import type { FakeSlack } from "./fake-slack";
import { formBody, payloadBody, signedHeaders } from "./slack-signer";
import { buildStateValues, type EnteredValues, elementState, findElement } from "./view-state";

/**
 * Plays the part of Slack's servers towards the app: sends slash commands, block actions, view
 * submissions, shortcuts and events, encoded and signed exactly as Slack does, and applies what
 * the app answers (response_action) to the fake Slack's state. Tests and the sandbox page use it.
 */

export interface AppAnswer {
  status: number;
  body: string;
  json: Record<string, unknown> | undefined;
}

export interface SimulatorOptions {
  appUrl: string;
  signingSecret: string;
  fake: FakeSlack;
  /** Shifts the signature timestamp (seconds), to test stale requests. */
  clockSkewSeconds?: number;
  /**
   * The `team` of a Slack Connect guest's interactions: the host workspace (default) or the guest's
   * own team, which is what Slack sends when a view carries no app_installed_team_id.
   */
  guestTeam?: "host" | "own";
}

type Json = Record<string, unknown>;

export class SlackClientSimulator {
  constructor(private readonly options: SimulatorOptions) {}

  private get fake(): FakeSlack {
    return this.options.fake;
  }

  /** Posts a raw body with a valid signature (or the headers given). */
  async post(body: string, headers?: Record<string, string>): Promise<AppAnswer> {
    const timestamp = Math.floor(Date.now() / 1000) + (this.options.clockSkewSeconds ?? 0);
    const response = await fetch(`${this.options.appUrl}/slack/events`, {
      method: "POST",
      headers: headers ?? signedHeaders(this.options.signingSecret, body, timestamp),
      body,
    });
    const text = await response.text();
    let json: Record<string, unknown> | undefined;
    try {
      json = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
    } catch {
      json = undefined;
    }
    return { status: response.status, body: text, json };
  }

  /** On Enterprise Grid (a directory team with an enterprise), the org's people carry its id (E…) as team_id. */
  private userPart(userId: string): Json {
    const user = this.fake.user(userId);
    if (!user) throw new Error(`fake Slack has no user ${userId}`);
    const org = this.fake.directory.team.enterprise;
    const teamId = org && user.teamId === this.fake.directory.team.id ? org.id : user.teamId;
    return { id: user.id, username: user.name, name: user.name, team_id: teamId };
  }

  private teamPart(userId: string): Json {
    const { team } = this.fake.directory;
    const guest = this.fake.user(userId);
    if (this.options.guestTeam === "own" && guest && guest.teamId !== team.id) {
      return { id: guest.teamId, domain: guest.teamId.toLowerCase() };
    }
    const org = team.enterprise && { enterprise_id: team.enterprise.id, enterprise_name: team.enterprise.name };
    return { id: team.id, domain: team.domain, ...org };
  }

  private enterprisePart(): Json | null {
    return this.fake.directory.team.enterprise ?? null;
  }

  commandFields(userId: string, command: string, text: string, channelId: string): Record<string, string> {
    const user = this.fake.user(userId);
    const channel = this.fake.channel(channelId);
    if (!user || !channel) throw new Error(`fake Slack has no user ${userId} or channel ${channelId}`);
    return {
      token: "verification-token-unused",
      team_id: this.fake.directory.team.id,
      team_domain: this.fake.directory.team.domain,
      channel_id: channel.id,
      channel_name: channel.isIm ? "directmessage" : channel.name,
      user_id: user.id,
      user_name: user.name,
      command,
      text,
      api_app_id: this.fake.directory.appId,
      ...(this.fake.directory.team.enterprise && {
        enterprise_id: this.fake.directory.team.enterprise.id,
        enterprise_name: this.fake.directory.team.enterprise.name,
      }),
      is_enterprise_install: "false",
      response_url: this.fake.issueResponseUrl({ channel: channel.id, userId }),
      trigger_id: this.fake.issueTrigger(userId),
    };
  }

  /** `/deal list` typed by `userId` in `channelId`. */
  command(userId: string, command: string, text = "", channelId = "C0SALES"): Promise<AppAnswer> {
    return this.post(formBody(this.commandFields(userId, command, text, channelId)));
  }

  /** A click (or selection) on an element of a message the app posted. */
  async messageAction(
    userId: string,
    target: { channel: string; ts: string },
    actionId: string,
    entered?: string | string[],
    blockId?: string,
  ): Promise<AppAnswer> {
    const message = this.fake.messages.find((entry) => entry.channel === target.channel && entry.ts === target.ts);
    if (!message) throw new Error(`no message ${target.ts} in ${target.channel}`);
    const blocks = message.blocks as Json[];
    const found = findElement(blocks, actionId, blockId);
    if (!found) throw new Error(`message ${target.ts} has no element ${actionId}`);
    const payload: Json = {
      type: "block_actions",
      user: this.userPart(userId),
      api_app_id: this.fake.directory.appId,
      token: "verification-token-unused",
      container: {
        type: "message",
        message_ts: message.ts,
        channel_id: message.channel,
        is_ephemeral: message.visibleTo !== undefined,
        thread_ts: message.threadTs,
      },
      trigger_id: this.fake.issueTrigger(userId),
      team: this.teamPart(userId),
      enterprise: this.enterprisePart(),
      is_enterprise_install: false,
      channel: { id: message.channel, name: this.fake.channel(message.channel)?.name ?? "" },
      message: {
        type: "message",
        user: message.user,
        bot_id: message.botId,
        text: message.text,
        blocks: message.blocks,
        ts: message.ts,
        thread_ts: message.threadTs,
      },
      state: { values: buildStateValues(blocks) },
      response_url: this.fake.issueResponseUrl({ channel: message.channel, userId, messageTs: message.ts }),
      actions: [actionPayload(found.block, found.element, entered)],
    };
    return this.post(payloadBody(payload));
  }

  /** A click or selection inside the user's open modal or App Home. */
  async viewAction(
    userId: string,
    where: "modal" | "home",
    actionId: string,
    entered?: string | string[],
    state: EnteredValues = {},
    blockId?: string,
  ): Promise<AppAnswer> {
    const view = where === "modal" ? this.modalPayloadView(userId, state) : this.homePayloadView(userId);
    const found = findElement(view.blocks as Json[], actionId, blockId);
    if (!found) throw new Error(`the ${where} has no element ${actionId}`);
    const payload: Json = {
      type: "block_actions",
      user: this.userPart(userId),
      api_app_id: this.fake.directory.appId,
      token: "verification-token-unused",
      container: { type: "view", view_id: view.id },
      trigger_id: this.fake.issueTrigger(userId),
      team: this.teamPart(userId),
      enterprise: this.enterprisePart(),
      is_enterprise_install: false,
      view,
      actions: [actionPayload(found.block, found.element, entered)],
    };
    return this.post(payloadBody(payload));
  }

  private modalPayloadView(userId: string, entered: EnteredValues): Json {
    const top = this.fake.topModal(userId);
    if (!top) throw new Error(`${userId} has no modal open`);
    const view = this.fake.slackView(top);
    return { ...view, state: { values: buildStateValues(view.blocks as Json[], entered) } };
  }

  private homePayloadView(userId: string): Json {
    const home = this.fake.homeTabs.get(userId);
    if (!home) throw new Error(`${userId} has no App Home published`);
    return { id: `VHOME${userId}`, type: "home", state: { values: {} }, ...home };
  }

  /** Submits the user's top modal with these entries; applies the app's response_action. */
  async submitView(userId: string, entered: EnteredValues = {}): Promise<AppAnswer> {
    const view = this.modalPayloadView(userId, entered);
    const payload: Json = {
      type: "view_submission",
      team: this.teamPart(userId),
      user: this.userPart(userId),
      api_app_id: this.fake.directory.appId,
      token: "verification-token-unused",
      trigger_id: this.fake.issueTrigger(userId),
      view,
      response_urls: [],
      is_enterprise_install: false,
      enterprise: this.enterprisePart(),
    };
    const answer = await this.post(payloadBody(payload));
    if (answer.status === 200) this.fake.applyViewResponse(userId, String(view.id), answer.json);
    return answer;
  }

  /** Closes the user's top modal; tells the app when the view asked for notify_on_close. */
  async closeView(userId: string): Promise<AppAnswer | undefined> {
    const top = this.fake.topModal(userId);
    if (!top) return undefined;
    this.fake.closeModal(userId, top.id);
    if (top.view.notify_on_close !== true) return undefined;
    return this.post(
      payloadBody({
        type: "view_closed",
        team: this.teamPart(userId),
        user: this.userPart(userId),
        api_app_id: this.fake.directory.appId,
        token: "verification-token-unused",
        view: this.fake.slackView(top),
        is_cleared: false,
        is_enterprise_install: false,
      }),
    );
  }

  globalShortcut(userId: string, callbackId: string): Promise<AppAnswer> {
    return this.post(
      payloadBody({
        type: "shortcut",
        token: "verification-token-unused",
        action_ts: `${Date.now() / 1000}`,
        team: this.teamPart(userId),
        user: this.userPart(userId),
        is_enterprise_install: false,
        enterprise: this.enterprisePart(),
        callback_id: callbackId,
        trigger_id: this.fake.issueTrigger(userId),
      }),
    );
  }

  messageShortcut(userId: string, callbackId: string, target: { channel: string; ts: string }): Promise<AppAnswer> {
    const message = this.fake.messages.find((entry) => entry.channel === target.channel && entry.ts === target.ts);
    if (!message) throw new Error(`no message ${target.ts} in ${target.channel}`);
    return this.post(
      payloadBody({
        type: "message_action",
        token: "verification-token-unused",
        action_ts: `${Date.now() / 1000}`,
        team: this.teamPart(userId),
        user: this.userPart(userId),
        channel: { id: message.channel, name: this.fake.channel(message.channel)?.name ?? "" },
        is_enterprise_install: false,
        enterprise: this.enterprisePart(),
        callback_id: callbackId,
        trigger_id: this.fake.issueTrigger(userId),
        message_ts: message.ts,
        message: { type: "message", user: message.user, text: message.text, ts: message.ts },
        response_url: this.fake.issueResponseUrl({ channel: message.channel, userId }),
      }),
    );
  }

  /** An Events API delivery (event_callback), e.g. app_home_opened. */
  event(event: Json): Promise<AppAnswer> {
    const body = JSON.stringify({
      token: "verification-token-unused",
      team_id: this.fake.directory.team.id,
      ...(this.fake.directory.team.enterprise && { enterprise_id: this.fake.directory.team.enterprise.id }),
      api_app_id: this.fake.directory.appId,
      event: { event_ts: `${Date.now() / 1000}`, ...event },
      type: "event_callback",
      event_id: `Ev${Date.now()}${Math.random().toString(16).slice(2, 8)}`,
      event_time: Math.floor(Date.now() / 1000),
      authorizations: [
        {
          team_id: this.fake.directory.team.id,
          user_id: this.fake.directory.botUserId,
          enterprise_id: this.fake.directory.team.enterprise?.id ?? null,
          is_bot: true,
          is_enterprise_install: false,
        },
      ],
    });
    const timestamp = Math.floor(Date.now() / 1000) + (this.options.clockSkewSeconds ?? 0);
    return this.post(body, {
      ...signedHeaders(this.options.signingSecret, body, timestamp),
      "content-type": "application/json",
    });
  }

  openHome(userId: string): Promise<AppAnswer> {
    return this.event({ type: "app_home_opened", user: userId, channel: this.fake.dmChannel(userId).id, tab: "home" });
  }
}

/** One entry of `actions` in a block_actions payload, as Slack builds it for that element. */
function actionPayload(block: Json, element: Json, entered: string | string[] | undefined): Json {
  const base = {
    action_id: element.action_id,
    block_id: block.block_id,
    type: element.type,
    action_ts: `${Date.now() / 1000}`,
  };
  if (element.type === "button") return { ...base, text: element.text, value: element.value, style: element.style };
  if (element.type === "overflow") {
    const option = ((element.options as { value: string }[] | undefined) ?? []).find(
      (entry) => entry.value === entered,
    );
    if (!option) throw new Error(`overflow ${String(element.action_id)} has no option ${String(entered)}`);
    return { ...base, selected_option: option };
  }
  const { type: _type, ...state } = elementState(element, entered);
  return { ...base, ...state };
}
