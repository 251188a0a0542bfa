/**
 * The JSON the sandbox page and the sandbox server exchange under /sandbox/. Types only: the page
 * imports them too, so nothing here may touch Node.
 */

export type Json = Record<string, unknown>;

export interface PersonaView {
  userId: string;
  name: string;
  realName: string;
  /** Effective role in Partner Hub: admin | manager | member. */
  role: string;
  /** Partner company, or the vendor's name for internal people. */
  company: string;
  /** A Slack Connect user from another organization. */
  external: boolean;
  /** One line on what this person can see and do in the sandbox. */
  about: string;
}

export interface ChannelView {
  id: string;
  name: string;
  kind: "channel" | "dm";
  /** Shared with another organization through Slack Connect. */
  shared: boolean;
  /** Top-level messages this person can see: the page compares it to what it last showed. */
  messageCount: number;
}

export interface MessageView {
  channel: string;
  ts: string;
  threadTs?: string | undefined;
  user: string;
  isBot: boolean;
  text: string;
  blocks: Json[];
  ephemeral: boolean;
  replyCount: number;
  edited: boolean;
  /** Files shared with the message; `available` false once the fake Slack let go of the bytes. */
  files?: FileView[] | undefined;
}

export interface FileView {
  id: string;
  title: string;
  mimetype: string;
  available: boolean;
}

export interface ModalView {
  id: string;
  hash: string;
  view: Json;
  /** How many views are stacked under this one (0 = the only one). */
  depth: number;
  /** response_action "errors" of the last submit, by block_id. */
  errors: Record<string, string>;
  /** The app failed to answer the last submit (Slack shows "We had some trouble connecting"). */
  failure?: string | undefined;
}

export interface DirectoryUser {
  id: string;
  name: string;
  realName: string;
  teamId: string;
  tz: string;
}

export interface DirectoryChannel {
  id: string;
  name: string;
}

export interface CommandHint {
  command: string;
  description: string;
  usageHint: string;
}

export interface ShortcutHint {
  type: "global" | "message";
  callbackId: string;
  name: string;
  description: string;
}

export interface SandboxState {
  /** `domain` is what permalinks start with: https://<domain>.slack.com/archives/… */
  team: { id: string; name: string; domain: string };
  app: { name: string; botUserId: string };
  me: PersonaView;
  personas: PersonaView[];
  channels: ChannelView[];
  /** The channel asked for, if this person can see it. */
  channel: ChannelView | undefined;
  messages: MessageView[];
  /** The open thread: its parent first, then the replies. */
  thread: MessageView[];
  modal: ModalView | undefined;
  /** The person's App Home as the app last published it. */
  home: Json | undefined;
  /** Whether opening the Home tab tells the app (manifest subscribes app_home_opened). */
  homeOpenedEvent: boolean;
  /** Whether the App Home is reachable for this person (not for people of other organizations). */
  homeAvailable: boolean;
  commands: CommandHint[];
  shortcuts: ShortcutHint[];
  users: DirectoryUser[];
  allChannels: DirectoryChannel[];
}

/** What a person entered in a view, keyed "block_id.action_id" (see view-state.ts). */
export type Entered = Record<string, string | string[] | null>;

export type ActionTarget =
  | { where: "message"; channel: string; ts: string }
  | { where: "modal"; entered: Entered }
  | { where: "home" };

export interface ActionRequest {
  user: string;
  target: ActionTarget;
  actionId: string;
  blockId?: string | undefined;
  value?: string | string[] | undefined;
}

/** Every POST answers with this; `notice` is shown to the person as a short toast. */
export interface ActionResult {
  ok: boolean;
  notice?: string | undefined;
  errors?: Record<string, string> | undefined;
}
