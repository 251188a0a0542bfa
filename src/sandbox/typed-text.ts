import type { FakeDirectory } from "./fake-slack-directory";

/** A web address typed in a message, without the punctuation that ends a sentence after it. */
const TYPED_URL = /(^|[\s(])(https?:\/\/[^\s<>]+?)(?=[.,;:!?)]*(?:\s|$))/g;

/**
 * What Slack makes of text a person types before the app sees it: & < > escaped, and @name /
 * #channel turned into links (`<@U123|name>` for commands with should_escape, `<@U123>` in
 * messages; commands without should_escape get the names as typed), so the app parses the same
 * text it would get from real Slack. Web addresses in messages become links (`<https://…>`).
 */
export function encodeTypedText(
  text: string,
  directory: FakeDirectory,
  form: "command" | "message" | "escaped-only",
): string {
  const escaped = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  if (form === "escaped-only") return escaped;
  return escaped
    .replace(/(^|[\s(])@([A-Za-z0-9][\w-]*)/g, (match, before: string, handle: string) => {
      const user = directory.users.find(
        (entry) => entry.name.toLowerCase() === handle.toLowerCase() || entry.id === handle.toUpperCase(),
      );
      if (!user) return match;
      return `${before}${form === "command" ? `<@${user.id}|${user.name}>` : `<@${user.id}>`}`;
    })
    .replace(/(^|[\s(])#([a-z0-9][\w-]*)/g, (match, before: string, name: string) => {
      const channel = directory.channels.find((entry) => !entry.isIm && entry.name === name.toLowerCase());
      if (!channel) return match;
      return `${before}${form === "command" ? `<#${channel.id}|${channel.name}>` : `<#${channel.id}>`}`;
    })
    .replace(TYPED_URL, (match, before: string, url: string) => (form === "message" ? `${before}<${url}>` : match));
}
