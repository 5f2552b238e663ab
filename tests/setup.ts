// Eleventy import()s a TypeScript config outside Vite's pipeline; tsx lets Node load it.
import { register } from "tsx/esm/api";

register();
