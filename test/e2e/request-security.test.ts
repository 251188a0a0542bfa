import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SlackClientSimulator } from "../../src/sandbox/slack-client-simulator";
import { formBody, signedHeaders } from "../../src/sandbox/slack-signer";
import { type Harness, SIGNING_SECRET, startHarness } from "../support/harness";

describe("requests that do not come from Slack", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  async function workspaceRows(): Promise<number> {
    return (await h.hub.db.workspace.count()) + (await h.hub.db.member.count()) + (await h.hub.db.partner.count());
  }

  it("refuses a forged signature with 401 and changes nothing", async () => {
    const body = formBody(h.slack.commandFields("U0ADMIN", "/partner", "add Forged Co", "C0SALES"));
    const forged = await h.slack.post(body, signedHeaders("not-the-secret", body));
    expect(forged.status).toBe(401);
    const tampered = signedHeaders(SIGNING_SECRET, body);
    const altered = await h.slack.post(body.replace("Forged", "Other"), tampered);
    expect(altered.status).toBe(401);
    const unsigned = await h.slack.post(body, { "content-type": "application/x-www-form-urlencoded" });
    expect(unsigned.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(h.fake.responses).toHaveLength(0);
    expect(await workspaceRows()).toBe(0);
  });

  it("refuses a correctly signed but stale request (replay) with 401", async () => {
    const stale = new SlackClientSimulator({
      appUrl: h.appUrl,
      signingSecret: SIGNING_SECRET,
      fake: h.fake,
      clockSkewSeconds: -6 * 60,
    });
    const answer = await stale.command("U0ADMIN", "/partner", "add Replayed Co");
    expect(answer.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(h.fake.responses).toHaveLength(0);
    expect(await workspaceRows()).toBe(0);
  });

  it("still answers the genuine request afterwards", async () => {
    const answer = await h.slack.command("U0ADMIN", "/hub", "help");
    expect(answer.status).toBe(200);
    expect((await h.fake.waitForResponse(0)).body.response_type).toBe("ephemeral");
  });
});
