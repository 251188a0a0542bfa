import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const MANIFEST = fileURLToPath(new URL("../../manifest.yml", import.meta.url));

interface Manifest {
  oauth_config?: { scopes?: { bot?: string[] } };
  features?: { slash_commands?: { command: string }[] };
}

export function readManifest(path = MANIFEST): Manifest {
  return parse(readFileSync(path, "utf8")) as Manifest;
}

/** manifest.yml is the single source of the bot scopes the OAuth install asks for. */
export function readManifestScopes(path = MANIFEST): string[] {
  return readManifest(path).oauth_config?.scopes?.bot ?? [];
}
