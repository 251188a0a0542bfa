/** What the renderers need to know beyond the blocks: names for ids, who is looking, their timezone. */
export interface RenderContext {
  users: Record<
    string,
    { name: string; realName: string /** Of another organization (Slack Connect). */; external?: boolean }
  >;
  channels: Record<string, string>;
  /** The person acting in the page: their mentions are highlighted. */
  me?: string | undefined;
  /** IANA timezone for `<!date^...>` tokens; the runtime's when unset. */
  timeZone?: string | undefined;
  /** What "today" and "ago" are measured from in date tokens; the current time when unset (tests pin it). */
  now?: Date | undefined;
}

export function emptyContext(): RenderContext {
  return { users: {}, channels: {} };
}
