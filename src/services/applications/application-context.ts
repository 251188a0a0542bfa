import type { Clock } from "../clock";
import type { Store } from "../store";

/** What the application use cases run on. */
export interface ApplicationContext {
  store: Store;
  clock: Clock;
}
