import type { App } from "@slack/bolt";
import type { SlackDeps } from "../deps";
import { registerApprovalActions } from "./actions/approval-actions";
import { registerDealCardActions } from "./actions/deal-card-actions";
import { registerDealListPaging } from "./actions/deal-list-page";
import { registerDealModalLiveCheck } from "./actions/deal-modal-live-check";
import { registerExtensionActions } from "./actions/extension-actions";
import { registerRegisterDealButton } from "./actions/register-deal-button";
import { registerRetryOutboxAction } from "./actions/retry-outbox-action";
import { registerDealCommand } from "./commands/deal-command";
import { registerHubCommand } from "./commands/hub-command";
import { registerPartnerCommand } from "./commands/partner-command";
import { registerAppHomeOpened } from "./events/app-home-opened";
import { registerRegisterDealShortcut } from "./shortcuts/register-deal-shortcut";
import { registerReasonSubmissions } from "./views/reason-submissions";
import { registerDealSubmission } from "./views/register-deal-submission";

export function registerListeners(app: App, deps: SlackDeps): void {
  registerHubCommand(app, deps);
  registerPartnerCommand(app, deps);
  registerDealCommand(app, deps);
  registerRegisterDealButton(app, deps);
  registerRegisterDealShortcut(app, deps);
  registerDealModalLiveCheck(app, deps);
  registerDealSubmission(app, deps);
  registerApprovalActions(app, deps);
  registerReasonSubmissions(app, deps);
  registerDealCardActions(app, deps);
  registerExtensionActions(app, deps);
  registerDealListPaging(app, deps);
  registerRetryOutboxAction(app, deps);
  registerAppHomeOpened(app, deps);
}
