import type { ShoutoutInput } from "../../domain/recognition/shoutout-input";
import type { Actor } from "../access-service";
import { giveForm, giveShoutout } from "./give-shoutout";
import { plusOneShoutout } from "./plus-one-shoutout";
import type { RecognitionContext } from "./recognition-context";
import { homeShoutouts, shoutoutForMessage } from "./recognition-queries";
import {
  type CelebrationSettings,
  setAllowance,
  setAnnounce,
  setCelebrations,
  setCompanyValues,
} from "./recognition-settings";

/** The recognition use cases, bound to their store and clock: what listeners and the sandbox call. */
export function createRecognitionUseCases(context: RecognitionContext) {
  return {
    giveForm: (actor: Actor) => giveForm(context, actor),
    give: (actor: Actor, input: ShoutoutInput, idempotencyKey: string, channelId: string | null) =>
      giveShoutout(context, actor, input, idempotencyKey, channelId),
    plusOne: (actor: Actor, shoutoutId: number) => plusOneShoutout(context, actor, shoutoutId),
    home: (actor: Actor) => homeShoutouts(context, actor),
    setAnnounce: (actor: Actor, on: boolean) => setAnnounce(context, actor, on),
    setValues: (actor: Actor, values: string[]) => setCompanyValues(context, actor, values),
    setAllowance: (actor: Actor, n: number) => setAllowance(context, actor, n),
    setCelebrations: (actor: Actor, settings: CelebrationSettings, channel?: { shared: boolean }) =>
      setCelebrations(context, actor, settings, channel),
    forMessage: (workspaceId: number, id: number) => shoutoutForMessage(context, workspaceId, id),
    /** The partner a milestone celebration names, as it is at delivery. */
    partnerForMessage: (workspaceId: number, partnerId: number) =>
      context.store.partners.findById(workspaceId, partnerId),
  };
}

export type RecognitionUseCases = ReturnType<typeof createRecognitionUseCases>;
