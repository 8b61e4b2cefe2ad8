/**
 * Where the built pages live, so the server can serve them without knowing this package's
 * layout. The folder exists only after `pnpm --filter @carebus/web build` (node build.mjs).
 */
import { fileURLToPath } from "node:url";

/** Absolute path of apps/web/dist (index.html, community.html, assets/). */
export const webRoot = fileURLToPath(new URL("./dist", import.meta.url));
