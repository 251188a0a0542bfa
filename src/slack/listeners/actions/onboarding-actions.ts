import type { App } from "@slack/bolt";
import { DomainError } from "../../../domain/shared/domain-error";
import type { Actor } from "../../../services/access-service";
import type { SlackDeps } from "../../deps";
import { ACTIONS } from "../../ids";
import { isRecordId } from "../../parse/record-id";
import { md } from "../../views/block-kit";
import { notice } from "../../views/message";
import { onboardingAnswer } from "../commands/partner-onboarding";
import { publishHome } from "../publish-home";
import { registerAction } from "./action-runner";

/** A partner id as a button carries it; "" means the clicker's own partner. */
function partnerIdFrom(value: string | undefined): number | null {
  if (value === undefined || value === "") return null;
  const id = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!isRecordId(id)) throw new DomainError("bad_button");
  return id;
}

/** The name the services look a partner up by; the button only knew its id. */
async function partnerNameOf(deps: SlackDeps, actor: Actor, partnerId: number | null): Promise<string | undefined> {
  if (partnerId === null) return undefined;
  const partner = await deps.services.partners.byId(actor, partnerId);
  if (!partner) throw new DomainError("partner_gone");
  return partner.name;
}

/**
 * A checklist from a button (the applicant's welcome, the partner card, the managers' overview,
 * the App Home) and Mark done on one of its open steps: the checklist is redrawn in place.
 */
export function registerOnboardingActions(app: App, deps: SlackDeps): void {
  registerAction(app, deps, ACTIONS.onboardingShow, async ({ actor, action, tell }) => {
    const name = await partnerNameOf(deps, actor, partnerIdFrom(action.value));
    await tell(await onboardingAnswer(deps, actor, name));
  });

  registerAction(
    app,
    deps,
    ACTIONS.onboardingStepDone,
    async ({ actor, action, body, client, respond, tell, fromHome }) => {
      const parsed = /^(\d+):(.+)$/.exec(action.value ?? "");
      const partnerId = parsed ? partnerIdFrom(parsed[1]) : null;
      const key = parsed?.[2];
      if (partnerId === null || key === undefined) throw new DomainError("bad_button");
      const { partner, steps, finished } = await deps.services.onboarding.completeStep(actor, partnerId, key);
      const step = steps.find((candidate) => candidate.key === key);
      const note = finished
        ? md`:tada: Every step is done: *${partner.name}* is now an active partner.`
        : md`:white_check_mark: Marked *${step?.label ?? key}* done.`;
      if (fromHome) {
        await publishHome(deps, client, actor);
        await tell(notice(note));
        return;
      }
      const redrawn = await onboardingAnswer(deps, actor, partner.name, note.text);
      // An ephemeral checklist is replaced; a checklist elsewhere (a DM) gets a fresh one.
      if (body.response_url) await respond({ response_type: "ephemeral", replace_original: true, ...redrawn });
      else await tell(redrawn);
    },
  );
}
