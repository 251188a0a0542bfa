import { EMOJI } from "./emoji";
import { attrs, escapeHtml, imageSource, safeUrl } from "./html";
import type { RenderContext } from "./render-context";
import { type Json, list, obj, str } from "./render-json";
import { renderPlainText, renderText } from "./render-mrkdwn";

/**
 * Interactive (and image) elements as HTML: buttons, menus, pickers and inputs. Each carries
 * `data-action-id` / `data-block-id` (and stateful ones `name="block_id.action_id"`, the key
 * view-state.ts understands), so the page can tell Slack-the-sandbox what was clicked or entered.
 */

/** What the person has entered so far, keyed "block_id.action_id"; overrides initial values. */
export type Drafts = Record<string, string | string[] | null | undefined>;

export interface BlockOptions {
  drafts?: Drafts | undefined;
  /** Per-block messages (response_action "errors"), shown under the input with that block_id. */
  errors?: Record<string, string> | undefined;
}

interface Option {
  text: Json;
  value: string;
  description?: Json;
}

/** The key view-state.ts reads entered values by. */
export function stateKey(blockId: string, actionId: string): string {
  return `${blockId}.${actionId}`;
}

/** Plain text for places that cannot hold markup (option labels, placeholders, titles). */
export function plainLabel(text: unknown): string {
  const raw = str(obj(text)?.text);
  return raw.replace(/:([a-z0-9_+'-]+):/gi, (match, name: string) => EMOJI[name.toLowerCase()] ?? match);
}

function allOptions(element: Json): Option[] {
  const direct = list(element.options) as unknown as Option[];
  const grouped = list(element.option_groups).flatMap((group) => list(group.options) as unknown as Option[]);
  return [...direct, ...grouped];
}

function initialValues(element: Json): string[] {
  const type = str(element.type);
  switch (type) {
    case "plain_text_input":
    case "number_input":
    case "email_text_input":
    case "url_text_input":
      return element.initial_value === undefined ? [] : [String(element.initial_value)];
    case "static_select":
    case "external_select":
    case "radio_buttons": {
      const option = obj(element.initial_option);
      return option ? [str(option.value)] : [];
    }
    case "multi_static_select":
    case "multi_external_select":
    case "checkboxes":
      return list(element.initial_options).map((option) => str(option.value));
    case "users_select":
      return element.initial_user ? [str(element.initial_user)] : [];
    case "multi_users_select":
      return (element.initial_users as string[] | undefined) ?? [];
    case "conversations_select":
      return element.initial_conversation ? [str(element.initial_conversation)] : [];
    case "multi_conversations_select":
      return (element.initial_conversations as string[] | undefined) ?? [];
    case "channels_select":
      return element.initial_channel ? [str(element.initial_channel)] : [];
    case "multi_channels_select":
      return (element.initial_channels as string[] | undefined) ?? [];
    case "datepicker":
      return element.initial_date ? [str(element.initial_date)] : [];
    case "timepicker":
      return element.initial_time ? [str(element.initial_time)] : [];
    default:
      return [];
  }
}

/** The element's current value(s): what was entered, else its initial value. */
function currentValues(element: Json, key: string, options: BlockOptions): string[] {
  const drafted = options.drafts?.[key];
  if (drafted === undefined) return initialValues(element);
  if (drafted === null) return [];
  return Array.isArray(drafted) ? drafted : [drafted];
}

function optionTags(options: Option[], selected: string[]): string {
  return options
    .map(
      (option) =>
        `<option${attrs({ value: option.value, selected: selected.includes(option.value) })}>${escapeHtml(plainLabel(option.text))}</option>`,
    )
    .join("");
}

function selectOptions(element: Json, context: RenderContext, selected: string[]): string {
  const type = str(element.type);
  if (type.endsWith("users_select")) {
    return Object.entries(context.users)
      .map(
        ([id, user]) =>
          `<option${attrs({ value: id, selected: selected.includes(id) })}>${escapeHtml(user.realName)}</option>`,
      )
      .join("");
  }
  if (type.endsWith("conversations_select") || type.endsWith("channels_select")) {
    return Object.entries(context.channels)
      .map(
        ([id, name]) => `<option${attrs({ value: id, selected: selected.includes(id) })}>#${escapeHtml(name)}</option>`,
      )
      .join("");
  }
  const groups = list(element.option_groups);
  if (groups.length > 0) {
    return groups
      .map(
        (group) =>
          `<optgroup${attrs({ label: plainLabel(group.label) })}>${optionTags(list(group.options) as unknown as Option[], selected)}</optgroup>`,
      )
      .join("");
  }
  return optionTags(list(element.options) as unknown as Option[], selected);
}

function choiceList(element: Json, key: string, base: string, context: RenderContext, selected: string[]): string {
  const kind = element.type === "checkboxes" ? "checkbox" : "radio";
  const items = allOptions(element).map((option) => {
    const description = option.description
      ? `<span class="choice-description">${renderText(option.description, context)}</span>`
      : "";
    return `<label class="choice"><input${attrs({
      type: kind,
      name: key,
      value: option.value,
      checked: selected.includes(option.value),
    })}${base}><span class="choice-text">${renderText(option.text, context)}${description}</span></label>`;
  });
  return `<div class="choices" data-choice="${kind}">${items.join("")}</div>`;
}

/** One interactive (or image) element as HTML. `inInput` = inside an input block (no block_actions by default). */
export function renderElement(
  element: Json,
  blockId: string,
  context: RenderContext,
  options: BlockOptions = {},
  inInput = false,
): string {
  const type = str(element.type);
  const actionId = str(element.action_id);
  const key = stateKey(blockId, actionId);
  const base = attrs({
    "data-action-id": actionId,
    "data-block-id": blockId,
    "data-type": type,
    "data-input": inInput ? "true" : undefined,
  });
  const placeholder = plainLabel(element.placeholder) || undefined;
  const values = currentValues(element, key, options);
  switch (type) {
    case "button": {
      const style = element.style === "primary" || element.style === "danger" ? ` btn-${str(element.style)}` : "";
      const url = safeUrl(str(element.url));
      return `<button type="button" class="btn${style}"${base}${attrs({ "data-url": url, title: url })}>${renderPlainText(str(obj(element.text)?.text), obj(element.text)?.emoji !== false)}</button>`;
    }
    case "image": {
      const src = imageSource(element);
      const alt = str(element.alt_text);
      return src
        ? `<img class="element-image"${attrs({ src, alt, title: alt, loading: "lazy" })}>`
        : `<span class="element-image missing" title="${escapeHtml(alt)}"></span>`;
    }
    case "overflow": {
      const items = list(element.options).map(
        (option) =>
          `<button type="button" class="overflow-item"${base}${attrs({ "data-value": str(option.value), "data-url": safeUrl(str(option.url)) })}>${escapeHtml(plainLabel(option.text))}</button>`,
      );
      return `<details class="overflow"><summary class="btn btn-icon" aria-label="More actions" title="More actions">⋯</summary><div class="overflow-menu" role="menu">${items.join("")}</div></details>`;
    }
    case "static_select":
    case "external_select":
    case "users_select":
    case "conversations_select":
    case "channels_select": {
      const external = type === "external_select" ? externalOptions(element, values) : undefined;
      const body = external ?? selectOptions(element, context, values);
      const empty = `<option value=""${values.length === 0 ? " selected" : ""}>${escapeHtml(placeholder ?? "Select an item")}</option>`;
      return `<select class="select"${base}${attrs({ name: key })}>${empty}${body}</select>`;
    }
    case "multi_static_select":
    case "multi_external_select":
    case "multi_users_select":
    case "multi_conversations_select":
    case "multi_channels_select": {
      const body = selectOptions(element, context, values);
      return `<select multiple class="select select-multi"${base}${attrs({ name: key, "aria-label": placeholder, title: placeholder })}>${body}</select>`;
    }
    case "datepicker":
      return `<input type="date" class="input input-date"${base}${attrs({ name: key, value: values[0] ?? "", "aria-label": placeholder })}>`;
    case "timepicker":
      return `<input type="time" class="input input-time"${base}${attrs({ name: key, value: values[0] ?? "", "aria-label": placeholder })}>`;
    case "checkboxes":
    case "radio_buttons":
      return choiceList(element, key, base, context, values);
    case "plain_text_input": {
      const common = attrs({
        name: key,
        placeholder,
        minlength: element.min_length as number | undefined,
        maxlength: element.max_length as number | undefined,
      });
      if (element.multiline === true) {
        return `<textarea class="input input-multiline" rows="4"${base}${common}>${escapeHtml(values[0] ?? "")}</textarea>`;
      }
      return `<input type="text" class="input"${base}${common}${attrs({ value: values[0] ?? "" })}>`;
    }
    case "number_input":
      return `<input type="number" class="input input-number"${base}${attrs({
        name: key,
        placeholder,
        value: values[0] ?? "",
        step: element.is_decimal_allowed === true ? "any" : "1",
        min: element.min_value as string | undefined,
        max: element.max_value as string | undefined,
        inputmode: element.is_decimal_allowed === true ? "decimal" : "numeric",
      })}>`;
    case "email_text_input":
    case "url_text_input":
      return `<input type="${type === "email_text_input" ? "email" : "url"}" class="input"${base}${attrs({
        name: key,
        placeholder,
        value: values[0] ?? "",
      })}>`;
    default:
      return `<span class="unsupported">${escapeHtml(type || "element")} is not shown in the sandbox</span>`;
  }
}

/** An external_select has no options until the app is asked; the sandbox shows the initial one only. */
function externalOptions(element: Json, values: string[]): string {
  const initial = obj(element.initial_option);
  return initial ? optionTags([initial as unknown as Option], values) : "";
}
