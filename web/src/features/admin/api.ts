import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, type Page } from "../../shared/api";
import type { AdminUser, AdminUserDetail, GrantInput, UserInput, UserListQuery } from "./types";

export const adminKeys = {
  all: ["admin"] as const,
  users: (query: UserListQuery) => ["admin", "users", "list", query] as const,
  user: (id: string) => ["admin", "users", "detail", id] as const,
};

const useInvalidateAdmin = () => {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: adminKeys.all });
};

export const useUsers = (query: UserListQuery) =>
  useQuery({
    queryKey: adminKeys.users(query),
    queryFn: ({ signal }) => api.get<Page<AdminUser>>("/api/admin/users", query, signal),
    placeholderData: keepPreviousData,
  });

export const useUser = (id: string) =>
  useQuery({
    queryKey: adminKeys.user(id),
    queryFn: ({ signal }) => api.get<AdminUserDetail>(`/api/admin/users/${id}`, undefined, signal),
  });

export function useCreateUser() {
  const invalidate = useInvalidateAdmin();
  return useMutation({
    mutationFn: (input: UserInput) => api.post<AdminUserDetail>("/api/admin/users", input),
    onSuccess: invalidate,
  });
}

export function useUpdateUser(id: string) {
  const invalidate = useInvalidateAdmin();
  return useMutation({
    mutationFn: (patch: { displayName?: string; disabled?: boolean; personId?: string | null }) =>
      api.patch<AdminUserDetail>(`/api/admin/users/${id}`, patch),
    onSuccess: invalidate,
  });
}

export function useResetPassword(id: string) {
  const invalidate = useInvalidateAdmin();
  return useMutation({
    mutationFn: (temporaryPassword: string) =>
      api.post<AdminUserDetail>(`/api/admin/users/${id}/password`, { temporaryPassword }),
    onSuccess: invalidate,
  });
}

export function useRevokeSessions(id: string) {
  const invalidate = useInvalidateAdmin();
  return useMutation({
    mutationFn: () => api.post<{ revoked: number }>(`/api/admin/users/${id}/revoke-sessions`, {}),
    onSuccess: invalidate,
  });
}

export function useGrantRole(id: string) {
  const invalidate = useInvalidateAdmin();
  return useMutation({
    mutationFn: (grant: GrantInput) => api.post<AdminUserDetail>(`/api/admin/users/${id}/roles`, grant),
    onSuccess: invalidate,
  });
}

export function useRevokeRole(id: string) {
  const invalidate = useInvalidateAdmin();
  return useMutation({
    mutationFn: (grantId: string) => api.delete<AdminUserDetail>(`/api/admin/users/${id}/roles/${grantId}`),
    onSuccess: invalidate,
  });
}
