import type { Services } from "../../services";
import { LEADERBOARD_MESSAGE_KINDS } from "../../services/leaderboard";
import { leaderboardChart } from "../charts/upload-chart";
import { withPeopleNames } from "../identity/people-names";
import { leaderboardMessage } from "../views/leaderboard-view";
import type { Renderers } from "./renderer";

/**
 * A leaderboard posted to a channel, computed at delivery from the stored arguments and audience
 * (so a retry shows the same ranking rules), and with `chart` drawn and uploaded just before the
 * post: the file exists only when the message that shows it is about to be sent.
 */
export function leaderboardRenderers(services: Services): Renderers {
  return {
    [LEADERBOARD_MESSAGE_KINDS.post]: async (row, { client }) => {
      const found = await services.leaderboard.forMessage(row.workspaceId, row.subject);
      if (found === null) return null;
      const result = await withPeopleNames(client, found);
      const requestedBy = typeof row.subject.requestedBy === "string" ? row.subject.requestedBy : undefined;
      const base = { buttons: false, ...(requestedBy !== undefined && { postedBy: requestedBy }) };
      if (!result.chart || result.top.length === 0) return leaderboardMessage(result, base);
      const chart = await leaderboardChart(client, result);
      // Without the image the list still says everything: better than no post at all.
      if ("chartFailed" in chart) return leaderboardMessage(result, { ...base, chartFailed: true });
      return leaderboardMessage(result, { ...base, chartFileId: chart.chartFileId });
    },
  };
}
