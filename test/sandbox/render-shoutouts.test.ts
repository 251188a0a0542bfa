import { describe, expect, it } from "vitest";
import { renderBlocks } from "../../src/sandbox/page/render-blocks";
import type { RenderContext } from "../../src/sandbox/page/render-context";
import { renderModal } from "../../src/sandbox/page/render-modal";
import type { Json } from "../../src/sandbox/sandbox-protocol";
import { buildStateValues } from "../../src/sandbox/view-state";
import type { ShoutoutRecord } from "../../src/services/recognition/recognition-store";
import { shoutoutPostMessage } from "../../src/slack/views/shoutout-message-view";
import { shoutoutModal } from "../../src/slack/views/shoutout-modal-view";

/**
 * What shout-outs need from the sandbox page, drawn from the app's own builders: the post (award
 * badge, value, the +1 button with its count) and the modal's people picker, value menu and the
 * "announce publicly" checkbox, ticked by default.
 */

const context: RenderContext = {
  users: {
    U0MANAGER: { name: "max", realName: "Max Manager" },
    U0PARTNERA: { name: "pat", realName: "Pat Partner-A" },
    U0EXTERNAL: { name: "eli", realName: "Eli External (Acme)", external: true },
  },
  channels: { C0PARTNERA: "partner-acme" },
  me: "U0PARTNERA",
  timeZone: "UTC",
};

const shoutout: ShoutoutRecord = {
  id: 7,
  workspaceId: 1,
  teamId: "T0VENDOR",
  fromUserId: "U0MANAGER",
  message: "Closed the renewal <!channel> & kept the customer <@U0ADMIN>",
  value: "Win together",
  award: "Partner of the month",
  announce: true,
  channelId: "C0PARTNERA",
  recipients: [
    { userId: "U0PARTNERA", partnerId: null, partnerName: null },
    { userId: null, partnerId: 3, partnerName: "Acme Solutions" },
  ],
  plusOneCount: 2,
  createdAt: new Date("2026-11-27T09:00:00Z"),
};

const asJson = (view: object) => view as unknown as Json;
const options = { viewId: "V1", depth: 0, appName: "Partner Hub" };

describe("the shout-out post in the sandbox page", () => {
  const html = renderBlocks(shoutoutPostMessage(shoutout).blocks as unknown as Json[], context);

  it("mentions the giver and every recipient, with the award badge and the value", () => {
    expect(html).toMatch(/<span class="mention" data-user="U0MANAGER">@max<\/span>/);
    expect(html).toMatch(/<span class="mention mention-me" data-user="U0PARTNERA">@pat<\/span>/);
    expect(html).toContain("<b>Acme Solutions</b>");
    expect(html).toMatch(/🏆/);
    expect(html).toContain("Award: Partner of the month");
    expect(html).toMatch(/💎<\/span> Win together/);
  });

  it("shows the giver's markup as text: no channel ping, no forged mention", () => {
    expect(html).toContain("&lt;!channel&gt;");
    expect(html).toContain("&lt;@U0ADMIN&gt;");
    expect(html).not.toContain("@channel");
  });

  it("draws the +1 button with its count and the shout-out's id", () => {
    expect(html).toMatch(
      /<button type="button" class="btn" data-action-id="shoutout_plus_one" data-block-id="shoutout_post_7"[^>]*><span class="emoji"[^>]*>🙌<\/span> \+1 \(2\)</,
    );
  });
});

describe("the shout-out modal in the sandbox page", () => {
  const form = { values: ["Customer first", "Win together"], allowanceLeft: 4, resetsAt: new Date() };
  const view = shoutoutModal({ ...form, canAward: true }, { channelId: "C0PARTNERA", fromHome: false });
  const html = renderModal(asJson(view), context, options);

  it("offers the people picker as a multiple select of the directory", () => {
    expect(html).toMatch(
      /<select multiple class="select select-multi" data-action-id="value" data-block-id="shoutout_recipients" data-type="multi_users_select" data-input="true" name="shoutout_recipients.value"/,
    );
    expect(html).toContain('<option value="U0EXTERNAL">Eli External (Acme)</option>');
  });

  it("offers the program's values, the message, the award for a manager and announce ticked", () => {
    expect(html).toMatch(/data-block-id="shoutout_value" data-type="static_select"/);
    expect(html).toContain('<option value="Win together">Win together</option>');
    expect(html).toMatch(/<textarea class="input input-multiline"[^>]*data-block-id="shoutout_message"/);
    expect(html).toMatch(/data-block-id="shoutout_award"/);
    expect(html).toMatch(
      /<input type="checkbox" name="shoutout_announce.value" value="announce" checked data-action-id="value"[^>]*data-type="checkboxes"/,
    );
    expect(html).toContain("Announce publicly in the channel");
  });

  it("hides the award from a peer", () => {
    const peer = renderModal(
      asJson(shoutoutModal({ ...form, canAward: false }, { channelId: null, fromHome: true })),
      context,
      options,
    );
    expect(peer).not.toContain("shoutout_award");
  });

  it("submits the picked people and an unticked announce the way Slack's view state has them", () => {
    const state = buildStateValues(asJson(view).blocks as Json[], {
      "shoutout_recipients.value": ["U0PARTNERA", "U0EXTERNAL"],
      "shoutout_announce.value": [],
    });
    expect(state.shoutout_recipients?.value).toEqual({
      type: "multi_users_select",
      selected_users: ["U0PARTNERA", "U0EXTERNAL"],
    });
    expect(state.shoutout_announce?.value).toEqual({ type: "checkboxes", selected_options: [] });
    expect(buildStateValues(asJson(view).blocks as Json[]).shoutout_announce?.value).toMatchObject({
      selected_options: [{ value: "announce" }],
    });
  });
});
