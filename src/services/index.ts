import { AccessService } from "./access-service";
import type { Clock } from "./clock";
import type { DealNotifier } from "./deal-notifier";
import { DealService } from "./deal-service";
import { HealthService } from "./health-service";
import { PartnerService } from "./partner-service";
import { RoleService } from "./role-service";
import { SettingsService } from "./settings-service";
import type { Store } from "./store";

export interface Services {
  access: AccessService;
  roles: RoleService;
  partners: PartnerService;
  health: HealthService;
  deals: DealService;
  settings: SettingsService;
  clock: Clock;
}

export function createServices(
  store: Store,
  options: { hubAdmins: readonly string[]; notifier: DealNotifier; clock?: Clock },
): Services {
  const clock = options.clock ?? (() => new Date());
  const access = new AccessService(store, options.hubAdmins);
  return {
    access,
    roles: new RoleService(store, access),
    partners: new PartnerService(store),
    health: new HealthService(store),
    deals: new DealService(store, options.notifier, clock),
    settings: new SettingsService(store),
    clock,
  };
}
