import type { WebClient } from "@slack/web-api";

/**
 * Which of these people are bots, from users.info: the services refuse shout-outs to bots but
 * cannot tell one from a person. A failed look-up is not taken for a bot: recognizing a person
 * must not fail because Slack answered slowly.
 */
export async function botsAmong(client: WebClient, userIds: readonly string[]): Promise<string[]> {
  const answers = await Promise.all(
    [...new Set(userIds)].map(async (userId) => {
      try {
        const { user } = await client.users.info({ user: userId });
        return user?.is_bot ? userId : null;
      } catch {
        return null;
      }
    }),
  );
  return answers.filter((userId): userId is string => userId !== null);
}
