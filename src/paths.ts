import { fileURLToPath } from "node:url";
import path from "node:path";

/** Absolute folders of the project, so the build works from any working directory and on any input folder. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const layoutsDir = path.join(projectRoot, "layouts");
export const stylesDir = path.join(projectRoot, "styles");
export const dataDir = path.join(projectRoot, "src", "data");
export const defaultGuidesDir = path.join(projectRoot, "guides");
