import { describe, expect, it } from "vitest";
import { formAgain, type SubmittedView } from "../../src/slack/views/late-answer-modals";
import { expectWithinSlackLimits } from "../support/block-limits";

/** A form answered late comes back filled in, with the refusals above it (nothing typed is lost). */

const submitted: SubmittedView = {
  callback_id: "deal_register",
  private_metadata: '{"channelId":"C1"}',
  title: { text: "Register a deal" },
  submit: { text: "Register" },
  close: { text: "Cancel" },
  blocks: [
    {
      type: "input",
      block_id: "deal_customer",
      label: { type: "plain_text", text: "Customer company" },
      element: { type: "plain_text_input", action_id: "input" },
    },
    {
      type: "input",
      block_id: "deal_amount",
      label: { type: "plain_text", text: "Amount" },
      element: { type: "plain_text_input", action_id: "input", initial_value: "1" },
    },
    {
      type: "input",
      block_id: "deal_currency",
      label: { type: "plain_text", text: "Currency" },
      element: {
        type: "static_select",
        action_id: "input",
        options: [{ text: { type: "plain_text", text: "EUR" }, value: "EUR" }],
      },
    },
    {
      type: "input",
      block_id: "deal_close",
      label: { type: "plain_text", text: "Close date" },
      element: { type: "datepicker", action_id: "input" },
    },
  ],
  state: {
    values: {
      deal_customer: { input: { type: "plain_text_input", value: "<!channel> & *Acme*" } },
      deal_amount: { input: { type: "plain_text_input", value: "12 apples" } },
      deal_currency: {
        input: { type: "static_select", selected_option: { text: { type: "plain_text", text: "EUR" }, value: "EUR" } },
      },
      deal_close: { input: { type: "datepicker", selected_date: "2027-01-15" } },
    },
  },
};

describe("formAgain", () => {
  it("keeps every entry, the callback and the metadata, and names the refused field", () => {
    const view = formAgain(submitted, { deal_amount: "That amount is not a number: “12 apples”." });
    expectWithinSlackLimits(view);
    expect(view.callback_id).toBe("deal_register");
    expect(view.private_metadata).toBe('{"channelId":"C1"}');
    expect(view.submit?.text).toBe("Register");
    const [notice, customer, amount, currency, close] = JSON.parse(JSON.stringify(view.blocks)) as Record<
      string,
      Record<string, unknown>
    >[];
    expect(JSON.stringify(notice)).toContain("*Amount*: That amount is not a number: “12 apples”.");
    expect(customer?.element?.initial_value).toBe("<!channel> & *Acme*");
    expect(amount?.element?.initial_value).toBe("12 apples");
    expect(currency?.element?.initial_option).toEqual({ text: { type: "plain_text", text: "EUR" }, value: "EUR" });
    expect(close?.element?.initial_date).toBe("2027-01-15");
  });
});
