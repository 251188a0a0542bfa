import type { WebClient } from "@slack/web-api";
import { canManageProgram } from "../../domain/partners/roles";
import { localDate } from "../../domain/shared/calendar";
import type { Actor } from "../../services/access-service";
import type { SlackDeps } from "../deps";
import { homeView } from "../views/home-view";

/** The company's rank and goals: only people in a partner company have them. */
async function homeLeaderboard(deps: SlackDeps, actor: Actor) {
  const hasPartner = actor.member.partnerId !== null;
  const [rank, goals] = hasPartner
    ? await Promise.all([deps.services.leaderboard.homeSummary(actor), deps.services.goals.progress(actor)])
    : [null, []];
  return {
    rank,
    goals,
    reportingCurrency: actor.workspace.reportingCurrency,
    canManage: canManageProgram(actor.role),
    hasPartner,
  };
}

/** (Re)publishes someone's App Home: on opening it, and after they act from it. */
export async function publishHome(deps: SlackDeps, client: WebClient, actor: Actor): Promise<void> {
  const [deals, practices, shoutouts, leaderboard] = await Promise.all([
    deps.services.deals.home(actor),
    deps.services.practices.home(actor),
    deps.services.recognition.home(actor),
    homeLeaderboard(deps, actor),
  ]);
  // Waiting rows name the other partners' registrations of the same customer, found live.
  const rivals = new Map(
    await Promise.all(
      deals.awaitingDecision.map(
        async (deal) =>
          [deal.id, (await deps.services.deals.approvalContextOf(actor.workspace.id, deal.id))?.rivals ?? []] as const,
      ),
    ),
  );
  await client.views.publish({
    user_id: actor.userId,
    view: homeView({
      ...deals,
      isManager: canManageProgram(actor.role),
      hasPartner: actor.member.partnerId !== null,
      today: localDate(deps.services.clock(), actor.workspace.timezone),
      practices,
      shoutouts,
      rivals,
      leaderboard,
    }),
  });
}
