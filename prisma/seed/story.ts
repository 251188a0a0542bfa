import type { OpenStage } from "../../src/domain/deals/stages";
import type { DemoCustomer } from "./demo-markets";

/** The shape of a demo deal's life, shared by the scripted and the generated stories. */

export const DAY_MS = 86_400_000;
export const MINUTE_MS = 60_000;

/** What happened to a deal, in days after it was registered. */
export type Step =
  | { day: number; kind: "approve" }
  | { day: number; kind: "reject" | "request_info"; note: string }
  | { day: number; kind: "stage"; to: OpenStage }
  | { day: number; kind: "won"; amount?: number }
  | { day: number; kind: "lost"; reason: string };

/** One deal's life, as a partner and the manager lived it. Only what happened before `now` is stored. */
export interface Story {
  key: string;
  partner: string;
  by: string;
  customer: DemoCustomer;
  product: string;
  /** Registered amount, in major units of the customer's currency. */
  amount: number;
  stage: OpenStage;
  registeredAt: Date;
  /** Expected close, in days after registration. */
  closeAfter: number;
  notes?: string;
  /** Key of another partner's registration of the same customer that this one conflicts with. */
  conflictWith?: string;
  steps: Step[];
}

export type ScriptedStory = Omit<Story, "registeredAt"> & { daysAgo: number };

/** `ms` before `now`, on a whole minute. */
export function minutesBefore(now: Date, ms: number): Date {
  return new Date(Math.floor((now.getTime() - ms) / MINUTE_MS) * MINUTE_MS);
}
