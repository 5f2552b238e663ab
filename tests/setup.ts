// Eleventy import()s a TypeScript config outside Vite's pipeline; tsx lets Node load it.
import { register } from "tsx/esm/api";

// Test files share a worker process (isolate: false), and this runs before each: register tsx once.
const registered = Symbol.for("dspm-guides.tsx-registered");
const state = globalThis as { [registered]?: boolean };
if (!state[registered]) {
  register();
  state[registered] = true;
}
