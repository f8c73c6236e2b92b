/** The directory's users as the administration's pages list and edit them. */
import { levelAt, REGIME_LADDER } from "../core/access/markings.js";
import type { UserListing } from "../directory/index.js";

export function presentAdminUser({ user, government, ladder }: UserListing) {
  const regime = levelAt(REGIME_LADDER, user.regimeClearance);
  const national = levelAt(ladder, user.nationalClearance);
  return {
    username: user.username,
    displayName: user.displayName,
    government: government.name,
    roles: user.roles,
    regime: regime.label,
    national: national.label,
    regimeCode: regime.code,
    nationalCode: national.code,
    disabled: user.disabledAt !== null,
    ladder,
  };
}

export type AdminUser = ReturnType<typeof presentAdminUser>;
