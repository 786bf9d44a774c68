import { Type } from "typebox";
import { ctxOf } from "../../platform/http/request-context.js";
import { errorResponses, IdParams, Page, Uuid } from "../../platform/http/schemas.js";
import type { RoutesPlugin } from "../../platform/http/type-provider.js";
import {
  AffiliationInput,
  DeleteOutcome,
  Membership,
  MembershipInput,
  Nation,
  NationInput,
  NationPatch,
  NationQuery,
  Organisation,
  OrganisationDetail,
  OrganisationInput,
  OrganisationPatch,
  OrganisationQuery,
  Person,
  PersonDetail,
  PersonInput,
  PersonPatch,
  PersonQuery,
} from "./directory.schemas.js";
import * as service from "./directory.service.js";

const ChildParams = (name: string) =>
  Type.Object({ id: Uuid, [name]: Uuid }, { additionalProperties: false });

export const directoryRoutes: RoutesPlugin = async (app) => {
  // ---------------------------------------------------------------- nations
  const nations = ["directory: nations"];
  app.get(
    "/api/nations",
    {
      schema: {
        tags: nations,
        summary: "Search and list nations",
        querystring: NationQuery,
        response: { 200: Page(Nation), ...errorResponses },
      },
    },
    async (request) => service.listNations(ctxOf(request), request.query),
  );
  app.get(
    "/api/nations/:id",
    { schema: { tags: nations, params: IdParams, response: { 200: Nation, ...errorResponses } } },
    async (request) => service.getNation(ctxOf(request), request.params.id),
  );
  app.post(
    "/api/nations",
    { schema: { tags: nations, body: NationInput, response: { 201: Nation, ...errorResponses } } },
    async (request, reply) =>
      reply.status(201).send(await service.createNation(ctxOf(request), request.body)),
  );
  app.patch(
    "/api/nations/:id",
    {
      schema: {
        tags: nations,
        params: IdParams,
        body: NationPatch,
        response: { 200: Nation, ...errorResponses },
      },
    },
    async (request) => service.updateNation(ctxOf(request), request.params.id, request.body),
  );
  app.delete(
    "/api/nations/:id",
    {
      schema: {
        tags: nations,
        summary: "Delete a nation, or archive it when other records refer to it",
        params: IdParams,
        response: { 200: DeleteOutcome, ...errorResponses },
      },
    },
    async (request) => service.deleteNation(ctxOf(request), request.params.id),
  );
  app.post(
    "/api/nations/:id/memberships",
    {
      schema: {
        tags: nations,
        params: IdParams,
        body: MembershipInput,
        response: { 201: Membership, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.addMembership(ctxOf(request), request.params.id, request.body)),
  );
  app.delete(
    "/api/nations/:id/memberships/:membershipId",
    {
      schema: {
        tags: nations,
        params: ChildParams("membershipId"),
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const params = request.params as { id: string; membershipId: string };
      await service.removeMembership(ctxOf(request), params.id, params.membershipId);
      return reply.status(204).send();
    },
  );

  // ---------------------------------------------------------------- organisations
  const organisations = ["directory: organisations and institutions"];
  app.get(
    "/api/organisations",
    {
      schema: {
        tags: organisations,
        summary: "Search and list organisations and institutions",
        querystring: OrganisationQuery,
        response: { 200: Page(Organisation), ...errorResponses },
      },
    },
    async (request) => service.listOrganisations(ctxOf(request), request.query),
  );
  app.get(
    "/api/organisations/:id",
    {
      schema: {
        tags: organisations,
        params: IdParams,
        response: { 200: OrganisationDetail, ...errorResponses },
      },
    },
    async (request) => service.getOrganisation(ctxOf(request), request.params.id),
  );
  app.post(
    "/api/organisations",
    {
      schema: {
        tags: organisations,
        body: OrganisationInput,
        response: { 201: OrganisationDetail, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.createOrganisation(ctxOf(request), request.body)),
  );
  app.patch(
    "/api/organisations/:id",
    {
      schema: {
        tags: organisations,
        params: IdParams,
        body: OrganisationPatch,
        response: { 200: OrganisationDetail, ...errorResponses },
      },
    },
    async (request) => service.updateOrganisation(ctxOf(request), request.params.id, request.body),
  );
  app.delete(
    "/api/organisations/:id",
    {
      schema: { tags: organisations, params: IdParams, response: { 200: DeleteOutcome, ...errorResponses } },
    },
    async (request) => service.deleteOrganisation(ctxOf(request), request.params.id),
  );

  // ---------------------------------------------------------------- people
  const people = ["directory: people"];
  app.get(
    "/api/people",
    {
      schema: {
        tags: people,
        summary: "Search people the caller may see",
        querystring: PersonQuery,
        response: { 200: Page(Person), ...errorResponses },
      },
    },
    async (request) => service.listPeople(ctxOf(request), request.query),
  );
  app.get(
    "/api/people/:id",
    { schema: { tags: people, params: IdParams, response: { 200: PersonDetail, ...errorResponses } } },
    async (request) => service.getPerson(ctxOf(request), request.params.id),
  );
  app.post(
    "/api/people",
    { schema: { tags: people, body: PersonInput, response: { 201: PersonDetail, ...errorResponses } } },
    async (request, reply) =>
      reply.status(201).send(await service.createPerson(ctxOf(request), request.body)),
  );
  app.patch(
    "/api/people/:id",
    {
      schema: {
        tags: people,
        params: IdParams,
        body: PersonPatch,
        response: { 200: PersonDetail, ...errorResponses },
      },
    },
    async (request) => service.updatePerson(ctxOf(request), request.params.id, request.body),
  );
  app.delete(
    "/api/people/:id",
    { schema: { tags: people, params: IdParams, response: { 200: DeleteOutcome, ...errorResponses } } },
    async (request) => service.deletePerson(ctxOf(request), request.params.id),
  );
  app.post(
    "/api/people/:id/affiliations",
    {
      schema: {
        tags: people,
        params: IdParams,
        body: AffiliationInput,
        response: { 201: PersonDetail, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await service.addAffiliation(ctxOf(request), request.params.id, request.body)),
  );
  app.delete(
    "/api/people/:id/affiliations/:affiliationId",
    {
      schema: {
        tags: people,
        params: ChildParams("affiliationId"),
        response: { 200: PersonDetail, ...errorResponses },
      },
    },
    async (request) => {
      const params = request.params as { id: string; affiliationId: string };
      return service.removeAffiliation(ctxOf(request), params.id, params.affiliationId);
    },
  );
};
