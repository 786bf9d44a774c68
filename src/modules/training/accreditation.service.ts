/**
 * Accreditation's rules, one file per area; routes and the seed take them from here: the applications and their
 * dossier, the steps to the decision (with the visit) and the reminders, what the dossier holds.
 */
export * from "./accreditation-applications.service.js";
export * from "./accreditation-dossier.service.js";
export * from "./accreditation-steps.service.js";
