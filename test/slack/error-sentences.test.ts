import { describe, expect, it } from "vitest";
import { DomainError, type Problem } from "../../src/domain/shared/domain-error";
import type { ProtectedAction } from "../../src/domain/shared/error-codes";
import { errorSentence } from "../../src/slack/views/error-sentences";
import { refusalMessage } from "../../src/slack/views/error-views";

/** The sentences people read, exactly as the domain and services used to write them. */
const SENTENCES: [Problem, string][] = [
  [{ code: "no_identity" }, "Slack did not say who you are."],
  [{ code: "last_admin" }, "The workspace needs at least one admin: make someone else admin first."],
  [
    { code: "admins_from_config" },
    "Admins are set by HUB_ADMINS in Partner Hub's configuration; ask whoever deploys it to change that list.",
  ],
  [
    { code: "no_partner" },
    "You're not in a partner company yet: ask a channel manager to run `/partner assign @you <company>`.",
  ],
  [{ code: "no_partners" }, "There are no partner companies yet: add one with `/partner add <name>` first."],
  [{ code: "partner_required" }, "Choose the partner this deal is for."],
  [{ code: "partner_gone" }, "That partner no longer exists: choose another."],
  [{ code: "partner_exists", params: { name: "Acme" } }, "A partner named “Acme” already exists: see /partner list."],
  [{ code: "partner_not_found", params: { name: "Acme" } }, "No partner named “Acme”. /partner list shows them all."],
  [{ code: "partner_search_empty" }, "Name the partner company."],
  [{ code: "partner_name_missing" }, "Give the partner company a name."],
  [{ code: "partner_name_too_long", params: { max: 80 } }, "A partner name can be at most 80 characters."],
  [{ code: "partner_name_invalid" }, "A partner name needs at least one letter or digit."],
  [{ code: "region_too_long", params: { max: 40 } }, "A region can be at most 40 characters."],
  [
    { code: "tier_invalid", params: { tiers: ["registered", "silver", "gold", "platinum"] } },
    "Tier must be one of: registered, silver, gold, platinum.",
  ],
  [
    { code: "timezone_invalid", params: { text: "Mars/Olympus" } },
    "“Mars/Olympus” is not a time zone: use a name like Europe/Berlin or America/New_York.",
  ],
  [
    { code: "currency_invalid", params: { text: "EURO" } },
    "“EURO” is not a currency code: use one like USD, EUR or GBP.",
  ],
  [
    { code: "protection_days_invalid", params: { min: 1, max: 730 } },
    "The protection period is a whole number of days from 1 to 730.",
  ],
  [{ code: "reminder_days_invalid" }, "Reminder lead time must be a whole number of days, 0 or more."],
  [{ code: "customer_name_missing" }, "Enter the customer's company name."],
  [{ code: "customer_name_too_short", params: { min: 2 } }, "A customer name needs at least 2 characters."],
  [{ code: "customer_name_no_letters" }, "A customer name needs letters or digits."],
  [
    { code: "customer_domain_invalid", params: { shown: "acme", foreignCharacters: false } },
    "\"acme\" isn't a web domain. Type the customer's domain, like acme.com, or leave it empty.",
  ],
  [
    { code: "customer_domain_invalid", params: { shown: "müller.de", foreignCharacters: true } },
    "\"müller.de\" has characters a domain can't have (spaces, symbols). Type the customer's domain, like acme.com or münchen.de, or leave it empty.",
  ],
  [{ code: "product_missing" }, "Enter the product or service being sold."],
  [{ code: "product_too_short", params: { min: 2 } }, "A product needs at least 2 characters."],
  [
    { code: "deal_field_too_long", params: { field: "customerName", max: 120 } },
    "Keep the customer name to 120 characters or fewer.",
  ],
  [
    { code: "deal_field_too_long", params: { field: "product", max: 120 } },
    "Keep the product to 120 characters or fewer.",
  ],
  [{ code: "deal_field_too_long", params: { field: "region", max: 40 } }, "Keep the region to 40 characters or fewer."],
  [
    { code: "deal_field_too_long", params: { field: "notes", max: 2000 } },
    "Keep the notes to 2000 characters or fewer.",
  ],
  [
    { code: "currency_unknown", params: { code: "XYZ" } },
    '"XYZ" is not a currency we support. Pick one from the list, like USD or EUR.',
  ],
  [{ code: "amount_missing" }, "Enter an amount."],
  [{ code: "amount_not_a_number", params: { decimals: 2 } }, "Type the amount as a number, like 12,500.50."],
  [{ code: "amount_not_a_number", params: { decimals: 0 } }, "Type the amount as a number, like 12,500."],
  [{ code: "amount_not_a_number", params: { decimals: 3 } }, "Type the amount as a number, like 12,500.500."],
  [
    { code: "amount_separators", params: { text: "1,23,456" } },
    'Check the separators in "1,23,456": group thousands by three, like 1,250,000.',
  ],
  [{ code: "amount_not_positive" }, "The amount must be more than zero."],
  [{ code: "amount_decimals", params: { currency: "JPY", decimals: 0 } }, "JPY amounts have no decimals."],
  [{ code: "amount_decimals", params: { currency: "USD", decimals: 2 } }, "USD amounts have at most 2 decimals."],
  [{ code: "amount_decimals", params: { currency: "XYZ", decimals: 1 } }, "XYZ amounts have at most 1 decimal."],
  [
    { code: "amount_symbol_mismatch", params: { symbol: "€", currency: "USD" } },
    '"€" is not a USD symbol. Pick the matching currency, or type the amount without it.',
  ],
  [
    { code: "amount_other_currency", params: { typed: "gbp", code: "GBP", currency: "USD" } },
    'This amount is in GBP, but the currency is USD. Pick GBP as the currency, or remove "gbp".',
  ],
  [
    { code: "amount_too_large", params: { currency: "USD", max: 1_000_000_000_000 } },
    "That amount is too large: a deal can be at most USD 1,000,000,000,000.",
  ],
  [{ code: "stage_not_open" }, "A new registration can't start as won or lost."],
  [{ code: "close_date_format" }, "Enter the date as YYYY-MM-DD, like 2026-03-31."],
  [{ code: "close_date_invalid", params: { date: "2026-02-30" } }, "2026-02-30 is not a date on the calendar."],
  [{ code: "close_date_past" }, "The expected close date can't be in the past."],
  [
    { code: "close_date_too_far", params: { years: 5, latest: "2031-03-15" } },
    "The expected close date must be within 5 years, by 2031-03-15 at the latest.",
  ],
  [{ code: "deal_not_found", params: { id: 42 } }, "There is no deal #42 that you can see."],
  [{ code: "deal_closed", params: { stage: "won" } }, "This deal is already won."],
  [{ code: "deal_closed", params: { stage: "lost" } }, "This deal is already lost."],
  [
    { code: "registration_closed", params: { status: "rejected" } },
    "This registration was rejected, so its stage can't change.",
  ],
  [
    { code: "registration_closed", params: { status: "expired" } },
    "This registration has expired, so its stage can't change. Register the deal again if it's still active.",
  ],
  [{ code: "stage_invalid" }, "Pick a stage from the list."],
  [{ code: "stage_unchanged", params: { stage: "proposal" } }, "This deal is already in Proposal."],
  [{ code: "lost_reason_missing" }, "Say why the deal was lost."],
  [{ code: "lost_reason_too_long", params: { max: 500 } }, "Keep the reason to 500 characters or fewer."],
  [{ code: "amount_invalid" }, "The won amount must be more than zero."],
  [{ code: "stale" }, "This deal was just changed by someone else: look again."],
  [{ code: "already_decided", params: { status: "approved" } }, "This registration was already approved."],
  [{ code: "already_decided", params: { status: "rejected" } }, "This registration was already rejected."],
  [{ code: "already_decided", params: { status: "expired" } }, "This registration has already expired."],
  [
    { code: "already_decided", params: { status: "approved", decidedBy: "U0MAX", decidedOn: "2026-11-30" } },
    "This registration was already approved by <@U0MAX> on 2026-11-30.",
  ],
  [{ code: "registration_changed" }, "Someone else just changed this registration: look again."],
  [{ code: "reason_missing" }, "Tell the partner why the registration is rejected."],
  [{ code: "reason_too_long", params: { max: 500 } }, "Keep the reason to 500 characters or fewer."],
  [{ code: "question_missing" }, "Type the question for the partner."],
  [{ code: "question_too_long", params: { max: 500 } }, "Keep the question to 500 characters or fewer."],
  [
    { code: "info_already_requested" },
    "The partner was already asked for more information. Approve or reject once they answer.",
  ],
  [{ code: "decision_invalid" }, "Choose approve, reject or request more information."],
  [
    { code: "not_approved", params: { status: "info_requested" } },
    "Only approved registrations can be extended. This one is info requested.",
  ],
  [{ code: "not_protected" }, "This registration is no longer protected."],
  [{ code: "extension_not_allowed" }, "Only an approved, protected registration can be extended."],
  [{ code: "extension_pending" }, "An extension is already waiting for a manager."],
  [{ code: "no_extension" }, "There is no extension request waiting on this deal."],
  [{ code: "extension_decided" }, "Someone else just decided this extension."],
  [{ code: "not_failed" }, "That message is no longer waiting for a retry."],
  [{ code: "usage", params: { text: "Usage: `/deal show 42`" } }, "Usage: `/deal show 42`"],
  [{ code: "bad_button" }, "That button is out of date: look at the deal again."],
  [{ code: "unclosed_quote" }, "A quote is opened but never closed."],
  [{ code: "option_repeated", params: { key: "tier" } }, "tier: is given twice."],
  [{ code: "not_in_channel" }, "I can't post here: invite me first with `/invite @Partner Hub`."],
];

