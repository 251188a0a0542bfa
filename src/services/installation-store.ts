/** Where OAuth installations are kept (multi-workspace mode). `data` is opaque JSON from Slack. */
export interface InstallationRepository {
  save(entry: {
    installKey: string;
    teamId: string | null;
    enterpriseId: string | null;
    botUserId: string | null;
    data: string;
  }): Promise<void>;
  find(installKey: string): Promise<string | null>;
  delete(installKey: string): Promise<void>;
}
