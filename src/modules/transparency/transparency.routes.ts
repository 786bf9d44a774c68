import { routeTable } from "../../platform/http/route-table.js";
import { ok } from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import {
  AlarmList,
  ConsistencyProof,
  ConsistencyQuery,
  InclusionParams,
  InclusionProof,
  InclusionQuery,
  KeyList,
  SignedHead,
  SizeParams,
  WitnessInput,
  WitnessReply,
} from "./transparency.schemas.js";
import * as service from "./transparency.service.js";

export const transparencyRoutes: RoutesPlugin = async (app) => {
  const route = routeTable(app, ["transparency log"]);
  route.get(
    "/api/transparency/sth",
    "The newest signed tree head of the audit trail's log (public)",
    { response: ok(SignedHead), config: { readsLeader: true } },
    (ctx) => service.latestHead(ctx),
  );
  route.get(
    "/api/transparency/sth/:size",
    "The newest signed head of this tree size (public)",
    { params: SizeParams, response: ok(SignedHead), config: { readsLeader: true } },
    (ctx, { params }) => service.headAt(ctx, params.size),
  );
  route.get(
    "/api/transparency/keys",
    "Every public key that has signed heads, by key id (public)",
    { response: ok(KeyList) },
    (ctx) => service.keys(ctx),
  );
  route.get(
    "/api/transparency/consistency",
    "Consistency proof between two tree sizes (public; hashes only)",
    { query: ConsistencyQuery, response: ok(ConsistencyProof), config: { readsLeader: true } },
    (ctx, { query }) => service.consistency(ctx, query.first, query.second),
  );
  route.get(
    "/api/transparency/inclusion/:seq",
    "Inclusion proof of an audit entry in a signed head (administrators, global auditors; a scoped auditor for records releasable to them)",
    {
      params: InclusionParams,
      query: InclusionQuery,
      response: ok(InclusionProof),
      config: { readsLeader: true },
    },
    (ctx, { params, query }) => service.inclusion(ctx, params.seq, query.treeSize),
  );
  route.post(
    "/api/transparency/witness",
    "As a witness: receive a head of a watched log, check it against the held one, alarm on a fork",
    { body: WitnessInput, response: ok(WitnessReply) },
    (ctx, { body }) => service.witness(ctx, body),
  );
  route.get(
    "/api/transparency/alarms",
    "The witness's alarms, newest first (administrators and global auditors)",
    { response: ok(AlarmList) },
    (ctx) => service.alarms(ctx),
  );
};
