/** Who the app's own scheduled jobs act as in audit entries and deal history (never a Slack user id). */
export const SYSTEM_ACTOR = "system";
