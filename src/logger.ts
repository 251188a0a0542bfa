import pino, { type Logger } from "pino";

export type { Logger } from "pino";

/** Any key that can carry a credential is censored wherever it appears in a log line. */
const SECRET_PATHS = [
  "token",
  "botToken",
  "appToken",
  "signingSecret",
  "clientSecret",
  "stateSecret",
  "authorization",
  "headers.authorization",
  "*.token",
  "*.botToken",
  "*.appToken",
  "*.signingSecret",
  "*.clientSecret",
  "*.stateSecret",
  "*.authorization",
  "*.headers.authorization",
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: "partner-hub" },
      redact: { paths: SECRET_PATHS, censor: "[redacted]" },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

/** Censors Slack tokens that may appear inside free text (error messages from libraries). */
export function scrubSecrets(text: string): string {
  return text
    .replace(/\bxox[abposr]-[A-Za-z0-9-]+/g, "xox*-[redacted]")
    .replace(/\bxapp-[A-Za-z0-9-]+/g, "xapp-[redacted]");
}
