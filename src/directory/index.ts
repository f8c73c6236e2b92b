/**
 * What other capabilities may use of the directory: who a user is, the people a reader may see,
 * the commands that add and change users, and the types and tables they name. Nothing else in
 * this folder is theirs to import.
 */
export { admitGovernment } from "./commands/admit-government.js";
export { createGovernment, type NewGovernment } from "./commands/create-government.js";
export { createUser } from "./commands/create-user.js";
export { updateUser } from "./commands/update-user.js";
export {
  type NewUser,
  NewUserInput,
  type UserChange,
  UserOut,
  UserPatch,
} from "./contract.js";
export { GOVERNMENTS } from "./facts.js";
export {
  administerOperators,
  administerUsers,
  administerUsersOf,
  isOperator,
  seeUserDetails,
} from "./policy.js";
export { clearance, type PresentedMe, presentMe } from "./present.js";
export {
  dayOf,
  type GovernmentRow,
  governmentByCode,
  ladderOfGovernment,
  listGovernments,
  loadReader,
  pointOfContactCode,
  readerByUsername,
  type UserListing,
  type UserRow,
  userByUsername,
  visibleUser,
  visibleUsers,
} from "./repo.js";
/** For foreign keys only: read users and governments through the functions above. */
export { governments, users } from "./schema.js";
export { standingOn } from "./standing.js";
