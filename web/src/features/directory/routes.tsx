import { IconAddressBook, IconBuilding, IconFlag, IconUsers } from "@tabler/icons-react";
import { type Feature, lazyPage, signedInNav } from "../../app/feature";

const pages = {
  nations: () => import("./pages/nations-list-page"),
  nation: () => import("./pages/nation-detail-page"),
  nationForm: () => import("./pages/nation-form-page"),
  organisations: () => import("./pages/organisations-list-page"),
  organisation: () => import("./pages/organisation-detail-page"),
  organisationForm: () => import("./pages/organisation-form-page"),
  people: () => import("./pages/people-list-page"),
  peopleImport: () => import("./pages/people-import-page"),
  person: () => import("./pages/person-detail-page"),
  personForm: () => import("./pages/person-form-page"),
};

export const directoryFeature: Feature = {
  namespace: "directory",
  // Loaded with the first directory page, not with the app.
  i18n: () => import("./i18n").then((m) => m.directoryI18n),
  routes: [
    { path: "nations", lazy: lazyPage(pages.nations, (m) => m.NationsListPage) },
    { path: "nations/new", lazy: lazyPage(pages.nationForm, (m) => m.NationFormPage) },
    { path: "nations/:id", lazy: lazyPage(pages.nation, (m) => m.NationDetailPage) },
    { path: "nations/:id/edit", lazy: lazyPage(pages.nationForm, (m) => m.NationFormPage) },
    { path: "organisations", lazy: lazyPage(pages.organisations, (m) => m.OrganisationsListPage) },
    { path: "organisations/new", lazy: lazyPage(pages.organisationForm, (m) => m.OrganisationFormPage) },
    { path: "organisations/:id", lazy: lazyPage(pages.organisation, (m) => m.OrganisationDetailPage) },
    { path: "organisations/:id/edit", lazy: lazyPage(pages.organisationForm, (m) => m.OrganisationFormPage) },
    { path: "people", lazy: lazyPage(pages.people, (m) => m.PeopleListPage) },
    { path: "people/import", lazy: lazyPage(pages.peopleImport, (m) => m.PeopleImportPage) },
    { path: "imports", lazy: lazyPage(pages.peopleImport, (m) => m.PeopleImportPage) },
    { path: "people/new", lazy: lazyPage(pages.personForm, (m) => m.PersonFormPage) },
    { path: "people/:id", lazy: lazyPage(pages.person, (m) => m.PersonDetailPage) },
    { path: "people/:id/edit", lazy: lazyPage(pages.personForm, (m) => m.PersonFormPage) },
  ],
  nav: {
    to: "/directory",
    label: "common:nav.directory",
    icon: IconAddressBook,
    items: [
      { to: "/nations", label: "common:nav.nations", icon: IconFlag },
      { to: "/organisations", label: "common:nav.organisations", icon: IconBuilding },
      signedInNav({ to: "/people", label: "common:nav.people", icon: IconUsers }),
    ],
  },
};
