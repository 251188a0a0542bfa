import type { Clock } from "../clock";
import type { Store } from "../store";

/** What the scorecard use cases run on. */
export interface ScorecardContext {
  store: Store;
  clock: Clock;
}
