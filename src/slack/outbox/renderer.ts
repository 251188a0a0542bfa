import type { WebClient } from "@slack/web-api";
import type { OutboxRow } from "../../services/outbox/outbox-message";
import type { Message } from "../views/message";

/** What a renderer may use besides the row: the workspace's client, to upload a chart the message shows. */
export interface RenderTools {
  client: WebClient;
}

/** Draws an outbox row as it should read now; null when there is nothing left to say (its subject is gone). */
export type Render = (row: OutboxRow, tools: RenderTools) => Promise<Message | null>;

/** Every outbox kind the app writes, by name; each feature brings its own map (see renderers.ts). */
export type Renderers = Record<string, Render>;
