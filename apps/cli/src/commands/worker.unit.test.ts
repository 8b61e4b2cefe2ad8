/**
 * `carebus worker`: flag errors exit 2 with a line naming the flag, before any connection; a
 * database that refuses the connection exits 1 with one line, the password hidden. The real
 * run is in worker.integration.test.ts.
 */
import { describe, expect, it, vi } from "vitest";
import { run } from "./worker.js";

async function quietly(args: string[]): Promise<{ code: number; stderr: string }> {
  const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
  try {
    const code = await run(args);
    return { code, stderr: stderr.mock.calls.map((c) => String(c[0])).join("") };
  } finally {
    stderr.mockRestore();
  }
}

describe("flag errors", () => {
  it.each([
    [[], "--database"],
    [["--database", "http://db/carebus"], "--database"],
    [["--database", "postgresql://db/carebus", "--concurrency", "0"], "--concurrency"],
    [["--database", "postgresql://db/carebus", "--concurrency", "two"], "--concurrency"],
    [["--colour"], "colour"],
  ])("exits 2 for %j naming the flag", async (args, flag) => {
    const { code, stderr } = await quietly(args);
    expect(code).toBe(2);
    expect(stderr.split("\n")[0]).toContain(flag);
  });
});

describe("database problems", () => {
  it("exits 1 with one line when the database cannot be reached, without the password", async () => {
    const { code, stderr } = await quietly(["--database", "postgresql://carebus:s3cret@127.0.0.1:1/carebus"]);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^carebus worker: cannot use the database postgresql:\/\/carebus:\*\*\*@127\.0\.0\.1:1\/carebus/,
    );
    expect(stderr).not.toContain("s3cret");
  });
});
