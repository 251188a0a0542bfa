import { describe, expect, it } from "vitest";
import { SHORTCUTS } from "../../src/slack/ids";
import { readManifest, readManifestScopes } from "../../src/slack/manifest";
import { COMMAND_HELP } from "../../src/slack/views/help-view";

describe("manifest.yml", () => {
  const manifest = readManifest() as Record<string, never> & {
    features: { slash_commands: { command: string; should_escape: boolean }[]; shortcuts: { callback_id: string }[] };
    settings: { event_subscriptions: { bot_events: string[] } };
  };

  it("declares exactly the commands /hub help lists, escaped so mentions arrive as ids", () => {
    const declared = manifest.features.slash_commands.map((command) => command.command).sort();
    expect(declared).toEqual(COMMAND_HELP.map((help) => help.command).sort());
    expect(manifest.features.slash_commands.every((command) => command.should_escape)).toBe(true);
  });

  it("declares the shortcut and the events the app listens to", () => {
    expect(manifest.features.shortcuts.map((shortcut) => shortcut.callback_id)).toContain(SHORTCUTS.registerDeal);
    expect(manifest.settings.event_subscriptions.bot_events).toContain("app_home_opened");
  });

  it("asks for the scopes the app uses", () => {
    expect(readManifestScopes()).toEqual(expect.arrayContaining(["commands", "chat:write", "im:write", "users:read"]));
  });
});
