import type { KnownBlock } from "@slack/types";
import type { Role } from "../../domain/partners/roles";
import { context, divider, header, type Mrkdwn, md, section, trusted } from "./block-kit";
import { type Message, message } from "./message";

/** The least role that may use a command line; absent: everyone. */
export type HelpAudience = "manager" | "admin";

/** What `/hub help` lists: every command that exists, what it does and an example. */
export interface CommandHelp {
  command: string;
  summary: string;
  /** The whole command is for this audience (e.g. /partner, managers and admins). */
  who?: HelpAudience;
  usage: { syntax: string; what: string; who?: HelpAudience }[];
}

export const COMMAND_HELP: CommandHelp[] = [
  {
    command: "/hub",
    summary: "Partner Hub itself",
    usage: [
      { syntax: "/hub help", what: "this overview" },
      {
        syntax: "/hub rules",
        what: "the program's rules of engagement: deal registration, protection period, conflicts, recognition (also: the Program rules button)",
      },
      {
        syntax: "/hub rules edit",
        what: "write the program's own rules, shown below those built from the settings; `/hub rules reset` removes them (admins)",
        who: "admin",
      },
      { syntax: "/hub role @dana manager", what: "make someone admin, manager or member (admins)", who: "admin" },
      {
        syntax: "/hub settings",
        what: "the program's settings: approvals channel, time zone, currency, protection, reminders",
      },
      {
        syntax: "/hub status",
        what: "version, database, messages waiting or failed (with Retry), when jobs last ran (admins)",
        who: "admin",
      },
      {
        syntax: "/hub audit 50 @dana goal",
        what: "who changed what in the program, newest first (default 20, max 100; filter by person or partner|role|settings|goal|rates|digest) (admins)",
        who: "admin",
      },
      {
        syntax: "/hub approvals #deal-approvals",
        what: "where deal registrations are sent for approval: an internal channel, not a partner's (admins)",
        who: "admin",
      },
      {
        syntax: "/hub timezone Europe/Berlin",
        what: "the program's time zone for periods and reminders (admins)",
        who: "admin",
      },
      { syntax: "/hub currency EUR", what: "reporting currency, the default in the deal form (admins)", who: "admin" },
      {
        syntax: "/hub protection 120",
        what: "days an approved registration protects the customer (admins)",
        who: "admin",
      },
      {
        syntax: "/hub settings approval-reminder 3",
        what: "remind managers of registrations waiting more than 3 working days, or off (admins)",
        who: "admin",
      },
      {
        syntax: "/hub launcher",
        what: "post Register deal, Share a practice, Give a shout-out, Leaderboard, Our goals, Program rules and Resources buttons here, for Slack Connect partners; Our partnership in a partner's channel, Apply to become a partner elsewhere (managers)",
        who: "manager",
      },
      {
        syntax: "/hub digest here monday 09:00 tz:Europe/Berlin",
        what: "post the weekly digest here: the week's deals, leaderboard with chart, goals, practices, shout-outs; default Monday 09:00 in the program's zone; a partner's channel gets that partner's view (managers)",
        who: "manager",
      },
      {
        syntax: "/hub digest",
        what: "the digests of this channel and yours; `off` stops it here, `preview` shows it now, only to you (managers)",
        who: "manager",
      },
      {
        syntax: "/hub digest me friday 16:30",
        what: "a weekly DM of what waits for you: approvals, conflicts, extensions, goals at risk; `me off` stops it (managers)",
        who: "manager",
      },
      {
        syntax: "/hub values Customer first, Win together",
        what: "the company values shout-outs honour (admins)",
        who: "admin",
      },
      {
        syntax: "/hub shoutouts allowance 5",
        what: "recipients each person may recognize a day (admins)",
        who: "admin",
      },
      {
        syntax: "/hub shoutouts first-win off",
        what: "celebrate a partner's first won deal, or (record-month) a record month: on or off (admins)",
        who: "admin",
      },
      {
        syntax: "/hub shoutouts channel #wins",
        what: "where milestones are celebrated without a partner channel: an internal one (admins)",
        who: "admin",
      },
      {
        syntax: "/hub settings shoutouts private",
        what: "shout-outs you receive come to you privately instead of in the channel (public to undo)",
      },
      {
        syntax: "/hub rates",
        what: "the exchange rates into the reporting currency; each deal converts at the rate valid on its close date",
      },
      {
        syntax: "/hub rates EUR 1.08 2026-11-01",
        what: "set a rate: reporting-currency units per EUR, from that day (default today) (admins)",
        who: "admin",
      },
      {
        syntax: "/hub settings leaderboard-amounts all",
        what: "partner members see every partner's amounts on leaderboards; own (default): their own amounts, others' ranks only (admins)",
        who: "admin",
      },
    ],
  },
  {
    command: "/goal",
    summary: "targets for partners and their progress (also: the Our goals button)",
    usage: [
      {
        syntax: "/goal",
        what: "your company's goals: progress bar, actual of target, the pace needed for the rest of the period, at risk when behind; managers: set a goal",
      },
      {
        syntax: "/goal set",
        what: "set a goal: a partner, all partners of a tier or the program; metric; this or next week, month, quarter or year; target (managers)",
        who: "manager",
      },
      { syntax: "/goal list", what: "every current goal with each partner's progress (managers)", who: "manager" },
      { syntax: "/goal remove 12", what: "remove goal 12 (managers)", who: "manager" },
    ],
  },
  {
    command: "/deal",
    summary: "register deals and follow them (also: the Register deal button and shortcut)",
    usage: [
      { syntax: "/deal", what: "register a deal: customer, amount, stage, expected close…" },
      { syntax: "/deal list won", what: "your company's deals: open (default), won, lost or all" },
      {
        syntax: "/deal list partner Acme Resellers",
        what: "a partner's deals: your own company's, or any for managers",
      },
      { syntax: "/deal find tanabe", what: "deals by customer name or domain, among those you may see" },
      { syntax: "/deal 42", what: "one deal with its buttons" },
      { syntax: "/deal edit 42", what: "correct amount, currency, close date, product, notes or stage" },
      { syntax: "/deal history 42", what: "who changed what, when" },
      {
        syntax: "/deal export won partner Acme since:2026-01-01",
        what: "deals as a CSV file in your DM: all (default), open, won or lost, of one partner, registered since a day (managers)",
        who: "manager",
      },
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
        who: "manager",
      },
      {
        syntax: "/shoutout help",
        what: "this: values are the program's list (`/hub values`); each person recognizes up to 5 recipients a day (admins change it), renewed at midnight in their own time zone; no shout-outs to yourself or to bots",
      },
    ],
  },
  {
    command: "/leaderboard",
    summary:
      "who leads, by how much, and how each moved against the previous period (also: the Leaderboard button). Every part is optional, in any order",
    usage: [
      { syntax: "/leaderboard", what: "partners by revenue won this week, top 10, with your own row when outside" },
      {
        syntax: "/leaderboard month",
        what: "period: `week` (default), `last-week`, `month`, `last-month`, `quarter`, `year`, `all`, or days `2026-01-01..2026-03-31`, in the program's time zone",
      },
      {
        syntax: "/leaderboard quarter deals",
        what: "metric: `revenue` (won, in the reporting currency; default), `deals` (won), `pipeline` (open), `winrate` (from 3 closed deals), `registrations`, `kudos`",
      },
      { syntax: "/leaderboard year people", what: "scope: `partners` (default) or `people`" },
      { syntax: "/leaderboard month region:EMEA tier:gold", what: "only partners of a region and/or tier" },
      {
        syntax: "/leaderboard quarter chart",
        what: "the same ranking as a bar chart, with goal lines (also: the Chart button)",
      },
      {
        syntax: "/leaderboard help",
        what: "this. Only you see the answer; Post to channel shares it. Partner members see other partners' ranks, not their amounts, unless an admin allows it",
      },
    ],
  },
  {
    command: "/partner",
    summary:
      "the partner program: apply, your partnership, scorecards, resources; managers run partner companies, their people and channels",
    usage: [
      {
        syntax: "/partner apply",
        what: "apply to become a partner: company, regions, segments, solutions, team, references (also: the Apply to become a partner button)",
      },
      {
        syntax: "/partner show",
        what: "your partnership: tier, progress to the next tier, onboarding, members (also: Our partnership); managers name a partner",
      },
      {
        syntax: "/partner scorecard Acme",
        what: "this quarter against the last: revenue, pipeline, win rate, registrations, days to close, goals, training, kudos, the last four quarters and the manager's review (members: your own)",
      },
      {
        syntax: "/partner onboarding",
        what: "your company's onboarding checklist, with a button per open step; managers: every partner onboarding, stuck ones first, or one by name",
      },
      {
        syntax: "/partner resources pricing",
        what: "the resource library for your tier: guides, trainings, price books, decks, videos; words search titles and tags (also: Resources)",
      },
      {
        syntax: "/partner applications all",
        what: "partner applications: pending (default), approved, declined or all, with score and Review (managers)",
        who: "manager",
      },
      {
        syntax: "/partner program",
        what: "selection criteria, due-diligence checks, onboarding steps, tier criteria and demotion grace; admins get an Edit button per list (managers)",
        who: "manager",
      },
      {
        syntax: "/partner program grace 30",
        what: "days a partner below its tier's criteria has to recover before managers may demote it, 7–180 (admins)",
        who: "admin",
      },
      {
        syntax: "/partner review Acme",
        what: "rate a partner's quarter (engagement, pipeline quality, enablement, collaboration) with notes shared with it (managers)",
        who: "manager",
      },
      {
        syntax: "/partner tiers",
        what: "tier reviews waiting for a decision: demote or keep (managers)",
        who: "manager",
      },
      {
        syntax: "/partner training Acme",
        what: "who completed which training, with Confirm (managers)",
        who: "manager",
      },
      {
        syntax: "/partner resources add",
        what: "add a resource: title, link, kind, tags, visible from a tier, required training for a tier; `resources remove 12` removes one (managers)",
        who: "manager",
      },
      { syntax: "/partner add Acme Resellers region:EMEA tier:gold", what: "add a partner company", who: "manager" },
      { syntax: "/partner list", what: "every partner with region, tier, members and channel", who: "manager" },
      { syntax: "/partner assign @lee Acme Resellers", what: "put someone in a partner company", who: "manager" },
      { syntax: "/partner remove @lee", what: "take someone out of their partner company", who: "manager" },
      {
        syntax: "/partner members Acme",
        what: "who belongs to a partner (part of the name is enough)",
        who: "manager",
      },
      {
        syntax: "/partner channel #partner-acme Acme Resellers",
        what: "tie a channel to a partner: deals and shout-outs there are for it (`off` to untie)",
        who: "manager",
      },
      {
        syntax: "/partner export",
        what: "every partner with members, open and won deals and won revenue as a CSV file in your DM",
        who: "manager",
      },
    ],
  },
];

