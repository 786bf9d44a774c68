import { Type } from "typebox";
import { ctxOf } from "../../platform/http/request-context.js";
import { ChildParams, created, errorResponses, IdParams, ok, Page } from "../../platform/http/schemas.js";
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
        response: ok(Page(Nation)),
      },
    },
    async (request) => service.listNations(ctxOf(request), request.query),
  );
  app.get(
    "/api/nations/:id",
    { schema: { tags: nations, params: IdParams, response: ok(Nation) } },
    async (request) => service.getNation(ctxOf(request), request.params.id),
  );
  app.post(
    "/api/nations",
    { schema: { tags: nations, body: NationInput, response: created(Nation) } },
    async (request, reply) =>
      reply.status(201).send(await service.createNation(ctxOf(request), request.body)),
  );
  app.patch(
    "/api/nations/:id",
    { schema: { tags: nations, params: IdParams, body: NationPatch, response: ok(Nation) } },
    async (request) => service.updateNation(ctxOf(request), request.params.id, request.body),
  );
  app.delete(
    "/api/nations/:id",
    {
      schema: {
        tags: nations,
        summary: "Delete a nation, or archive it when other records refer to it",
        params: IdParams,
        response: ok(DeleteOutcome),
      },
    },
    async (request) => service.deleteNation(ctxOf(request), request.params.id),
  );
  app.post(
    "/api/nations/:id/memberships",
    { schema: { tags: nations, params: IdParams, body: MembershipInput, response: created(Membership) } },
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
        response: ok(Page(Organisation)),
      },
    },
    async (request) => service.listOrganisations(ctxOf(request), request.query),
  );
  app.get(
    "/api/organisations/:id",
    { schema: { tags: organisations, params: IdParams, response: ok(OrganisationDetail) } },
    async (request) => service.getOrganisation(ctxOf(request), request.params.id),
  );
  app.post(
    "/api/organisations",
    { schema: { tags: organisations, body: OrganisationInput, response: created(OrganisationDetail) } },
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
        response: ok(OrganisationDetail),
      },
    },
    async (request) => service.updateOrganisation(ctxOf(request), request.params.id, request.body),
  );
  app.delete(
    "/api/organisations/:id",
    { schema: { tags: organisations, params: IdParams, response: ok(DeleteOutcome) } },
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
        response: ok(Page(Person)),
      },
    },
    async (request) => service.listPeople(ctxOf(request), request.query),
  );
  app.get(
    "/api/people/:id",
    { schema: { tags: people, params: IdParams, response: ok(PersonDetail) } },
    async (request) => service.getPerson(ctxOf(request), request.params.id),
  );
  app.post(
    "/api/people",
    { schema: { tags: people, body: PersonInput, response: created(PersonDetail) } },
    async (request, reply) =>
      reply.status(201).send(await service.createPerson(ctxOf(request), request.body)),
  );
  app.patch(
    "/api/people/:id",
    { schema: { tags: people, params: IdParams, body: PersonPatch, response: ok(PersonDetail) } },
    async (request) => service.updatePerson(ctxOf(request), request.params.id, request.body),
  );
  app.delete(
    "/api/people/:id",
    { schema: { tags: people, params: IdParams, response: ok(DeleteOutcome) } },
    async (request) => service.deletePerson(ctxOf(request), request.params.id),
  );
  app.post(
    "/api/people/:id/affiliations",
    { schema: { tags: people, params: IdParams, body: AffiliationInput, response: created(PersonDetail) } },
    async (request, reply) =>
      reply.status(201).send(await service.addAffiliation(ctxOf(request), request.params.id, request.body)),
  );
  app.delete(
    "/api/people/:id/affiliations/:affiliationId",
    { schema: { tags: people, params: ChildParams("affiliationId"), response: ok(PersonDetail) } },
    async (request) => {
      const params = request.params as { id: string; affiliationId: string };
      return service.removeAffiliation(ctxOf(request), params.id, params.affiliationId);
    },
  );
};
