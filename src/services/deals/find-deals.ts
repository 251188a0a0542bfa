import { canManageProgram } from "../../domain/partners/roles";
import { DomainError } from "../../domain/shared/domain-error";
import { textKey } from "../../domain/shared/text-key";
import type { Actor } from "../access-service";
import type { DealContext } from "./deal-context";
import { DEAL_PAGE_SIZE, type DealPage, ownPartner, pageCount } from "./deal-queries";

const MAX_FIND_WORDS = 8;

/**
 * `/deal find <words>`: deals whose customer name or domain holds every word, within what the
 * person may see (managers: every partner's; partner members: their company's).
 */
export async function findDeals(
  context: DealContext,
  actor: Actor,
  text: string,
  page: number,
): Promise<DealPage & { words: string[] }> {
  // Each word is a condition in the query: a pasted paragraph must not exceed the database's parameter limit.
  const words = [...new Set(textKey(text).split(" ").filter(Boolean))].slice(0, MAX_FIND_WORDS);
  if (words.length === 0) throw new DomainError("deal_find_empty");
  const partner = canManageProgram(actor.role) ? null : await ownPartner(context, actor);
  const current = Math.max(1, Math.floor(page));
  const { deals, total } = await context.store.deals.searchCustomers(
    { workspaceId: actor.workspace.id, words, ...(partner && { partnerId: partner.id }) },
    { offset: (current - 1) * DEAL_PAGE_SIZE, limit: DEAL_PAGE_SIZE },
  );
  return { deals, total, page: current, pages: pageCount(total), partner, words };
}
