export { feedbackRoutes } from "./feedback.routes.js";
export { seedFeedback } from "./feedback.seed.js";
