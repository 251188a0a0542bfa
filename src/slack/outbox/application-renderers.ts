import type { Services } from "../../services";
import { APPLICATION_MESSAGE_KINDS, type ApplicantEvent } from "../../services/applications";
import type { OutboxRow } from "../../services/outbox/outbox-message";
import { applicantMessage, applicationCardMessage } from "../views/application-views";
import type { Message } from "../views/message";
import type { Renderers } from "./renderer";

const EVENTS: readonly ApplicantEvent[] = ["received", "approved", "declined"];

/** An application's card and the applicant's notes, drawn from the application as it is at delivery. */
export function applicationRenderers(services: Services): Renderers {
  const { applications } = services;
  const shownOf = (row: OutboxRow) => applications.forMessage(row.workspaceId, Number(row.subject.applicationId));
  const card = async (row: OutboxRow): Promise<Message | null> => {
    const shown = await shownOf(row);
    return (
      shown &&
      applicationCardMessage({
        application: shown.application,
        criteria: shown.config.criteria,
        partnerName: shown.partnerName,
      })
    );
  };
  return {
    [APPLICATION_MESSAGE_KINDS.card]: card,
    [APPLICATION_MESSAGE_KINDS.cardUpdate]: card,
    [APPLICATION_MESSAGE_KINDS.applicant]: async (row) => {
      const event = EVENTS.find((candidate) => candidate === row.subject.event);
      const shown = event === undefined ? null : await shownOf(row);
      return shown && event ? applicantMessage(shown.application, event) : null;
    },
  };
}
