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
  RecordSection,
} from "./types";

/** Query keys: every directory query starts with "directory", so one invalidation refreshes them all. */
const listKey = (section: RecordSection) => (query: object) => ["directory", section, "list", query] as const;
const detailKey = (section: RecordSection) => (id: string) => ["directory", section, "detail", id] as const;

export const directoryKeys = {
  all: ["directory"] as const,
  nation: detailKey("nations"),
  organisation: detailKey("organisations"),
  person: detailKey("people"),
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

// The directory's three lists of records (nations, organisations, people) are read and written alike. The writes
// name their routes literally, so that the web's route check (test/guards) sees which ones the app calls.

function useRecordList<Item>(section: RecordSection, query: object) {
  return useQuery({
    queryKey: listKey(section)(query),
    queryFn: ({ signal }) => api.get<Page<Item>>(`/api/${section}`, query, signal),
    placeholderData: keepPreviousData,
  });
}

function useRecord<Detail>(section: RecordSection, id: string | null | undefined) {
  return useQuery({
    queryKey: detailKey(section)(id ?? ""),
    queryFn: ({ signal }) => api.get<Detail>(`/api/${section}/${id}`, undefined, signal),
    enabled: !!id,
  });
}

/** A write of the directory: every directory query is refreshed after it. */
function useDirectoryWrite<Input, Output>(write: (input: Input) => Promise<Output>) {
  const invalidate = useInvalidateDirectory();
  return useMutation({ mutationFn: write, onSuccess: invalidate });
}

function useDeleteRecord(section: RecordSection, remove: (id: string) => Promise<DeleteOutcome>) {
  const afterDelete = useAfterDelete(detailKey(section));
  return useMutation({ mutationFn: remove, onSuccess: afterDelete });
}

// Nations

export const useNations = (query: NationListQuery) => useRecordList<Nation>("nations", query);
export const useNation = (id: string | null | undefined) => useRecord<Nation>("nations", id);
export const useSaveNation = (id?: string) =>
  useDirectoryWrite((input: Partial<NationInput>) =>
    id ? api.patch<Nation>(`/api/nations/${id}`, input) : api.post<Nation>("/api/nations", input),
  );
export const useDeleteNation = () =>
  useDeleteRecord("nations", (id) => api.delete<DeleteOutcome>(`/api/nations/${id}`));
export const useAddMembership = (nationId: string) =>
  useDirectoryWrite((input: MembershipInput) =>
    api.post<Membership>(`/api/nations/${nationId}/memberships`, input),
  );
export const useRemoveMembership = (nationId: string) =>
  useDirectoryWrite((membershipId: string) =>
    api.delete<unknown>(`/api/nations/${nationId}/memberships/${membershipId}`),
  );

// Organisations and institutions

export const useOrganisations = (query: OrganisationListQuery) =>
  useRecordList<Organisation>("organisations", query);
export const useOrganisation = (id: string | null | undefined) =>
  useRecord<OrganisationDetail>("organisations", id);
export const useSaveOrganisation = (id?: string) =>
  useDirectoryWrite((input: OrganisationInput) =>
    id
      ? api.patch<Organisation>(`/api/organisations/${id}`, input)
      : api.post<Organisation>("/api/organisations", input),
  );
export const useDeleteOrganisation = () =>
  useDeleteRecord("organisations", (id) => api.delete<DeleteOutcome>(`/api/organisations/${id}`));

// People

export const usePeople = (query: PersonListQuery) => useRecordList<Person>("people", query);
export const usePerson = (id: string | null | undefined) => useRecord<PersonDetail>("people", id);
export const useSavePerson = (id?: string) =>
  useDirectoryWrite((input: Partial<PersonInput>) =>
    id ? api.patch<Person>(`/api/people/${id}`, input) : api.post<Person>("/api/people", input),
  );
export const useDeletePerson = () =>
  useDeleteRecord("people", (id) => api.delete<DeleteOutcome>(`/api/people/${id}`));
export const useAddAffiliation = (personId: string) =>
  useDirectoryWrite((input: AffiliationInput) =>
    api.post<Affiliation>(`/api/people/${personId}/affiliations`, input),
  );
export const useRemoveAffiliation = (personId: string) =>
  useDirectoryWrite((affiliationId: string) =>
    api.delete<unknown>(`/api/people/${personId}/affiliations/${affiliationId}`),
  );

// Options for selects (used by other features too)

export const fetchNationOptions = async (q: string) =>
  (await api.get<Page<Nation>>("/api/nations", { q, sort: "code", limit: 100 })).items;

export const fetchOrganisationOptions = async (q: string, filters: OrganisationListQuery = {}) =>
  (await api.get<Page<Organisation>>("/api/organisations", { ...filters, q, sort: "code", limit: 50 })).items;
