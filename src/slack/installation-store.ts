import type { Installation, InstallationQuery, InstallationStore } from "@slack/bolt";
import type { InstallationRepository } from "../services/installation-store";

/** Org-wide installs are keyed by enterprise, the others by team (Bolt's own convention). */
function keyOf(query: {
  isEnterpriseInstall?: boolean;
  enterpriseId?: string | undefined;
  teamId?: string | undefined;
}): string {
  if (query.isEnterpriseInstall && query.enterpriseId) return `enterprise:${query.enterpriseId}`;
  return `team:${query.teamId ?? ""}`;
}

export function databaseInstallationStore(repository: InstallationRepository): InstallationStore {
  return {
    async storeInstallation(installation: Installation) {
      await repository.save({
        installKey: keyOf({
          isEnterpriseInstall: installation.isEnterpriseInstall ?? false,
          enterpriseId: installation.enterprise?.id,
          teamId: installation.team?.id,
        }),
        teamId: installation.team?.id ?? null,
        enterpriseId: installation.enterprise?.id ?? null,
        botUserId: installation.bot?.userId ?? null,
        data: JSON.stringify(installation),
      });
    },
    async fetchInstallation(query: InstallationQuery<boolean>) {
      const data = await repository.find(keyOf(query));
      if (!data) throw new Error(`no installation for ${keyOf(query)}`);
      return JSON.parse(data) as Installation;
    },
    async deleteInstallation(query: InstallationQuery<boolean>) {
      await repository.delete(keyOf(query));
    },
  };
}
