import type { OutboxRow } from "../../services/outbox/outbox-message";
import type { Message } from "../views/message";

/** Draws an outbox row as it should read now; null when there is nothing left to say (its subject is gone). */
export type Render = (row: OutboxRow) => Promise<Message | null>;

/** Every outbox kind the app writes, by name; each feature brings its own map (see renderers.ts). */
export type Renderers = Record<string, Render>;
