import type { App } from "@slack/bolt";
import { z } from "zod";
import { localDate } from "../../../domain/shared/calendar";
import { DomainError } from "../../../domain/shared/domain-error";
import { DEAL_LIST_FILTERS } from "../../../services/deals/deal-queries";
import type { SlackDeps } from "../../deps";
import { ACTIONS } from "../../ids";
import { isRecordId, MAX_RECORD_ID } from "../../parse/record-id";
import { dealListMessage } from "../../views/deal-list-view";
import { registerAction } from "./action-runner";

const ZPage = z.object({
  f: z.enum(DEAL_LIST_FILTERS),
  p: z.number().refine(isRecordId).optional(),
  n: z.number().int().min(1).max(MAX_RECORD_ID),
});

/** A value that is not one of ours is a forged or stale click: say so rather than fail. */
function pageFrom(value: string | undefined): z.infer<typeof ZPage> {
  try {
    return ZPage.parse(JSON.parse(value ?? ""));
  } catch {
    throw new DomainError("bad_button");
  }
}

/** Newer / Older under `/deal list`: replaces the list in place. */
export function registerDealListPaging(app: App, deps: SlackDeps): void {
  registerAction(app, deps, new RegExp(`^${ACTIONS.dealListPage}_`), async ({ actor, action, respond }) => {
    const page = pageFrom(action.value);
    const result = await deps.services.deals.list(actor, { filter: page.f, partnerId: page.p, page: page.n });
    const today = localDate(deps.services.clock(), actor.workspace.timezone);
    await respond({
      replace_original: true,
      ...dealListMessage({ ...result, filter: page.f, partnerChosen: page.p !== undefined, today }),
    });
  });
}
