import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../support/harness";

describe("/hub help over signed HTTP", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it("answers 200 and posts an ephemeral overview of every command", async () => {
    const answer = await h.slack.command("U0MANAGER", "/hub", "help");
    expect(answer.status).toBe(200);
    const reply = await h.fake.waitForResponse(0);
    expect(reply.body.response_type).toBe("ephemeral");
    const shown = JSON.stringify(reply.body.blocks);
    for (const command of ["/hub", "/partner", "/deal"]) expect(shown).toContain(command);
    expect(shown).toContain("/partner add Acme Resellers region:EMEA tier:gold");
  });
});
