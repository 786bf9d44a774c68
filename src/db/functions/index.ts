/**
 * The database functions, each the current definition in a `.sql` file beside this one (`CREATE OR REPLACE
 * FUNCTION`, as pg_get_functiondef prints it). `migrate` applies, after the numbered migrations, every file whose
 * checksum differs from the one recorded in schema_function_file, all in one transaction, in this order. A change
 * to a function is an edit of its file, not a new migration (ARCHITECTURE.md, Database functions).
 *
 * Order: the body of a LANGUAGE sql function is checked when it is created, so a file comes after the files of the
 * functions such a body calls (accord_unaccent first). PL/pgSQL bodies are resolved at their first call.
 */
export const functionNames: readonly string[] = [
  "accord_unaccent",
  "accord_accept_offer",
  "accord_accreditation_independent_reviewer",
  "accord_allocation_within_capacity",
  "accord_apply_activity_search",
  "accord_audit_append_only",
  "accord_audit_chain",
  "accord_audit_hash",
  "accord_bump_catalogue_generation",
  "accord_bump_catalogue_generation_once",
  "accord_camel_keys",
  "accord_checklist_version_frozen",
  "accord_facts_from_changed_rows",
  "accord_facts_from_new_activities",
  "accord_facts_from_new_rows",
  "accord_facts_from_old_rows",
  "accord_durable",
  "accord_flush_later",
  "accord_fuzzy_query",
  "accord_text_query",
  "accord_held_seats",
  "accord_mail_outbox_inserted",
  "accord_mail_wake",
  "accord_nation_eligible",
  "accord_nominate",
  "accord_nominate_flush_later",
  "accord_notification_outbox",
  "accord_notify_nomination",
  "accord_notify_nominations",
  "accord_organisation_no_cycle",
  "accord_person_commitments",
  "accord_programme_version_immutable",
  "accord_queue_activity_search",
  "accord_refresh_activity_search_facts",
  "accord_search_query",
  "accord_search_refresh",
  "accord_search_sync",
  "accord_search_vector",
  "accord_seat_offer_follow",
  "accord_seat_refusal",
  "accord_seat_refusal_reason",
  "accord_touch_updated_at",
];