const FORBIDDEN: [ProtectedAction, string][] = [
  ["add_partners", "Only managers and admins can add partner companies."],
  ["list_partners", "Only managers and admins can list partner companies."],
  ["assign_partners", "Only managers and admins can assign people to partners."],
  ["see_partner_members", "Only managers and admins can see partner members."],
  ["list_partner_deals", "Only managers and admins can list another partner's deals."],
  ["decide_deals", "Only managers can approve deals."],
  ["extend_protection", "Only managers can extend protection."],
  ["change_settings", "Only admins can change program settings."],
  ["post_launcher", "Only managers and admins can post the launcher."],
  ["choose_approvals_channel", "Only admins can choose the approvals channel."],
  ["change_roles", "Only admins can change roles."],
  ["see_system_status", "Only admins can see the system status."],
  ["retry_message", "Only admins can retry a message."],
];

describe("error sentences", () => {
  it.each(SENTENCES)("%j reads %j", (problem, sentence) => {
    expect(errorSentence(problem)).toBe(sentence);
    expect(errorSentence(DomainError.of(problem))).toBe(sentence);
  });

  it.each(FORBIDDEN)("forbidden %s reads %j", (action, sentence) => {
    expect(errorSentence(new DomainError("forbidden", { action }))).toBe(sentence);
  });

  it("keeps the code (and its facts) in the log message, never the sentence", () => {
    expect(new DomainError("deal_not_found", { id: 42 }).message).toBe('deal_not_found {"id":42}');
    expect(new DomainError("stale").message).toBe("stale");
  });

  it("shows what a person typed literally in a refusal", () => {
    const reply = refusalMessage(errorSentence(new DomainError("partner_not_found", { name: "<!channel> *Acme*" })));
    expect(reply.text).toBe(
      ":no_entry_sign: No partner named “&lt;!channel&gt; \u2217Acme\u2217”. /partner list shows them all.",
    );
  });
});
