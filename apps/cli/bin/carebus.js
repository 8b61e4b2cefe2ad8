#!/usr/bin/env node
// The installed `carebus` command (pnpm exec carebus, npx carebus). It exists before the build
// so that `pnpm install` can link it; the command itself is the built dist/main.js.
import("../dist/main.js").catch((error) => {
  if (error?.code === "ERR_MODULE_NOT_FOUND" && String(error.message).includes("dist/main.js")) {
    process.stderr.write("carebus: not built yet; run `pnpm build` first\n");
    process.exitCode = 1;
  } else throw error;
});
