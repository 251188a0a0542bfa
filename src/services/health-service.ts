import type { Store } from "./store";

export class HealthService {
  constructor(private readonly store: Store) {}

  async check(): Promise<{ ok: boolean; database: "up" | "down" }> {
    const up = await this.store.ping();
    return { ok: up, database: up ? "up" : "down" };
  }
}
