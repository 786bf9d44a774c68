import { routeTable } from "../../platform/http/route-table.js";
import { created, IdParams, noContent, ok, Page } from "../../platform/http/schemas.js";
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
  const nations = routeTable(app, ["directory: nations"]);
  nations.get(
    "/api/nations",
    "Search and list nations",
    { query: NationQuery, response: ok(Page(Nation)) },
    (ctx, { query }) => service.listNations(ctx, query),
  );
  nations.get("/api/nations/:id", { params: IdParams, response: ok(Nation) }, (ctx, { params }) =>
    service.getNation(ctx, params.id),
  );
  nations.post("/api/nations", { body: NationInput, response: created(Nation) }, (ctx, { body }) =>
    service.createNation(ctx, body),
  );
  nations.patch(
    "/api/nations/:id",
    { params: IdParams, body: NationPatch, response: ok(Nation) },
    (ctx, { params, body }) => service.updateNation(ctx, params.id, body),
  );
  nations.delete(
    "/api/nations/:id",
    "Delete a nation, or archive it when other records refer to it",
    { params: IdParams, response: ok(DeleteOutcome) },
    (ctx, { params }) => service.deleteNation(ctx, params.id),
  );
  const memberships = nations.children("/api/nations/:id/memberships", "membershipId");
  memberships.add({ body: MembershipInput, response: created(Membership) }, service.addMembership);
  memberships.remove({ response: noContent }, service.removeMembership);

  // ---------------------------------------------------------------- organisations
  const organisations = routeTable(app, ["directory: organisations and institutions"]);
  organisations.get(
    "/api/organisations",
    "Search and list organisations and institutions",
    { query: OrganisationQuery, response: ok(Page(Organisation)) },
    (ctx, { query }) => service.listOrganisations(ctx, query),
  );
  organisations.get(
    "/api/organisations/:id",
    { params: IdParams, response: ok(OrganisationDetail) },
    (ctx, { params }) => service.getOrganisation(ctx, params.id),
  );
  organisations.post(
    "/api/organisations",
    { body: OrganisationInput, response: created(OrganisationDetail) },
    (ctx, { body }) => service.createOrganisation(ctx, body),
  );
  organisations.patch(
    "/api/organisations/:id",
    { params: IdParams, body: OrganisationPatch, response: ok(OrganisationDetail) },
    (ctx, { params, body }) => service.updateOrganisation(ctx, params.id, body),
  );
  organisations.delete(
    "/api/organisations/:id",
    { params: IdParams, response: ok(DeleteOutcome) },
    (ctx, { params }) => service.deleteOrganisation(ctx, params.id),
  );

  // ---------------------------------------------------------------- people
  const people = routeTable(app, ["directory: people"]);
  people.get(
    "/api/people",
    "Search people the caller may see",
    { query: PersonQuery, response: ok(Page(Person)) },
    (ctx, { query }) => service.listPeople(ctx, query),
  );
  people.get("/api/people/:id", { params: IdParams, response: ok(PersonDetail) }, (ctx, { params }) =>
    service.getPerson(ctx, params.id),
  );
  people.post("/api/people", { body: PersonInput, response: created(PersonDetail) }, (ctx, { body }) =>
    service.createPerson(ctx, body),
  );
  people.patch(
    "/api/people/:id",
    { params: IdParams, body: PersonPatch, response: ok(PersonDetail) },
    (ctx, { params, body }) => service.updatePerson(ctx, params.id, body),
  );
  people.delete("/api/people/:id", { params: IdParams, response: ok(DeleteOutcome) }, (ctx, { params }) =>
    service.deletePerson(ctx, params.id),
  );
  const affiliations = people.children("/api/people/:id/affiliations", "affiliationId");
  affiliations.add({ body: AffiliationInput, response: created(PersonDetail) }, service.addAffiliation);
  affiliations.remove({ response: ok(PersonDetail) }, service.removeAffiliation);
};
