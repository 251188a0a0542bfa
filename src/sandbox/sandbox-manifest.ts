import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import type { CommandHint, ShortcutHint } from "./sandbox-protocol";

/**
 * What the sandbox plays Slack with, read from manifest.yml as Slack reads it at install: the
 * slash commands it routes to the app, the shortcuts it offers and the events it delivers.
 */

const MANIFEST = fileURLToPath(new URL("../../manifest.yml", import.meta.url));

interface RawManifest {
  display_information?: { name?: string };
  features?: {
    bot_user?: { display_name?: string };
    slash_commands?: { command: string; description?: string; usage_hint?: string; should_escape?: boolean }[];
    shortcuts?: { name: string; type: "global" | "message"; callback_id: string; description?: string }[];
  };
  settings?: { event_subscriptions?: { bot_events?: string[] } };
}

export interface SandboxManifest {
  appName: string;
  commands: (CommandHint & { shouldEscape: boolean })[];
  shortcuts: ShortcutHint[];
  botEvents: ReadonlySet<string>;
}

export function readSandboxManifest(path = MANIFEST): SandboxManifest {
  const raw = (parse(readFileSync(path, "utf8")) ?? {}) as RawManifest;
  return {
    appName: raw.features?.bot_user?.display_name ?? raw.display_information?.name ?? "Partner Hub",
    commands: (raw.features?.slash_commands ?? []).map((command) => ({
      command: command.command,
      description: command.description ?? "",
      usageHint: command.usage_hint ?? "",
      shouldEscape: command.should_escape === true,
    })),
    shortcuts: (raw.features?.shortcuts ?? []).map((shortcut) => ({
      type: shortcut.type,
      callbackId: shortcut.callback_id,
      name: shortcut.name,
      description: shortcut.description ?? "",
    })),
    botEvents: new Set(raw.settings?.event_subscriptions?.bot_events ?? []),
  };
}
