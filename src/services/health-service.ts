import type { Store } from "./store";

/**
 * Whether Slack has confirmed the bot token (auth.test): "connecting" until its first answer,
 * "unreachable" while Slack does not answer (the app keeps retrying), "refused" when Slack refused
 * the token, "not_checked" in OAuth mode, where each workspace's token is checked when it is used.
 */
export type SlackReachability = "connecting" | "up" | "unreachable" | "refused" | "not_checked";

export interface DatabaseHealth {
  ok: boolean;
  database: "up" | "down";
}

export interface Health extends DatabaseHealth {
  slack: SlackReachability;
}

export class HealthService {
  constructor(private readonly store: Store) {}

  /** Whether the database answers: what a failed request is told (nothing changed, or try again). */
  async check(): Promise<DatabaseHealth> {
    const up = await this.store.ping();
    return { ok: up, database: up ? "up" : "down" };
  }

  /**
   * What /healthz answers. Readiness (`ok`) is the database's alone: an instance without its
   * database can do nothing, so a load balancer should send requests elsewhere (503). A Slack
   * outage hits every instance alike, and an instance that cannot reach Slack still acks requests
   * and keeps what it owes Slack in the outbox, so taking it out of rotation would only turn
   * Slack's outage into ours.
   */
  async report(slack: SlackReachability): Promise<Health> {
    return { ...(await this.check()), slack };
  }
}
