import type { Authorize } from "@slack/bolt";
import { ErrorCode, type WebClient } from "@slack/web-api";
import type { SlackReachability } from "../services/health-service";

/** Slack's answers to auth.test that no retry will change: the token itself is refused. */
const REFUSED_TOKEN_ERRORS = new Set([
  "invalid_auth",
  "not_authed",
  "token_revoked",
  "token_expired",
  "account_inactive",
]);

/** One line for the operator: which variable, what Slack said, what to do. */
export class SlackTokenRefused extends Error {
  constructor(readonly slackError: string) {
    super(
      `Slack refused SLACK_BOT_TOKEN (${slackError}): the token is invalid or revoked; ` +
        "copy the app's current Bot User OAuth Token (xoxb-…) into SLACK_BOT_TOKEN",
    );
  }
}

function refusedToken(error: unknown): string | undefined {
  const { code, data } = error as { code?: unknown; data?: { error?: unknown } };
  if (code !== ErrorCode.PlatformError || typeof data?.error !== "string") return undefined;
  return REFUSED_TOKEN_ERRORS.has(data.error) ? data.error : undefined;
}

export interface BotIdentityOptions {
  /** A client that does not retry on its own and gives up on a hanging call: this class retries. */
  client: WebClient;
  botToken: string;
  onUnreachable: (error: Error, retryInMs: number) => void;
  /** Waits between attempts: doubling from the first to the last, then staying there. */
  retryMs?: { first: number; last: number };
}

/**
 * Who the bot is (auth.test), checked in the background so that a Slack outage never stops the app
 * or holds up a request: Bolt would otherwise run auth.test in its constructor, let the failure go
 * unhandled (the process exits) and make every request wait for it (404 after 3 s while it hangs).
 */
export class BotIdentity {
  private state: SlackReachability = "connecting";
  private ids: { botId?: string; botUserId?: string } = {};
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private wakeSleeper: (() => void) | undefined;

  constructor(private readonly options: BotIdentityOptions) {}

  get reachability(): SlackReachability {
    return this.state;
  }

  /** Bolt's authorize: never waits for Slack; the bot's ids are added once auth.test has answered. */
  readonly authorize: Authorize<boolean> = async () => ({ botToken: this.options.botToken, ...this.ids });

  /**
   * Calls auth.test until Slack answers. Resolves once it has (or the app stops first), rejects with
   * SlackTokenRefused when Slack refuses the token; any other failure is retried.
   */
  async verify(): Promise<void> {
    const { first, last } = this.options.retryMs ?? { first: 1_000, last: 30_000 };
    let wait = first;
    while (!this.stopped) {
      try {
        const answer = await this.options.client.auth.test();
        if (this.stopped) return;
        this.ids = {
          ...(answer.bot_id && { botId: answer.bot_id }),
          ...(answer.user_id && { botUserId: answer.user_id }),
        };
        this.state = "up";
        return;
      } catch (error) {
        const refused = refusedToken(error);
        if (refused) {
          this.state = "refused";
          throw new SlackTokenRefused(refused);
        }
        if (this.stopped) return;
        this.state = "unreachable";
        this.options.onUnreachable(error as Error, wait);
        await new Promise<void>((resolve) => {
          this.wakeSleeper = resolve;
          this.timer = setTimeout(resolve, wait);
        });
        wait = Math.min(wait * 2, last);
      }
    }
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.wakeSleeper?.();
  }
}
