import { definePolicy, type RecordsOf, signedIn } from "../../platform/access/policy.js";

/** Searching is for signed-in users; what each finds is then held to the read rule of every kind (search.queries). */
export const searchActions = definePolicy({
  "search.read": signedIn,
});

declare module "../../platform/access/policy.js" {
  interface PolicyActions extends RecordsOf<typeof searchActions> {}
}
