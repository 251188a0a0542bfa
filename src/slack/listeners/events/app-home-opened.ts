import type { App } from "@slack/bolt";
import type { SlackDeps } from "../../deps";
import { publishHome } from "../publish-home";

/** Publishes the App Home (My deals, what awaits managers) each time someone opens it. */
export function registerAppHomeOpened(app: App, deps: SlackDeps): void {
  app.event("app_home_opened", async ({ event, client, context }) => {
    if (event.tab !== "home") return;
    try {
      const actor = await deps.services.access.identify({ teamId: context.teamId ?? "", userId: event.user });
      await publishHome(deps, client, actor);
    } catch (error) {
      deps.logger.error({ err: (error as Error).message, user: event.user }, "could not publish the App Home");
    }
  });
}
