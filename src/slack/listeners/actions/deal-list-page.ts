import type { App } from "@slack/bolt";
import { z } from "zod";
import { localDate } from "../../../domain/shared/calendar";
import { DEAL_LIST_FILTERS } from "../../../services/deals/deal-queries";
import type { SlackDeps } from "../../deps";
import { ACTIONS } from "../../ids";
import { dealListMessage } from "../../views/deal-list-view";
import { registerAction } from "./action-runner";

const ZPage = z.object({ f: z.enum(DEAL_LIST_FILTERS), p: z.string().optional(), n: z.number().int().min(1) });

/** Newer / Older under `/deal list`: replaces the list in place. */
export function registerDealListPaging(app: App, deps: SlackDeps): void {
  registerAction(app, deps, new RegExp(`^${ACTIONS.dealListPage}_`), async ({ actor, action, respond }) => {
    const page = ZPage.parse(JSON.parse(action.value ?? "{}"));
    const result = await deps.services.deals.list(actor, { filter: page.f, partnerName: page.p, page: page.n });
    const today = localDate(deps.services.clock(), actor.workspace.timezone);
    await respond({
      replace_original: true,
      ...dealListMessage({ ...result, filter: page.f, partnerName: page.p, today }),
    });
  });
}