/** The help text is the app's own, so it is written as mrkdwn. */
function commandSection(help: CommandHelp): KnownBlock {
  const lines = help.usage.map((entry) => `\`${entry.syntax}\` — ${entry.what}`);
  return section(trusted(`*${help.command}* · ${help.summary}\n${lines.join("\n")}`));
}

const RANK: Record<Role, number> = { member: 0, manager: 1, admin: 2 };

function mayUse(role: Role, who: HelpAudience | undefined): boolean {
  return who === undefined || RANK[role] >= RANK[who];
}

/** The commands and lines `role` may use; without a role, everything (the manifest check, docs). */
export function helpFor(role?: Role): CommandHelp[] {
  if (role === undefined) return COMMAND_HELP;
  return COMMAND_HELP.filter((help) => mayUse(role, help.who)).map((help) => ({
    ...help,
    usage: help.usage.filter((entry) => mayUse(role, entry.who)),
  }));
}

/** `/hub help`: what the caller may use; managers' and admins' commands only for them. */
export function hubHelpMessage(role?: Role): Message {
  const shown = helpFor(role);
  const blocks: KnownBlock[] = [
    header("Partner Hub commands"),
    context(trusted("Every command also answers `help`, e.g. `/deal help`.")),
    ...shown.flatMap((help) => [divider(), commandSection(help)]),
  ];
  return message(trusted(`Partner Hub commands: ${shown.map((help) => help.command).join(", ")}`), blocks);
}

/**
 * Help for one command, also the answer to text the command does not understand. `problem` is the
 * listener's sentence, built with `md` so that what was typed in it shows literally.
 */
export function commandHelpMessage(command: string, problem?: Mrkdwn, role?: Role): Message {
  const help = helpFor(role).find((entry) => entry.command === command);
  if (!help) {
    const exists = COMMAND_HELP.some((entry) => entry.command === command);
    if (!exists) return hubHelpMessage(role);
    const lines = [problem ? md`:warning: ${problem}` : null, md`\`${command}\` is for managers and admins.`];
    const text = lines.filter((line): line is Mrkdwn => line !== null);
    return message(
      text[text.length - 1] ?? md``,
      text.map((line) => section(line)),
    );
  }
  const blocks: KnownBlock[] = [];
  if (problem) blocks.push(section(md`:warning: ${problem}`));
  blocks.push(commandSection(help));
  const text = problem
    ? md`${problem} Try ${help.usage[0]?.syntax ?? `${command} help`}.`
    : trusted(`${command}: ${help.summary}`);
  return message(text, blocks);
}
