import type { Clock } from "../clock";
import type { Store } from "../store";

/** What the program-config use cases run on. */
export interface ProgramConfigContext {
  store: Store;
  clock: Clock;
}
