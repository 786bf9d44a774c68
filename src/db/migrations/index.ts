/**
 * The ordered list of migrations. Each name is a `.sql` file beside this one. Append only: a migration that has
 * landed is never edited; a change is a new file.
 */
export const migrationNames: readonly string[] = [
  "0001_foundation",
  "0002_identity",
  "0003_catalogue",
  "0004_programmes",
  "0005_training",
  "0006_readiness",
  "0007_operations",
  "0008_meetings",
  "0009_identity_extras",
  "0010_performance",
  "0011_report_index",
  "0012_catalogue_generation",
  "0013_nomination_seat_function",
  "0014_nomination_shared_lock",
  "0015_catalogue_generation_at_commit",
  "0016_activity_search_facts",
  "0017_activity_search_facts_bulk",
  "0018_plpgsql_nomination_helpers",
  "0019_accreditation_independent_reviewer",
  "0020_demo_sources",
  "0021_action_item_deadline",
  "0022_notifications",
  "0023_login_backoff",
  "0024_import_mappings",
  "0025_nation_iso_codes",
  "0026_transparency_log",
  "0027_answer_evidence",
  "0028_transparency_head_period",
];
