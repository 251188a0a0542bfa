import { sandboxFilePath, slackFileOfImage } from "../slack-file-urls";

/** HTML escaping for the sandbox page's renderers: every piece of text goes through one of these. */

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text made safe for element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char);
}

/** Slack's own escaping in message text (&amp; &lt; &gt;) undone, before it is escaped for HTML. */
export function decodeSlackEntities(text: string): string {
  return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** Only web and mail links become clickable; anything else (javascript:, data:) does not. */
export function safeUrl(url: string): string | undefined {
  const trimmed = url.trim();
  return /^(https?:|mailto:)/i.test(trimmed) ? trimmed : undefined;
}

/**
 * Where an image block or element's picture comes from: its image_url (web links only), or the
 * sandbox's copy of an uploaded file named by slack_file { id } or { url }.
 */
export function imageSource(image: Record<string, unknown>): string | undefined {
  if (image.slack_file !== undefined) {
    const id = slackFileOfImage(image);
    return id ? sandboxFilePath(id) : undefined;
  }
  return safeUrl(typeof image.image_url === "string" ? image.image_url : "");
}

/** `name="value"` pairs for an element, values escaped; undefined and false are left out. */
export function attrs(values: Record<string, string | number | boolean | undefined>): string {
  return Object.entries(values)
    .filter(([, value]) => value !== undefined && value !== false)
    .map(([name, value]) => (value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`))
    .join("");
}
