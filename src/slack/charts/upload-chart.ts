import type { WebClient } from "@slack/web-api";
import type { LeaderboardResult } from "../../services/leaderboard";
import { leaderboardChartInput } from "../views/leaderboard-chart-input";
import { chartAltText, leaderboardTitle } from "../views/leaderboard-view";
import { renderBarChart } from "./bar-chart";

export interface UploadOptions {
  /** File name Slack shows, e.g. "leaderboard-month-revenue.png". */
  filename: string;
  title: string;
  altText: string;
  /** Waits between files.info checks; tests pass 0. */
  pollMs?: number;
  /** How many times to ask whether Slack has finished processing the file. */
  polls?: number;
}

const DEFAULT_POLLS = 8;
const DEFAULT_POLL_MS = 250;

/**
 * Uploads a PNG with files.uploadV2 (getUploadURLExternal, the upload, completeUploadExternal) to
 * no channel, so it appears only where a message shows it in an image block (`slack_file`), and
 * returns the file id. Slack processes an upload after completeUploadExternal answers; a message
 * naming the file before then is refused with invalid_blocks, so this waits (bounded) until
 * files.info reports the file's type. files.info answering an error (no files:read scope) ends
 * the wait: the post is then tried as is.
 */
export async function uploadChart(client: WebClient, png: Buffer, options: UploadOptions): Promise<string> {
  const answer = await client.files.uploadV2({
    file: png,
    filename: options.filename,
    title: options.title,
    alt_text: options.altText.slice(0, 1000),
  });
  const fileId = uploadedFileId(answer);
  if (fileId === null) throw new Error("files.uploadV2 answered without a file id");
  await waitUntilProcessed(client, fileId, options.polls ?? DEFAULT_POLLS, options.pollMs ?? DEFAULT_POLL_MS);
  return fileId;
}

/** uploadV2 answers `{ files: [{ files: [{ id }] }] }`: one completeUploadExternal answer per job. */
function uploadedFileId(answer: unknown): string | null {
  const jobs = (answer as { files?: { files?: { id?: string }[] }[] }).files ?? [];
  for (const job of jobs) {
    const id = job.files?.[0]?.id;
    if (typeof id === "string" && id !== "") return id;
  }
  return null;
}

async function waitUntilProcessed(client: WebClient, fileId: string, polls: number, pollMs: number): Promise<void> {
  for (let attempt = 0; attempt < polls; attempt++) {
    try {
      const info = await client.files.info({ file: fileId });
      if ((info.file?.mimetype ?? "") !== "") return;
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/** What a leaderboard message shows for its chart: the uploaded file, or that it could not be made. */
export type ChartOutcome = { chartFileId: string } | { chartFailed: true; error: unknown };

/**
 * Draws the leaderboard as a bar chart and uploads it. A failure (no files:write scope, Slack
 * down) is returned rather than thrown: the answer then falls back to the list it would show anyway.
 */
export async function leaderboardChart(
  client: WebClient,
  result: LeaderboardResult,
  options: Pick<UploadOptions, "pollMs" | "polls"> = {},
): Promise<ChartOutcome> {
  try {
    const png = await renderBarChart(leaderboardChartInput(result));
    const slug = result.argsText.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "") || "leaderboard";
    const chartFileId = await uploadChart(client, png, {
      filename: `leaderboard-${slug}.png`.slice(0, 120),
      title: leaderboardTitle(result),
      altText: chartAltText(result),
      ...options,
    });
    return { chartFileId };
  } catch (error) {
    return { chartFailed: true, error };
  }
}
