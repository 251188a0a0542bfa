import type { App } from "@slack/bolt";
import type { SlackDeps } from "../deps";
import { registerHubCommand } from "./commands/hub-command";
import { registerPartnerCommand } from "./commands/partner-command";

export function registerListeners(app: App, deps: SlackDeps): void {
  registerHubCommand(app, deps);
  registerPartnerCommand(app, deps);
}
