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

// The directory's three lists of records (nations, organisations, people) are read and written alike.

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

/** A create, or a change when the record's id is given. */
function useSaveRecord<Item, Input>(section: RecordSection, id: string | undefined) {
  const invalidate = useInvalidateDirectory();
  return useMutation({
    mutationFn: (input: Input) =>
      id ? api.patch<Item>(`/api/${section}/${id}`, input) : api.post<Item>(`/api/${section}`, input),
    onSuccess: invalidate,
  });
}

function useDeleteRecord(section: RecordSection) {
  const afterDelete = useAfterDelete(detailKey(section));
  return useMutation({
    mutationFn: (id: string) => api.delete<DeleteOutcome>(`/api/${section}/${id}`),
    onSuccess: afterDelete,
  });
}

/** The lines a record lists (a nation's memberships, a person's affiliations) are added and removed alike. */
function useAddLine<Line, Input>(lines: string) {
  const invalidate = useInvalidateDirectory();
  return useMutation({
    mutationFn: (input: Input) => api.post<Line>(lines, input),
    onSuccess: invalidate,
  });
}

function useRemoveLine(lines: string) {
  const invalidate = useInvalidateDirectory();
  return useMutation({
    mutationFn: (lineId: string) => api.delete<unknown>(`${lines}/${lineId}`),
    onSuccess: invalidate,
  });
}

// Nations

export const useNations = (query: NationListQuery) => useRecordList<Nation>("nations", query);
export const useNation = (id: string | null | undefined) => useRecord<Nation>("nations", id);
export const useSaveNation = (id?: string) => useSaveRecord<Nation, Partial<NationInput>>("nations", id);
export const useDeleteNation = () => useDeleteRecord("nations");
export const useAddMembership = (nationId: string) =>
  useAddLine<Membership, MembershipInput>(`/api/nations/${nationId}/memberships`);
export const useRemoveMembership = (nationId: string) =>
  useRemoveLine(`/api/nations/${nationId}/memberships`);

// Organisations and institutions

export const useOrganisations = (query: OrganisationListQuery) =>
  useRecordList<Organisation>("organisations", query);
export const useOrganisation = (id: string | null | undefined) =>
  useRecord<OrganisationDetail>("organisations", id);
export const useSaveOrganisation = (id?: string) =>
  useSaveRecord<Organisation, OrganisationInput>("organisations", id);
export const useDeleteOrganisation = () => useDeleteRecord("organisations");

// People

export const usePeople = (query: PersonListQuery) => useRecordList<Person>("people", query);
export const usePerson = (id: string | null | undefined) => useRecord<PersonDetail>("people", id);
export const useSavePerson = (id?: string) => useSaveRecord<Person, Partial<PersonInput>>("people", id);
export const useDeletePerson = () => useDeleteRecord("people");
export const useAddAffiliation = (personId: string) =>
  useAddLine<Affiliation, AffiliationInput>(`/api/people/${personId}/affiliations`);
export const useRemoveAffiliation = (personId: string) =>
  useRemoveLine(`/api/people/${personId}/affiliations`);

// Options for selects (used by other features too)

export const fetchNationOptions = async (q: string) =>
  (await api.get<Page<Nation>>("/api/nations", { q, sort: "code", limit: 100 })).items;

export const fetchOrganisationOptions = async (q: string, filters: OrganisationListQuery = {}) =>
  (await api.get<Page<Organisation>>("/api/organisations", { ...filters, q, sort: "code", limit: 50 })).items;
