import type { Services } from "../../services";
import type { OutboxRow } from "../../services/outbox/outbox-message";
import type { Message } from "../views/message";
import { dealRenderers } from "./deal-renderers";

/** Draws an outbox row as it should read now; null when there is nothing left to say (its subject is gone). */
export type Render = (row: OutboxRow) => Promise<Message | null>;

/** Every outbox kind the app writes, by name; a feature adds its own map here. */
export type Renderers = Record<string, Render>;

export function createRenderers(services: Services): Renderers {
  return { ...dealRenderers(services) };
}
