import type { KnownBlock } from "@slack/types";
import { context, divider, header, type Mrkdwn, md, section, trusted } from "./block-kit";
import { type Message, message } from "./message";

/** What `/hub help` lists: every command that exists, what it does and an example. */
export interface CommandHelp {
  command: string;
  summary: string;
  usage: { syntax: string; what: string }[];
}

export const COMMAND_HELP: CommandHelp[] = [
  {
    command: "/hub",
    summary: "Partner Hub itself",
    usage: [
      { syntax: "/hub help", what: "this overview" },
      { syntax: "/hub role @dana manager", what: "make someone admin, manager or member (admins)" },
      { syntax: "/hub settings", what: "approvals channel, time zone, reporting currency, protection period" },
      {
        syntax: "/hub status",
        what: "version, database, messages waiting or failed (with Retry), when jobs last ran (admins)",
      },
      { syntax: "/hub approvals #deal-approvals", what: "where deal registrations are sent for approval (admins)" },
      { syntax: "/hub timezone Europe/Berlin", what: "the program's time zone for dates and periods (admins)" },
      { syntax: "/hub currency EUR", what: "reporting currency, the default in the deal form (admins)" },
      { syntax: "/hub protection 120", what: "days an approved registration protects the customer (admins)" },
      {
        syntax: "/hub launcher",
        what: "post Register deal, Share a practice and Give a shout-out buttons here, for Slack Connect partners (managers)",
      },
      { syntax: "/hub values Customer first, Win together", what: "the company values shout-outs honour (admins)" },
      { syntax: "/hub shoutouts allowance 5", what: "recipients each person may recognize a day (admins)" },
      {
        syntax: "/hub shoutouts first-win off",
        what: "celebrate a partner's first won deal, or (record-month) a record month: on or off (admins)",
      },
      {
        syntax: "/hub shoutouts channel #wins",
        what: "where milestones are celebrated without a partner channel (admins)",
      },
      {
        syntax: "/hub settings shoutouts private",
        what: "shout-outs you receive come to you privately instead of in the channel (public to undo)",
      },
    ],
  },
  {
    command: "/deal",
    summary: "register deals and follow them (also: the Register deal button and shortcut)",
    usage: [
      { syntax: "/deal", what: "register a deal: customer, amount, stage, expected close…" },
      { syntax: "/deal list won", what: "your company's deals: open (default), won, lost or all" },
      { syntax: "/deal list partner Acme Resellers", what: "a partner's deals (managers)" },
      { syntax: "/deal 42", what: "one deal with its buttons" },
      { syntax: "/deal history 42", what: "who changed what, when" },
    ],
  },
  {
    command: "/practice",
    summary:
      "best practices: share what worked, find it again (also: Share a practice button, Save as best practice on a message)",
    usage: [
      { syntax: "/practice", what: "share a practice: title, what worked, tags, region, link" },
      {
        syntax: "/practice search pricing objections",
        what: "find practices, best match first, with Share to channel",
      },
      { syntax: "/practice top month", what: "the most helpful this week, month (default), quarter or of all time" },
      { syntax: "/practice tag pricing", what: "practices with a tag" },
      { syntax: "/practice mine", what: "the practices you shared" },
      { syntax: "/practice 12", what: "one practice's card" },
    ],
  },
  {
    command: "/shoutout",
    summary:
      "recognize people and partners in front of their peers (also: the Give a shout-out button). Others join in with +1",
    usage: [
      { syntax: "/shoutout", what: "open the form: people, partner, company value, why, announce publicly" },
      {
        syntax: "/shoutout @lee @sam thanks for the joint demo #win-together",
        what: "several people at once, with a value",
      },
      { syntax: '/shoutout partner:"Acme Resellers" closed the Initech deal', what: "a whole partner company" },
      {
        syntax: '/shoutout @lee saved the renewal award:"Partner of the month"',
        what: "a manager's award: a distinct badge, counts more in kudos (managers and admins)",
      },
      {
        syntax: "/shoutout help",
        what: "this: values are the program's list (`/hub values`); each person recognizes up to 5 recipients a day (admins change it), renewed at midnight in their own time zone; no shout-outs to yourself or to bots",
      },
    ],
  },
  {
    command: "/partner",
    summary: "partner companies and their people (managers and admins)",
    usage: [
      { syntax: "/partner add Acme Resellers region:EMEA tier:gold", what: "add a partner company" },
      { syntax: "/partner list", what: "every partner with region, tier and members" },
      { syntax: "/partner assign @lee Acme Resellers", what: "put someone in a partner company" },
      { syntax: "/partner members Acme Resellers", what: "who belongs to a partner" },
    ],
  },
];

/** The help text is the app's own, so it is written as mrkdwn. */
function commandSection(help: CommandHelp): KnownBlock {
  const lines = help.usage.map((entry) => `\`${entry.syntax}\` — ${entry.what}`);
  return section(trusted(`*${help.command}* · ${help.summary}\n${lines.join("\n")}`));
}

export function hubHelpMessage(): Message {
  const blocks: KnownBlock[] = [
    header("Partner Hub commands"),
    context(trusted("Every command also answers `help`, e.g. `/partner help`.")),
    ...COMMAND_HELP.flatMap((help) => [divider(), commandSection(help)]),
  ];
  return message(trusted(`Partner Hub commands: ${COMMAND_HELP.map((help) => help.command).join(", ")}`), blocks);
}

/**
 * Help for one command, also the answer to text the command does not understand. `problem` is the
 * listener's sentence, built with `md` so that what was typed in it shows literally.
 */
export function commandHelpMessage(command: string, problem?: Mrkdwn): Message {
  const help = COMMAND_HELP.find((entry) => entry.command === command);
  if (!help) return hubHelpMessage();
  const blocks: KnownBlock[] = [];
  if (problem) blocks.push(section(md`:warning: ${problem}`));
  blocks.push(commandSection(help));
  const text = problem
    ? md`${problem} Try ${help.usage[0]?.syntax ?? `${command} help`}.`
    : trusted(`${command}: ${help.summary}`);
  return message(text, blocks);
}
