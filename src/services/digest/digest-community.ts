import { capPage, DIGEST_LIST_SIZE } from "../../domain/digest/digest-rules";
import type { PracticeRecord } from "../practices/practice-store";
import type { ShoutoutRecord } from "../recognition/recognition-store";
import type { Store } from "../store";
import type { DigestList } from "./digest-content";

export interface WeekCommunity {
  practices: DigestList<PracticeRecord>;
  shoutouts: DigestList<ShoutoutRecord>;
}

/**
 * The week's new practices (most helpful first; every partner may read them) and its announced
 * shout-outs (most +1s first). A partner's digest gets the shout-outs recognizing that partner or
 * its people: others were announced where that partner isn't.
 */
export async function weekCommunity(
  store: Store,
  input: { workspaceId: number; partnerId: number | null; start: Date; end: Date },
): Promise<WeekCommunity> {
  const range = { start: input.start, end: input.end };
  const recipients =
    input.partnerId === null
      ? undefined
      : {
          partnerId: input.partnerId,
          userIds: (await store.members.listByPartner(input.partnerId)).map((member) => member.slackUserId),
        };
  const [practices, shoutouts] = await Promise.all([
    store.practices.createdBetween(input.workspaceId, range, DIGEST_LIST_SIZE),
    store.shoutouts.announcedBetween(
      { workspaceId: input.workspaceId, ...range, ...(recipients && { recipients }) },
      DIGEST_LIST_SIZE,
    ),
  ]);
  return {
    practices: capPage(practices.practices, practices.total),
    shoutouts: capPage(shoutouts.shoutouts, shoutouts.total),
  };
}
