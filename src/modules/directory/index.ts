export { directoryRoutes } from "./directory.routes.js";
export { PersonQuery } from "./directory.schemas.js";
export * as directoryService from "./directory.service.js";
export { peopleImporter } from "./people-import.js";
export { searchVisibility } from "./search.queries.js";
