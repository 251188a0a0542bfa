import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import { type Logger, scrubSecrets } from "../logger";

const TO_PINO: Record<LogLevel, string> = {
  [LogLevel.DEBUG]: "debug",
  [LogLevel.INFO]: "info",
  [LogLevel.WARN]: "warn",
  [LogLevel.ERROR]: "error",
};

function text(parts: unknown[]): string {
  return scrubSecrets(
    parts
      .map((part) =>
        part instanceof Error ? (part.stack ?? part.message) : typeof part === "string" ? part : JSON.stringify(part),
      )
      .join(" "),
  );
}

/** Bolt and the Web API client log through this, so their lines are JSON too and carry no token. */
export function boltLogger(logger: Logger): BoltLogger {
  let child = logger.child({ component: "bolt" });
  return {
    debug: (...parts: unknown[]) => child.debug(text(parts)),
    info: (...parts: unknown[]) => child.info(text(parts)),
    warn: (...parts: unknown[]) => child.warn(text(parts)),
    error: (...parts: unknown[]) => child.error(text(parts)),
    setLevel: (level: LogLevel) => {
      child.level = TO_PINO[level] ?? "info";
    },
    getLevel: () =>
      (Object.entries(TO_PINO).find(([, pinoLevel]) => pinoLevel === child.level)?.[0] as LogLevel) ?? LogLevel.INFO,
    setName: (name: string) => {
      child = logger.child({ component: name });
    },
  };
}
