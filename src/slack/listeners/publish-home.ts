import type { WebClient } from "@slack/web-api";
import { canManageProgram } from "../../domain/partners/roles";
import { localDate } from "../../domain/shared/calendar";
import type { Actor } from "../../services/access-service";
import type { SlackDeps } from "../deps";
import { homeView } from "../views/home-view";
import type { HomeProgram } from "../views/program-home-view";
import { readerTimeZone } from "../views/slack-date";

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

/**
 * The program part: a member sees their partnership, a manager what waits in the program, and
 * anyone else (in no partner company) the way to apply.
 */
async function homeProgram(deps: SlackDeps, actor: Actor): Promise<HomeProgram> {
  if (canManageProgram(actor.role)) {
    const [applications, onboarding, reviews] = await Promise.all([
      deps.services.applications.pending(actor),
      deps.services.onboarding.overview(actor),
      deps.services.tiers.reviews(actor),
    ]);
    return { kind: "manager", queue: { applications, onboarding, reviews }, timeZone: readerTimeZone(actor) };
  }
  if (actor.member.partnerId !== null) return { kind: "member", card: await deps.services.tiers.card(actor) };
  return { kind: "prospect" };
}

/** (Re)publishes someone's App Home: on opening it, and after they act from it. */
export async function publishHome(deps: SlackDeps, client: WebClient, actor: Actor): Promise<void> {
  const [deals, practices, shoutouts, leaderboard, program] = await Promise.all([
    deps.services.deals.home(actor),
    deps.services.practices.home(actor),
    deps.services.recognition.home(actor),
    homeLeaderboard(deps, actor),
    homeProgram(deps, actor),
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
      program,
    }),
  });
}
