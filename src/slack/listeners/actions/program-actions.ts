import type { App } from "@slack/bolt";
import { DomainError } from "../../../domain/shared/domain-error";
import type { ProgramSection } from "../../../domain/shared/error-codes";
import type { SlackDeps } from "../../deps";
import { ACTIONS } from "../../ids";
import { programEditModal } from "../../views/program-edit-modal";
import { PROGRAM_SECTIONS } from "../../views/program-views";
import { registerAction } from "./action-runner";

function sectionFrom(value: string | undefined): ProgramSection {
  const section = PROGRAM_SECTIONS.find((candidate) => candidate === value);
  if (section === undefined) throw new DomainError("bad_button");
  return section;
}

/** Admins' Edit on a list of `/partner program`: the list as text, one item per line. */
export function registerProgramActions(app: App, deps: SlackDeps): void {
  registerAction(app, deps, ACTIONS.programEdit, async ({ actor, action, body, client }) => {
    const section = sectionFrom(action.value);
    const text = await deps.services.programConfig.editText(actor, section);
    await client.views.open({
      trigger_id: body.trigger_id,
      view: programEditModal(section, text, actor.workspace.reportingCurrency),
    });
  });
}
