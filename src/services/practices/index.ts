import type { PracticeDraft } from "../../domain/practices/practice-input";
import type { PracticePeriod } from "../../domain/practices/practice-periods";
import type { Actor } from "../access-service";
import { deletePractice } from "./delete-practice";
import { editPractice, practiceForEdit } from "./edit-practice";
import { findPractice, type PracticeContext } from "./practice-context";
import {
  homePractices,
  myPractices,
  practiceForMessage,
  practicesByTag,
  practicesVotedBy,
  searchPractices,
  topPractices,
} from "./practice-queries";
import { shareForm, sharePractice } from "./share-practice";
import { sharePracticeToChannel } from "./share-practice-to-channel";
import { votePractice } from "./vote-practice";

/** The best-practice use cases, bound to their store and clock: what listeners and the sandbox call. */
export function createPracticeUseCases(context: PracticeContext) {
  return {
    shareForm: (actor: Actor) => shareForm(context, actor),
    share: (actor: Actor, draft: PracticeDraft, idempotencyKey: string, channelId: string | null) =>
      sharePractice(context, actor, draft, idempotencyKey, channelId),
    get: (actor: Actor, id: number) => findPractice(context, actor, id),
    forEdit: (actor: Actor, id: number) => practiceForEdit(context, actor, id),
    edit: (actor: Actor, id: number, draft: PracticeDraft) => editPractice(context, actor, id, draft),
    remove: (actor: Actor, id: number) => deletePractice(context, actor, id),
    vote: (actor: Actor, id: number) => votePractice(context, actor, id),
    search: (actor: Actor, words: string) => searchPractices(context, actor, words),
    top: (actor: Actor, period: PracticePeriod) => topPractices(context, actor, period),
    byTag: (actor: Actor, tag: string) => practicesByTag(context, actor, tag),
    mine: (actor: Actor) => myPractices(context, actor),
    home: (actor: Actor) => homePractices(context, actor),
    shareToChannel: (actor: Actor, id: number, channelId: string, idempotencyKey: string) =>
      sharePracticeToChannel(context, actor, id, channelId, idempotencyKey),
    votedBy: (actor: Actor, ids: number[]) => practicesVotedBy(context, actor, ids),
    forMessage: (workspaceId: number, id: number) => practiceForMessage(context, workspaceId, id),
  };
}

export type PracticeUseCases = ReturnType<typeof createPracticeUseCases>;
