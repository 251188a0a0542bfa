import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../deps";
import { identifyActor } from "../../identity/identify-actor";
import { publishHome } from "../publish-home";

/** Publishes the App Home (My deals, what awaits managers) each time someone opens it. */
export function registerAppHomeOpened(app: App, deps: SlackDeps): void {
  app.event("app_home_opened", async ({ event, client, context }) => {
    if (event.tab !== "home") return;
    try {
      // Events carry no user team: identity/ asks users.info, so a guest never becomes the first admin.
      const actor = await identifyActor(deps, { requestTeamId: context.teamId, userId: event.user });
      await publishHome(deps, client, actor);
    } catch (error) {
      deps.logger.error({ err: (error as Error).message, user: event.user }, "could not publish the App Home");
    }
  });
}
