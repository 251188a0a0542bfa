import { escapeHtml, safeUrl } from "./html";
import type { RenderContext } from "./render-context";
import { type Json, list, obj, str } from "./render-json";
import { formatSlackDate, renderEmoji, renderMrkdwn } from "./render-mrkdwn";

/** A rich_text block (sections, lists, quotes, preformatted) as HTML, its styled runs nested as Slack nests them. */

function richInline(element: Json, context: RenderContext): string {
  const style = obj(element.style) ?? {};
  const wrap = (html: string) => {
    let out = html;
    if (style.code === true) out = `<code>${out}</code>`;
    if (style.bold === true) out = `<b>${out}</b>`;
    if (style.italic === true) out = `<i>${out}</i>`;
    if (style.strike === true) out = `<s>${out}</s>`;
    return out;
  };
  switch (element.type) {
    case "text":
      return wrap(escapeHtml(str(element.text)).replace(/\n/g, "<br>"));
    case "link": {
      const url = safeUrl(str(element.url));
      const label = escapeHtml(str(element.text) || str(element.url));
      return wrap(url ? `<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${label}</a>` : label);
    }
    case "user":
      return wrap(renderMrkdwn(`<@${str(element.user_id)}>`, context));
    case "channel":
      return wrap(renderMrkdwn(`<#${str(element.channel_id)}>`, context));
    case "usergroup":
      return wrap(`<span class="mention">@${escapeHtml(str(element.usergroup_id))}</span>`);
    case "broadcast":
      return wrap(`<span class="mention mention-broadcast">@${escapeHtml(str(element.range))}</span>`);
    case "emoji":
      return renderEmoji(str(element.name));
    case "date": {
      const seconds = Number(element.timestamp);
      const text =
        formatSlackDate(seconds, str(element.format) || "{date}", context.timeZone, context.now) ??
        str(element.fallback);
      return wrap(`<span class="date">${escapeHtml(text)}</span>`);
    }
    case "color":
      return wrap(
        `<span class="color-swatch" style="--swatch:${escapeHtml(/^#[0-9a-f]{3,8}$/i.test(str(element.value)) ? str(element.value) : "#ccc")}"></span>${escapeHtml(str(element.value))}`,
      );
    default:
      return "";
  }
}

function richElements(elements: Json[], context: RenderContext): string {
  return elements.map((element) => richInline(element, context)).join("");
}

export function richText(block: Json, context: RenderContext): string {
  return list(block.elements)
    .map((part) => {
      const inner = list(part.elements);
      switch (part.type) {
        case "rich_text_section":
          return `<div class="rich-section">${richElements(inner, context)}</div>`;
        case "rich_text_preformatted":
          return `<pre class="pre">${richElements(inner, context)}</pre>`;
        case "rich_text_quote":
          return `<blockquote>${richElements(inner, context)}</blockquote>`;
        case "rich_text_list": {
          const tag = part.style === "ordered" ? "ol" : "ul";
          const indent = Number(part.indent ?? 0);
          const items = inner.map((item) => `<li>${richElements(list(item.elements), context)}</li>`).join("");
          return `<${tag} class="rich-list" style="--indent:${Number.isFinite(indent) ? indent : 0}">${items}</${tag}>`;
        }
        default:
          return "";
      }
    })
    .join("");
}
