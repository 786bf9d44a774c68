import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, type DeleteOutcome, type Page } from "../../shared/api";
import type {
  Affiliation,
  AffiliationInput,
  Membership,
  MembershipInput,
  Nation,
  NationInput,
  NationListQuery,
  Organisation,
  OrganisationDetail,
  OrganisationInput,
  OrganisationListQuery,
  Person,
  PersonDetail,
  PersonInput,
  PersonListQuery,
} from "./types";

/** Query keys: every directory query starts with "directory", so one invalidation refreshes them all. */
export const directoryKeys = {
  all: ["directory"] as const,
  nations: (query: NationListQuery) => ["directory", "nations", "list", query] as const,
  nation: (id: string) => ["directory", "nations", "detail", id] as const,
  organisations: (query: OrganisationListQuery) => ["directory", "organisations", "list", query] as const,
  organisation: (id: string) => ["directory", "organisations", "detail", id] as const,
  people: (query: PersonListQuery) => ["directory", "people", "list", query] as const,
  person: (id: string) => ["directory", "people", "detail", id] as const,
};

const useInvalidateDirectory = () => {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: directoryKeys.all });
};

/**
 * After a DELETE: an archived record is refreshed like any change; a deleted one's detail query is left
 * alone, so that its still-mounted page does not ask for it again (and get a 404) before navigating away.
 */
const useAfterDelete = (detailKey: (id: string) => readonly unknown[]) => {
  const queryClient = useQueryClient();
  return ({ outcome }: DeleteOutcome, id: string) => {
    const gone = JSON.stringify(detailKey(id));
    return queryClient.invalidateQueries({
      queryKey: directoryKeys.all,
      predicate: (query) => outcome !== "deleted" || JSON.stringify(query.queryKey) !== gone,
    });
  };
};

// Nations

export const useNations = (query: NationListQuery) =>
  useQuery({
    queryKey: directoryKeys.nations(query),
    queryFn: ({ signal }) => api.get<Page<Nation>>("/api/nations", query, signal),
    placeholderData: keepPreviousData,
  });

export const useNation = (id: string | null | undefined) =>
  useQuery({
    queryKey: directoryKeys.nation(id ?? ""),
    queryFn: ({ signal }) => api.get<Nation>(`/api/nations/${id}`, undefined, signal),
    enabled: !!id,
  });

export function useSaveNation(id?: string) {
  const invalidate = useInvalidateDirectory();
  return useMutation({
    mutationFn: (input: Partial<NationInput>) =>
      id ? api.patch<Nation>(`/api/nations/${id}`, input) : api.post<Nation>("/api/nations", input),
    onSuccess: invalidate,
  });
}

export function useDeleteNation() {
  const afterDelete = useAfterDelete(directoryKeys.nation);
  return useMutation({
    mutationFn: (id: string) => api.delete<DeleteOutcome>(`/api/nations/${id}`),
    onSuccess: afterDelete,
  });
}

export function useAddMembership(nationId: string) {
  const invalidate = useInvalidateDirectory();
  return useMutation({
    mutationFn: (input: MembershipInput) =>
      api.post<Membership>(`/api/nations/${nationId}/memberships`, input),
    onSuccess: invalidate,
  });
}

export function useRemoveMembership(nationId: string) {
  const invalidate = useInvalidateDirectory();
  return useMutation({
    mutationFn: (membershipId: string) =>
      api.delete<unknown>(`/api/nations/${nationId}/memberships/${membershipId}`),
    onSuccess: invalidate,
  });
}

// Organisations and institutions

export const useOrganisations = (query: OrganisationListQuery) =>
  useQuery({
    queryKey: directoryKeys.organisations(query),
    queryFn: ({ signal }) => api.get<Page<Organisation>>("/api/organisations", query, signal),
    placeholderData: keepPreviousData,
  });

export const useOrganisation = (id: string | null | undefined) =>
  useQuery({
    queryKey: directoryKeys.organisation(id ?? ""),
    queryFn: ({ signal }) => api.get<OrganisationDetail>(`/api/organisations/${id}`, undefined, signal),
    enabled: !!id,
  });

export function useSaveOrganisation(id?: string) {
  const invalidate = useInvalidateDirectory();
  return useMutation({
    mutationFn: (input: OrganisationInput) =>
      id
        ? api.patch<Organisation>(`/api/organisations/${id}`, input)
        : api.post<Organisation>("/api/organisations", input),
    onSuccess: invalidate,
  });
}

export function useDeleteOrganisation() {
  const afterDelete = useAfterDelete(directoryKeys.organisation);
  return useMutation({
    mutationFn: (id: string) => api.delete<DeleteOutcome>(`/api/organisations/${id}`),
    onSuccess: afterDelete,
  });
}

// People

export const usePeople = (query: PersonListQuery) =>
  useQuery({
    queryKey: directoryKeys.people(query),
    queryFn: ({ signal }) => api.get<Page<Person>>("/api/people", query, signal),
    placeholderData: keepPreviousData,
  });

export const usePerson = (id: string | null | undefined) =>
  useQuery({
    queryKey: directoryKeys.person(id ?? ""),
    queryFn: ({ signal }) => api.get<PersonDetail>(`/api/people/${id}`, undefined, signal),
    enabled: !!id,
  });

export function useSavePerson(id?: string) {
  const invalidate = useInvalidateDirectory();
  return useMutation({
    mutationFn: (input: Partial<PersonInput>) =>
      id ? api.patch<Person>(`/api/people/${id}`, input) : api.post<Person>("/api/people", input),
    onSuccess: invalidate,
  });
}

export function useDeletePerson() {
  const afterDelete = useAfterDelete(directoryKeys.person);
  return useMutation({
    mutationFn: (id: string) => api.delete<DeleteOutcome>(`/api/people/${id}`),
    onSuccess: afterDelete,
  });
}

export function useAddAffiliation(personId: string) {
  const invalidate = useInvalidateDirectory();
  return useMutation({
    mutationFn: (input: AffiliationInput) =>
      api.post<Affiliation>(`/api/people/${personId}/affiliations`, input),
    onSuccess: invalidate,
  });
}

export function useRemoveAffiliation(personId: string) {
  const invalidate = useInvalidateDirectory();
  return useMutation({
    mutationFn: (affiliationId: string) =>
      api.delete<unknown>(`/api/people/${personId}/affiliations/${affiliationId}`),
    onSuccess: invalidate,
  });
}

// Options for selects (used by other features too)

export const fetchNationOptions = async (q: string) =>
  (await api.get<Page<Nation>>("/api/nations", { q, sort: "code", limit: 100 })).items;

export const fetchOrganisationOptions = async (q: string, filters: OrganisationListQuery = {}) =>
  (await api.get<Page<Organisation>>("/api/organisations", { ...filters, q, sort: "code", limit: 50 })).items;
