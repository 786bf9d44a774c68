export * as packagesService from "./packages.service.js";
