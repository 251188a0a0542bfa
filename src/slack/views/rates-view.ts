import type { KnownBlock } from "@slack/types";
import { context, header, type Mrkdwn, md, mention, trusted } from "./block-kit";
import { linesToSections, type Message, message } from "./message";

/** What services.rates.list returns: the rate valid now for each currency. */
export interface RatesFacts {
  reportingCurrency: string;
  rates: readonly { currency: string; rate: string; validFrom: Date; updatedBy: string }[];
}

/** A rate's first day: stored as midnight UTC of the local day it starts on. */
function dayOf(validFrom: Date): string {
  return validFrom.toISOString().slice(0, 10);
}

/** Who set it: a person by mention; the demo seed and imports by their name. */
function setBy(updatedBy: string): Mrkdwn {
  return /^[UW][A-Z0-9]+$/.test(updatedBy) ? mention(updatedBy) : md`${updatedBy}`;
}

/** `/hub rates`: "1 USD = 0.92 EUR · since 2026-11-01 · set by @ada", then how admins change one. */
export function ratesMessage(
  facts: RatesFacts,
  changed?: { currency: string; rate: string; validFrom: Date },
): Message {
  const reporting = facts.reportingCurrency;
  const lines = [...facts.rates]
    .sort((a, b) => a.currency.localeCompare(b.currency))
    .map(
      (rate) =>
        md`• 1 ${rate.currency} = ${rate.rate} ${reporting} · since ${dayOf(rate.validFrom)} · set by ${setBy(rate.updatedBy)}`,
    );
  const blocks: KnownBlock[] = [header(`Exchange rates into ${reporting}`)];
  const done = changed
    ? md`:white_check_mark: 1 ${changed.currency} = ${changed.rate} ${reporting} from ${dayOf(changed.validFrom)}.`
    : null;
  if (done) blocks.push(...linesToSections([done]));
  blocks.push(
    ...linesToSections(
      lines.length > 0
        ? lines
        : [md`No rates yet: deals in other currencies than ${reporting} are counted but not priced.`],
    ),
  );
  blocks.push(
    context(
      trusted(
        "Each deal converts at the rate valid on its close date. Admins set one with `/hub rates EUR 1.08`, dated today, or `/hub rates EUR 1.08 2026-11-01`.",
      ),
    ),
  );
  const fallback = done ?? md`Exchange rates into ${reporting}: ${lines.length}`;
  return message(fallback, blocks);
}
