import { requireAdmin } from "../../domain/partners/roles";
import { DomainError } from "../../domain/shared/domain-error";
import type { Actor } from "../access-service";
import type { Clock } from "../clock";
import type { OutboxSummary } from "../outbox/outbox-message";
import type { Store } from "../store";
import type { JobRunRecord, MigrationsApplied, SystemInfo } from "./operations-store";

export interface SystemStatus {
  version: string;
  dialect: SystemInfo["dialect"];
  migrations: MigrationsApplied;
  outbox: OutboxSummary;
  jobs: JobRunRecord[];
  at: Date;
}

/** How many failed messages /hub status lists (each with a Retry button). */
const FAILURES_SHOWN = 10;

/** What admins see in /hub status, and the Retry of a failed message. */
export class SystemStatusService {
  constructor(
    private readonly store: Store,
    private readonly system: SystemInfo,
    private readonly version: string,
    private readonly clock: Clock,
  ) {}

  async status(actor: Actor): Promise<SystemStatus> {
    requireAdmin(actor.role, "see_system_status");
    const [migrations, outbox, jobs] = await Promise.all([
      this.system.migrations(),
      this.store.outbox.summary(actor.workspace.id, FAILURES_SHOWN),
      this.store.jobRuns.list(),
    ]);
    return { version: this.version, dialect: this.system.dialect, migrations, outbox, jobs, at: this.clock() };
  }

  /** Puts a failed message back in the queue, with a fresh count of attempts. */
  async retryMessage(actor: Actor, outboxId: number): Promise<void> {
    requireAdmin(actor.role, "retry_message");
    if (!(await this.store.outbox.retry(actor.workspace.id, outboxId, this.clock()))) {
      throw new DomainError("not_failed");
    }
  }
}
