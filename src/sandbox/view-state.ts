/**
 * Builds `view.state.values` exactly as Slack sends it in view_submission and block_actions:
 * `{ [block_id]: { [action_id]: { type, value | selected_* } } }`, starting from each element's
 * initial value and applying what the person entered.
 */

/** What a person entered, keyed by action_id (or "block_id.action_id" when action ids repeat). */
export type EnteredValues = Record<string, string | string[] | null | undefined>;

type Json = Record<string, unknown>;
type Option = { text: Json; value: string };

const STATEFUL = new Set([
  "plain_text_input",
  "number_input",
  "email_text_input",
  "url_text_input",
  "static_select",
  "external_select",
  "multi_static_select",
  "users_select",
  "multi_users_select",
  "conversations_select",
  "channels_select",
  "datepicker",
  "timepicker",
  "checkboxes",
  "radio_buttons",
]);

function allOptions(element: Json): Option[] {
  const direct = (element.options as Option[] | undefined) ?? [];
  const grouped = ((element.option_groups as { options: Option[] }[] | undefined) ?? []).flatMap(
    (group) => group.options,
  );
  return [...direct, ...grouped];
}

function pickOption(element: Json, value: string): Option {
  const option = allOptions(element).find((candidate) => candidate.value === value);
  if (!option) throw new Error(`option ${value} is not offered by ${String(element.action_id)}`);
  return option;
}

/** The state entry for one element, given what was entered (undefined = untouched). */
export function elementState(element: Json, entered: string | string[] | null | undefined): Json {
  const type = String(element.type);
  const touched = entered !== undefined;
  const single = Array.isArray(entered) ? entered[0] : entered;
  const many = Array.isArray(entered) ? entered : entered ? [entered] : [];
  switch (type) {
    case "plain_text_input":
    case "number_input":
    case "email_text_input":
    case "url_text_input":
      return { type, value: touched ? single || null : ((element.initial_value as string | undefined) ?? null) };
    case "static_select":
    case "external_select":
    case "radio_buttons":
      return {
        type,
        selected_option: touched ? (single ? pickOption(element, single) : null) : (element.initial_option ?? null),
      };
    case "multi_static_select":
    case "checkboxes":
      return {
        type,
        selected_options: touched ? many.map((value) => pickOption(element, value)) : (element.initial_options ?? []),
      };
    case "users_select":
      return { type, selected_user: touched ? single || null : (element.initial_user ?? null) };
    case "multi_users_select":
      return { type, selected_users: touched ? many : (element.initial_users ?? []) };
    case "conversations_select":
      return { type, selected_conversation: touched ? single || null : (element.initial_conversation ?? null) };
    case "channels_select":
      return { type, selected_channel: touched ? single || null : (element.initial_channel ?? null) };
    case "datepicker":
      return { type, selected_date: touched ? single || null : (element.initial_date ?? null) };
    case "timepicker":
      return { type, selected_time: touched ? single || null : (element.initial_time ?? null) };
    default:
      throw new Error(`element type ${type} has no state`);
  }
}

function elementsOf(block: Json): Json[] {
  if (block.type === "input" && block.element) return [block.element as Json];
  if (block.type === "actions") return (block.elements as Json[] | undefined) ?? [];
  if (block.type === "section" && block.accessory) return [block.accessory as Json];
  return [];
}

export function buildStateValues(blocks: Json[], entered: EnteredValues = {}): Record<string, Record<string, Json>> {
  const values: Record<string, Record<string, Json>> = {};
  const used = new Set<string>();
  for (const block of blocks) {
    const blockId = String(block.block_id ?? "");
    for (const element of elementsOf(block)) {
      if (!STATEFUL.has(String(element.type))) continue;
      const actionId = String(element.action_id ?? "");
      const qualified = `${blockId}.${actionId}`;
      const key = qualified in entered ? qualified : actionId;
      if (key in entered) used.add(key);
      values[blockId] ??= {};
      values[blockId][actionId] = elementState(element, entered[key]);
    }
  }
  const unknown = Object.keys(entered).filter((key) => !used.has(key));
  if (unknown.length > 0) throw new Error(`no input in this view for: ${unknown.join(", ")}`);
  return values;
}

/** Finds the element with this action_id (and block_id if given) in a list of blocks. */
export function findElement(
  blocks: Json[],
  actionId: string,
  blockId?: string,
): { block: Json; element: Json } | undefined {
  for (const block of blocks) {
    if (blockId !== undefined && block.block_id !== blockId) continue;
    for (const element of elementsOf(block)) {
      if (element.action_id === actionId) return { block, element };
    }
    if (block.type === "section" && block.accessory && (block.accessory as Json).action_id === actionId) {
      return { block, element: block.accessory as Json };
    }
  }
  return undefined;
}
