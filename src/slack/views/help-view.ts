import type { KnownBlock } from "@slack/types";
import type { Message } from "./message";

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
      { syntax: "/hub approvals #deal-approvals", what: "where deal registrations are sent for approval (admins)" },
      { syntax: "/hub timezone Europe/Berlin", what: "the program's time zone for dates and periods (admins)" },
      { syntax: "/hub currency EUR", what: "reporting currency, the default in the deal form (admins)" },
      { syntax: "/hub protection 120", what: "days an approved registration protects the customer (admins)" },
      {
        syntax: "/hub launcher",
        what: "post a Register deal button in this channel, for Slack Connect partners (managers)",
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

function commandSection(help: CommandHelp): KnownBlock {
  const lines = help.usage.map((entry) => `\`${entry.syntax}\` — ${entry.what}`);
  return {
    type: "section",
    text: { type: "mrkdwn", text: `*${help.command}* · ${help.summary}\n${lines.join("\n")}` },
  };
}

export function hubHelpMessage(): Message {
  const blocks: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: "Partner Hub commands" } },
    {
      type: "context",
      elements: [{ type: "mrkdwn", text: "Every command also answers `help`, e.g. `/partner help`." }],
    },
    ...COMMAND_HELP.flatMap((help) => [{ type: "divider" } as KnownBlock, commandSection(help)]),
  ];
  const text = `Partner Hub commands: ${COMMAND_HELP.map((help) => help.command).join(", ")}`;
  return { text, blocks };
}

/** Help for one command, also the answer to text the command does not understand. */
export function commandHelpMessage(command: string, problem?: string): Message {
  const help = COMMAND_HELP.find((entry) => entry.command === command);
  if (!help) return hubHelpMessage();
  const blocks: KnownBlock[] = [];
  if (problem) blocks.push({ type: "section", text: { type: "mrkdwn", text: `:warning: ${problem}` } });
  blocks.push(commandSection(help));
  const text = problem
    ? `${problem} Try ${help.usage[0]?.syntax ?? `${command} help`}.`
    : `${command}: ${help.summary}`;
  return { text, blocks };
}
