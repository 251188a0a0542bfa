import { AccessService } from "./access-service";
import { HealthService } from "./health-service";
import { PartnerService } from "./partner-service";
import { RoleService } from "./role-service";
import type { Store } from "./store";

export interface Services {
  access: AccessService;
  roles: RoleService;
  partners: PartnerService;
  health: HealthService;
}

export function createServices(store: Store, options: { hubAdmins: readonly string[] }): Services {
  const access = new AccessService(store, options.hubAdmins);
  return {
    access,
    roles: new RoleService(store, access),
    partners: new PartnerService(store),
    health: new HealthService(store),
  };
}
