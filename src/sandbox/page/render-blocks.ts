import { attrs, escapeHtml, imageSource } from "./html";
import type { RenderContext } from "./render-context";
import { type BlockOptions, renderElement } from "./render-element";
import { type Json, list, obj, str } from "./render-json";
import { renderPlainText, renderText } from "./render-mrkdwn";
import { richText } from "./render-rich-text";

/**
 * Block Kit as HTML: the blocks of a message, a modal or a Home tab. The elements inside them are
 * drawn by render-element.ts, rich text by render-rich-text.ts. Pure: blocks in, escaped HTML out.
 */

export { type BlockOptions, type Drafts, plainLabel, renderElement, stateKey } from "./render-element";

function sectionBlock(block: Json, blockId: string, context: RenderContext, options: BlockOptions): string {
  const text = block.text ? `<div class="section-text">${renderText(block.text, context)}</div>` : "";
  const fields = list(block.fields);
  const fieldsHtml =
    fields.length > 0
      ? `<div class="fields">${fields.map((field) => `<div class="field">${renderText(field, context)}</div>`).join("")}</div>`
      : "";
  const accessory = obj(block.accessory);
  const accessoryHtml = accessory
    ? `<div class="accessory${accessory.type === "image" ? " accessory-image" : ""}">${renderElement(accessory, blockId, context, options)}</div>`
    : "";
  return `<div class="section-body">${text}${fieldsHtml}</div>${accessoryHtml}`;
}

function contextBlock(block: Json, context: RenderContext): string {
  return list(block.elements)
    .map((element) =>
      element.type === "image"
        ? renderElement(element, "", context)
        : `<span class="context-text">${renderText(element, context)}</span>`,
    )
    .join("");
}

/** An image block: image_url, or an uploaded file (slack_file by id or URL) served by the sandbox. */
function imageBlock(block: Json): string {
  const src = imageSource(block);
  const alt = str(block.alt_text);
  const title = block.title ? `<figcaption>${renderPlainText(str(obj(block.title)?.text))}</figcaption>` : "";
  const image = src
    ? `<img${attrs({ src, alt, title: alt, loading: "lazy" })}>`
    : `<div class="image-missing">${escapeHtml(alt || "image")}</div>`;
  return `<figure>${title}${image}</figure>`;
}

function inputBlock(block: Json, blockId: string, context: RenderContext, options: BlockOptions): string {
  const element = obj(block.element) ?? {};
  const optional = block.optional === true;
  const label = renderPlainText(str(obj(block.label)?.text));
  const error = options.errors?.[blockId];
  // Slack shows an input's error in place of its hint, never both.
  const hint = block.hint
    ? `<div class="input-hint"${attrs({ hidden: Boolean(error) })}>${renderPlainText(str(obj(block.hint)?.text))}</div>`
    : "";
  const control = renderElement(element, blockId, context, options, block.dispatch_action !== true);
  return `<label class="input-label">${label}${optional ? ' <span class="optional">(optional)</span>' : ""}</label>${control}${hint}<div class="field-error"${attrs({ "data-error-for": blockId, hidden: !error })}>${escapeHtml(error ?? "")}</div>`;
}

/** One block as HTML (its wrapper carries the type and block_id). */
export function renderBlock(block: Json, context: RenderContext, options: BlockOptions = {}): string {
  const type = str(block.type);
  const blockId = str(block.block_id);
  const wrapper = (inner: string, extra = "") =>
    `<div class="block block-${escapeHtml(type)}${extra}"${attrs({ "data-block-id": blockId || undefined })}>${inner}</div>`;
  switch (type) {
    case "section":
      return wrapper(sectionBlock(block, blockId, context, options));
    case "header":
      return wrapper(renderPlainText(str(obj(block.text)?.text), obj(block.text)?.emoji !== false));
    case "divider":
      return wrapper("<hr>");
    case "context":
      return wrapper(contextBlock(block, context));
    case "actions":
      return wrapper(
        list(block.elements)
          .map((element) => renderElement(element, blockId, context, options))
          .join(""),
      );
    case "image":
      return wrapper(imageBlock(block));
    case "rich_text":
      return wrapper(richText(block, context));
    case "input":
      return wrapper(inputBlock(block, blockId, context, options), options.errors?.[blockId] ? " has-error" : "");
    default:
      return wrapper(
        `<span class="unsupported">A ${escapeHtml(type || "unknown")} block (not shown in the sandbox)</span>`,
      );
  }
}

export function renderBlocks(blocks: unknown, context: RenderContext, options: BlockOptions = {}): string {
  return list(blocks)
    .map((block) => renderBlock(block, context, options))
    .join("");
}
