import { routeTable } from "../../platform/http/route-table.js";
import { created, noContent, ok, Page } from "../../platform/http/schemas.js";
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
  const nation = nations.records("/api/nations");
  nation.list(
    "Search and list nations",
    { query: NationQuery, response: ok(Page(Nation)) },
    service.listNations,
  );
  nation.get({ response: ok(Nation) }, service.getNation);
  nation.create({ body: NationInput, response: created(Nation) }, service.createNation);
  nation.update({ body: NationPatch, response: ok(Nation) }, service.updateNation);
  nation.remove(
    "Delete a nation, or archive it when other records refer to it",
    { response: ok(DeleteOutcome) },
    service.deleteNation,
  );
  const memberships = nations.children("/api/nations/:id/memberships", "membershipId");
  memberships.add({ body: MembershipInput, response: created(Membership) }, service.addMembership);
  memberships.remove({ response: noContent }, service.removeMembership);

  // ---------------------------------------------------------------- organisations
  const organisation = routeTable(app, ["directory: organisations and institutions"]).records(
    "/api/organisations",
  );
  organisation.list(
    "Search and list organisations and institutions",
    { query: OrganisationQuery, response: ok(Page(Organisation)) },
    service.listOrganisations,
  );
  organisation.get({ response: ok(OrganisationDetail) }, service.getOrganisation);
  organisation.create(
    { body: OrganisationInput, response: created(OrganisationDetail) },
    service.createOrganisation,
  );
  organisation.update(
    { body: OrganisationPatch, response: ok(OrganisationDetail) },
    service.updateOrganisation,
  );
  organisation.remove({ response: ok(DeleteOutcome) }, service.deleteOrganisation);

  // ---------------------------------------------------------------- people
  const people = routeTable(app, ["directory: people"]);
  const person = people.records("/api/people");
  person.list(
    "Search people the caller may see",
    { query: PersonQuery, response: ok(Page(Person)) },
    service.listPeople,
  );
  person.get({ response: ok(PersonDetail) }, service.getPerson);
  person.create({ body: PersonInput, response: created(PersonDetail) }, service.createPerson);
  person.update({ body: PersonPatch, response: ok(PersonDetail) }, service.updatePerson);
  person.remove({ response: ok(DeleteOutcome) }, service.deletePerson);
  const affiliations = people.children("/api/people/:id/affiliations", "affiliationId");
  affiliations.add({ body: AffiliationInput, response: created(PersonDetail) }, service.addAffiliation);
  affiliations.remove({ response: ok(PersonDetail) }, service.removeAffiliation);
};
