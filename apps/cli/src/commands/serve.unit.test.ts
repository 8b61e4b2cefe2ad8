/**
 * `carebus serve`: flag errors exit 2 with a line naming the flag. The real run is in
 * serve.integration.test.ts.
 */
import { describe, expect, it, vi } from "vitest";
import { run } from "./serve.js";

describe("flag errors", () => {
  it.each([
    [["--port", "http"], "--port"],
    [["--plan-seconds", "0"], "--plan-seconds"],
    [["--scenario", "/no/such/scenario.json"], "--scenario"],
    [["--colour"], "colour"],
    [["--log-level", "loud"], "--log-level"],
    [["--database", "mysql://db/carebus"], "--database"],
  ])("exits 2 for %j naming the flag", async (args, flag) => {
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      expect(await run(args)).toBe(2);
      expect(String(stderr.mock.calls[0]?.[0])).toContain(flag);
    } finally {
      stderr.mockRestore();
    }
  });
});
