import type { App, BlockAction, ButtonAction } from "@slack/bolt";
import { z } from "zod";
import { localDate } from "../../../domain/shared/calendar";
import { DEAL_LIST_FILTERS } from "../../../services/deal-service";
import type { SlackDeps } from "../../deps";
import { ACTIONS } from "../../ids";
import { dealListMessage } from "../../views/deal-list-view";
import { answerInteraction, identifyInteraction } from "../interaction";

const ZPage = z.object({ f: z.enum(DEAL_LIST_FILTERS), p: z.string().optional(), n: z.number().int().min(1) });

/** Newer / Older under `/deal list`: replaces the list in place. */
export function registerDealListPaging(app: App, deps: SlackDeps): void {
  app.action<BlockAction<ButtonAction>>(
    new RegExp(`^${ACTIONS.dealListPage}_`),
    async ({ ack, body, action, client, respond, context }) => {
      await ack();
      await answerInteraction(deps, ACTIONS.dealListPage, { respond, client, userId: body.user.id }, async () => {
        const actor = await identifyInteraction(deps, body, context.teamId);
        const page = ZPage.parse(JSON.parse(action.value ?? "{}"));
        const result = await deps.services.deals.list(actor, { filter: page.f, partnerName: page.p, page: page.n });
        const today = localDate(deps.services.clock(), actor.workspace.timezone);
        await respond({
          replace_original: true,
          ...dealListMessage({ ...result, filter: page.f, partnerName: page.p, today }),
        });
      });
    },
  );
}
