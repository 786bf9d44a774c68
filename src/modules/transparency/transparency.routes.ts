import { ctxOf } from "../../platform/http/request-context.js";
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
  const tags = ["transparency log"];
  app.get(
    "/api/transparency/sth",
    {
      // Fills the tree's node cache, or signs the first head.
      config: { readsLeader: true },
      schema: {
        tags,
        summary: "The newest signed tree head of the audit trail's log (public)",
        response: ok(SignedHead),
      },
    },
    async (request) => service.latestHead(ctxOf(request)),
  );
  app.get(
    "/api/transparency/sth/:size",
    {
      // Fills the tree's node cache, or signs the first head.
      config: { readsLeader: true },
      schema: {
        tags,
        summary: "The newest signed head of this tree size (public)",
        params: SizeParams,
        response: ok(SignedHead),
      },
    },
    async (request) => service.headAt(ctxOf(request), request.params.size),
  );
  app.get(
    "/api/transparency/keys",
    {
      schema: {
        tags,
        summary: "Every public key that has signed heads, by key id (public)",
        response: ok(KeyList),
      },
    },
    async (request) => service.keys(ctxOf(request)),
  );
  app.get(
    "/api/transparency/consistency",
    {
      // Fills the tree's node cache, or signs the first head.
      config: { readsLeader: true },
      schema: {
        tags,
        summary: "Consistency proof between two tree sizes (public; hashes only)",
        querystring: ConsistencyQuery,
        response: ok(ConsistencyProof),
      },
    },
    async (request) => service.consistency(ctxOf(request), request.query.first, request.query.second),
  );
  app.get(
    "/api/transparency/inclusion/:seq",
    {
      // Fills the tree's node cache, or signs the first head.
      config: { readsLeader: true },
      schema: {
        tags,
        summary:
          "Inclusion proof of an audit entry in a signed head (administrators, global auditors; a scoped auditor for records releasable to them)",
        params: InclusionParams,
        querystring: InclusionQuery,
        response: ok(InclusionProof),
      },
    },
    async (request) => service.inclusion(ctxOf(request), request.params.seq, request.query.treeSize),
  );
  app.post(
    "/api/transparency/witness",
    {
      schema: {
        tags,
        summary:
          "As a witness: receive a head of a watched log, check it against the held one, alarm on a fork",
        body: WitnessInput,
        response: ok(WitnessReply),
      },
    },
    async (request) => service.witness(ctxOf(request), request.body),
  );
  app.get(
    "/api/transparency/alarms",
    {
      schema: {
        tags,
        summary: "The witness's alarms, newest first (administrators and global auditors)",
        response: ok(AlarmList),
      },
    },
    async (request) => service.alarms(ctxOf(request)),
  );
};
