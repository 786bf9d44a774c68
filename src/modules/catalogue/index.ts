export { activitiesImporter } from "./activities-import.js";
export { allocationsRoutes } from "./allocations.routes.js";
export { seedAllocations } from "./allocations.seed.js";
export { reallocateDue } from "./allocations.service.js";
export { catalogueExports } from "./catalogue.exports.js";
export { runs as runsActivity } from "./catalogue.policy.js";
export { activityVisible } from "./catalogue.queries.js";
export { catalogueRoutes } from "./catalogue.routes.js";
export { ACTIVITY_KINDS } from "./catalogue.schemas.js";
export { seedCatalogue } from "./catalogue.seed.js";
export * as catalogueService from "./catalogue.service.js";
export {
  decide as decideNomination,
  findEventById,
  getEvent,
  nominate,
  recordAttendance,
  recordSessionAttendance,
  revokeCalendarTokensOfUser,
  withdraw as withdrawNomination,
} from "./catalogue.service.js";
export { participationFigures } from "./dashboard.queries.js";
export { feedbackRoutes } from "./feedback.routes.js";
export { seedFeedback } from "./feedback.seed.js";
export { nominationsImporter } from "./nominations-import.js";
export { offersRoutes } from "./offers.routes.js";
export { seedSeatOffer } from "./offers.seed.js";
export { expireDueOffers } from "./offers.service.js";
export { seedActivityProposal } from "./proposals.seed.js";
export { recordRunAttendance } from "./run-attendance.queries.js";
export { searchVisibility } from "./search.queries.js";
export { eventTimelineParts } from "./timeline.queries.js";
