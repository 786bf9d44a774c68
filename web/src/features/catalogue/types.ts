import type { Ref } from "../../shared/api";

export const ACTIVITY_KINDS = [
  "course",
  "training",
  "seminar",
  "conference",
  "workshop",
  "exercise",
  "meeting",
  "expert_consultation",
  "visit",
] as const;
export type NominationStatus =
  | "nominated"
  | "accepted"
  | "waitlisted"
  | "declined"
  | "withdrawn"
  | "cancelled";
export type Decision = "accept" | "waitlist" | "decline" | "cancel";

export interface ActivitySummary {
  id: string;
  code: string;
  titleEn: string;
  titleAz: string | null;
  titleRu: string | null;
  kind: string;
  menuYear: number;
  status: string;
  organiser: Ref;
  hostNation: Ref | null;
  city: string | null;
  online: boolean;
  languages: string[];
  eligibility: string;
  capacity: number | null;
  areas: string[];
  sample: boolean;
  releasability: string;
  firstStartsOn: string | null;
  lastEndsOn: string | null;
  eventCount: number;
  freeSeats: number | null;
}

export interface FacetBucket {
  value: string;
  label: string;
  count: number;
}
export type FacetName = "kind" | "area" | "organiser" | "hostNation" | "language" | "year";

export interface ActivityPage {
  items: ActivitySummary[];
  total: number;
  limit: number;
  offset: number;
  facets?: Record<FacetName, FacetBucket[]>;
}

export interface EventSummary {
  id: string;
  activityId: string;
  title: string | null;
  startsOn: string;
  endsOn: string;
  timeZone: string;
  city: string | null;
  venue: string | null;
  capacity: number | null;
  nationQuota: number | null;
  nominationsCloseOn: string | null;
  status: string;
  cancelReason: string | null;
  acceptance: "manual" | "first_come";
  accepted: number;
  waitlisted: number;
}

export interface ActivityDetail extends ActivitySummary {
  descriptionEn: string | null;
  descriptionAz: string | null;
  descriptionRu: string | null;
  hostInstitution: Ref | null;
  venue: string | null;
  eligibleNations: Ref[];
  nationQuota: number | null;
  prerequisites: { languageLevel?: string; clearanceNote?: string; requiredActivityCodes?: string[] };
  externalRefs: { label: string; value: string; url?: string }[];
  cancelReason: string | null;
  events: EventSummary[];
  canEdit: boolean;
  canNominate: boolean;
}

export interface SeatsByNation {
  nation: Ref;
  accepted: number;
  waitlisted: number;
  nominated: number;
  quota: number | null;
}

export interface EventDetail extends EventSummary {
  activity: ActivitySummary;
  sessions: { id: string; title: string; startsAt: string; endsAt: string }[];
  seats: {
    capacity: number | null;
    nationQuota: number | null;
    accepted: number;
    waitlisted: number;
    nominated: number;
    free: number | null;
    byNation: SeatsByNation[];
  };
  canManage: boolean;
  canNominate: boolean;
}

export interface Nomination {
  id: string;
  eventId: string;
  personId: string;
  nationId: string;
  person: { id: string; givenName: string; familyName: string; rankTitle: string | null };
  nation: Ref;
  event: {
    id: string;
    startsOn: string;
    endsOn: string;
    activityId: string;
    activityCode: string;
    activityTitle: string;
  };
  priority: number;
  status: NominationStatus;
  statusReason: string | null;
  note: string | null;
  attendance: "attended" | "partly" | "absent" | null;
  completed: boolean | null;
  warnings: { code: string; message: string }[];
  decidedAt: string | null;
  createdAt: string;
}

export interface CalendarEntry {
  eventId: string;
  activityId: string;
  code: string;
  title: string;
  titleAz: string | null;
  titleRu: string | null;
  kind: string;
  startsOn: string;
  endsOn: string;
  city: string | null;
  status: string;
  nominationStatus: string | null;
}

export interface CalendarToken {
  id: string;
  scope: string;
  label: string | null;
  createdAt: string;
  revokedAt: string | null;
  token?: string;
  url?: string;
}
