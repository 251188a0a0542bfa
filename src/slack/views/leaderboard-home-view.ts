import type { KnownBlock } from "@slack/types";
import { ACTIONS, BLOCKS } from "../ids";
import { actions, button, context, divider, header, md, section, trusted } from "./block-kit";
import { type GoalLineView, goalBlocks } from "./goal-view";

/** What services.leaderboard.homeSummary returns: the caller's company rank this quarter. */
export interface HomeRank {
  rank: number | null;
  of: number;
  metric: "revenue";
  periodLabel: string;
  value: string | null;
}

export interface HomeLeaderboard {
  /** Null: the person has no partner company (managers, admins). */
  rank: HomeRank | null;
  /** The company's current goals with progress; managers: none here (`/goal list` has them all). */
  goals: readonly GoalLineView[];
  reportingCurrency: string;
  canManage: boolean;
  hasPartner: boolean;
}

/** The Home shows a few goals; Our goals shows them all. */
const MAX_HOME_GOALS = 5;

function rankLine(rank: HomeRank): KnownBlock {
  if (rank.rank === null) {
    return section(
      md`No won revenue yet in ${rank.periodLabel}: your company's first won deal puts it on the board.`,
      BLOCKS.homeLeaderboard,
    );
  }
  const value = rank.value ? md` with ${rank.value}` : md``;
  return section(
    md`:trophy: Your company ranks *#${rank.rank} of ${rank.of}* by revenue in ${rank.periodLabel}${value}.`,
    BLOCKS.homeLeaderboard,
  );
}

/** The App Home's leaderboard and goals part: rank, buttons, the company's goals with progress. */
export function leaderboardHomeBlocks(input: HomeLeaderboard): KnownBlock[] {
  const buttons = [
    button(ACTIONS.showLeaderboard, "Leaderboard"),
    button(ACTIONS.showGoals, input.canManage ? "Goals" : "Our goals"),
    ...(input.canManage ? [button(ACTIONS.setGoal, "Set a goal")] : []),
  ];
  const blocks: KnownBlock[] = [divider(), header("Leaderboard and goals")];
  if (input.rank) blocks.push(rankLine(input.rank));
  blocks.push(actions(buttons, BLOCKS.homeGoals));
  if (input.goals.length > 0) {
    blocks.push(
      ...goalBlocks(input.goals, {
        reportingCurrency: input.reportingCurrency,
        canManage: false,
        max: MAX_HOME_GOALS,
        more: trusted(": Our goals shows them all."),
      }),
    );
  } else if (input.hasPartner) {
    blocks.push(context(trusted("No goals for your company this period yet.")));
  }
  return blocks;
}
