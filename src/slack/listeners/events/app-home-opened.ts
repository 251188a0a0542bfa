import type { App } from "@slack/bolt";
import { canManageProgram } from "../../../domain/partners/roles";
import { localDate } from "../../../domain/shared/calendar";
import type { SlackDeps } from "../../deps";
import { homeView } from "../../views/home-view";

/** Publishes the App Home (My deals, what awaits managers) each time someone opens it. */
export function registerAppHomeOpened(app: App, deps: SlackDeps): void {
  app.event("app_home_opened", async ({ event, client, context }) => {
    if (event.tab !== "home") return;
    try {
      const actor = await deps.services.access.identify({ teamId: context.teamId ?? "", userId: event.user });
      const { mine, awaitingDecision } = await deps.services.deals.home(actor);
      await client.views.publish({
        user_id: event.user,
        view: homeView({
          mine,
          awaitingDecision,
          isManager: canManageProgram(actor.role),
          hasPartner: actor.member.partnerId !== null,
          today: localDate(deps.services.clock(), actor.workspace.timezone),
        }),
      });
    } catch (error) {
      deps.logger.error({ err: (error as Error).message, user: event.user }, "could not publish the App Home");
    }
  });
}
