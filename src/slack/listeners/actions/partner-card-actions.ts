import type { App } from "@slack/bolt";
import { DomainError } from "../../../domain/shared/domain-error";
import type { SlackDeps } from "../../deps";
import { ACTIONS } from "../../ids";
import { isRecordId } from "../../parse/record-id";
import { inChannel, partnerCardAnswer } from "../commands/partner-card";
import { registerAction } from "./action-runner";

/**
 * A partner id carried by a button: undefined for "" (the clicker's own company). A value that is
 * not an id was not written by this app, and is treated as a partner nobody can see.
 */
export function buttonPartnerId(value: string | undefined): number | undefined {
  const text = (value ?? "").trim();
  if (text === "") return undefined;
  const id = Number(text);
  if (!/^\d+$/.test(text) || !isRecordId(id))
    throw new DomainError("partner_not_found", { name: text, suggestions: [] });
  return id;
}

/** "Our partnership" on the launcher (a manager clicking it there sees that channel's partner) and the App Home. */
export function registerPartnerCardActions(app: App, deps: SlackDeps): void {
  registerAction(app, deps, ACTIONS.partnerCardShow, async ({ actor, action, body, tell, fromHome }) => {
    const channelId = fromHome ? null : (body.channel?.id ?? null);
    const choice = await inChannel(deps, actor, { partnerId: buttonPartnerId(action.value) }, channelId);
    await tell(await partnerCardAnswer(deps, actor, choice));
  });
}
