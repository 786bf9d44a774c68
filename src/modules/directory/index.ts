export { directoryRoutes } from "./directory.routes.js";
export * as directoryService from "./directory.service.js";
export { peopleImporter } from "./people-import.js";
