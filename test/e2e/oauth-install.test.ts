import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../support/harness";

describe("multi-workspace (OAuth) mode", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({
      env: {
        SLACK_BOT_TOKEN: "",
        SLACK_CLIENT_ID: "1234.5678",
        SLACK_CLIENT_SECRET: "client-secret",
        SLACK_STATE_SECRET: "state-secret",
      },
    });
  });
  afterAll(async () => {
    await h.close();
  });

  it("sends installers to Slack with the manifest's scopes", async () => {
    const response = await fetch(`${h.appUrl}/slack/install`, { redirect: "manual" });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get("location") ?? "");
    expect(location.pathname).toBe("/oauth/v2/authorize");
    expect(location.searchParams.get("client_id")).toBe("1234.5678");
    expect(location.searchParams.get("scope")?.split(",")).toEqual(expect.arrayContaining(["commands", "chat:write"]));
    expect(location.searchParams.get("state")).toBeTruthy();
  });

  it("refuses a command from a workspace that never installed the app, saving nothing", async () => {
    await h.slack.command("U0ADMIN", "/hub", "help");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(h.fake.responses).toHaveLength(0);
    expect(await h.hub.db.workspace.count()).toBe(0);
  });

  it("answers once the workspace's installation is stored", async () => {
    await h.hub.db.installation.create({
      data: {
        installKey: "team:T0VENDOR",
        teamId: "T0VENDOR",
        data: JSON.stringify({
          team: { id: "T0VENDOR", name: "Vendor" },
          enterprise: undefined,
          bot: { token: "xoxb-installed", userId: "U0PARTNERHUB", id: "B0PARTNERHUB", scopes: ["commands"] },
          isEnterpriseInstall: false,
          tokenType: "bot",
          appId: "A0PARTNERHUB",
        }),
      },
    });
    const reply = await h.command("U0ADMIN", "/hub", "help");
    expect(reply.text).toContain("/deal");
  });
});
