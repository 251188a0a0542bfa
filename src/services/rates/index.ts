import type { Actor } from "../access-service";
import { listRates, type RatesContext } from "./list-rates";
import { setRate } from "./set-rate";

export type { CurrentRate, RatesContext } from "./list-rates";

/** `/hub rates`: the exchange rates that price leaderboards and goals. */
export function createRateUseCases(context: RatesContext) {
  return {
    list: (actor: Actor) => listRates(context, actor),
    set: (actor: Actor, input: { currency: string; rate: string; date?: string }) => setRate(context, actor, input),
  };
}

export type RateUseCases = ReturnType<typeof createRateUseCases>;
