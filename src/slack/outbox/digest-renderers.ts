import type { WebClient } from "@slack/web-api";
import type { Services } from "../../services";
import { DIGEST_POST_KIND, type DigestContent } from "../../services/digest";
import type { LeaderboardResult } from "../../services/leaderboard";
import { leaderboardChart } from "../charts/upload-chart";
import { namesOf, withPeopleNames } from "../identity/people-names";
import { digestMessage, digestPeople } from "../views/digest-view";
import type { Message } from "../views/message";
import type { Renderers } from "./renderer";

/**
 * The chart of a digest drawn from cached content (one fan-out shares one content object): drawn
 * and uploaded once, its file shown by every channel's post. A failed upload is not remembered.
 */
const charts = new WeakMap<DigestContent, ReturnType<typeof leaderboardChart>>();

function chartOf(client: WebClient, found: DigestContent, board: LeaderboardResult) {
  let chart = charts.get(found);
  if (!chart) {
    chart = leaderboardChart(client, board);
    charts.set(found, chart);
    void chart.then(
      (result) => {
        if (!("chartFileId" in result)) charts.delete(found);
      },
      () => charts.delete(found),
    );
  }
  return chart;
}

/**
 * A digest as it is posted (or previewed): people named, and for a week with a leaderboard the
 * chart drawn and uploaded just before the message that shows it. An upload that fails leaves
 * the chart out; the leaderboard's rows say the same.
 */
export async function drawDigest(
  client: WebClient,
  found: DigestContent,
  options: { preview?: boolean } = {},
): Promise<Message> {
  const board = found.leaderboard && (await withPeopleNames(client, found.leaderboard));
  const content: DigestContent = { ...found, leaderboard: board };
  // Without a name the view falls back to a mention: Slack still shows who it is.
  const names = await namesOf(client, digestPeople(content));
  const base = { names, ...(options.preview && { preview: true }) };
  const wantsChart = content.audience.kind !== "manager" && !content.quiet && board !== null && board.top.length > 0;
  if (!wantsChart || board === null) return digestMessage(content, base);
  const chart = await chartOf(client, found, board);
  return "chartFileId" in chart
    ? digestMessage(content, { ...base, chartFileId: chart.chartFileId })
    : digestMessage(content, base);
}

/** The weekly digest, computed at delivery from the period its run claimed: a retry posts the same week. */
export function digestRenderers(services: Services): Renderers {
  return {
    [DIGEST_POST_KIND]: async (row, { client }) => {
      const content = await services.digest.contentFor(row.workspaceId, row.subject);
      return content && drawDigest(client, content);
    },
  };
}
