/**
 * Where a Slack file can be found, shared by the fake Slack (which hands the URLs out and checks
 * image blocks) and the sandbox page (which shows them). No Node here: the page bundles it.
 *
 * Slack names a file by id (F…) and by two URLs an image block's slack_file.url may carry:
 *   url_private  https://files.slack.com/files-pri/<team>-<file>/<name>
 *   permalink    https://<domain>.slack.com/files/<user>/<file>/<name>
 */

const PRIVATE_URL = /\/files-pri\/[A-Z0-9]+-(F[A-Z0-9]+)(?:\/|$)/;
const PERMALINK = /\/files\/[A-Z0-9]+\/(F[A-Z0-9]+)(?:\/|$)/;

/** The file id in a url_private or permalink, undefined for any other URL. */
export function slackFileIdOf(url: string): string | undefined {
  return PRIVATE_URL.exec(url)?.[1] ?? PERMALINK.exec(url)?.[1];
}

/** A file id as Slack hands them out: F and upper-case letters and digits. */
export function isSlackFileId(id: string): boolean {
  return /^F[A-Z0-9]{2,40}$/.test(id);
}

/** Where the sandbox page fetches a file's bytes (served by sandbox-routes.ts from the fake Slack). */
export function sandboxFilePath(id: string): string {
  return `/sandbox/files/${encodeURIComponent(id)}`;
}

/**
 * The file an image block or image element shows: `slack_file: { id }` or `{ url }`. Undefined
 * when it names none (an image_url image, or a slack_file the fake Slack would not know).
 */
export function slackFileOfImage(image: Record<string, unknown>): string | undefined {
  const ref = image.slack_file;
  if (typeof ref !== "object" || ref === null) return undefined;
  const { id, url } = ref as { id?: unknown; url?: unknown };
  if (typeof id === "string") return isSlackFileId(id) ? id : undefined;
  return typeof url === "string" ? slackFileIdOf(url) : undefined;
}
