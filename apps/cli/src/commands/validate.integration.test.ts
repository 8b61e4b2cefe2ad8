/**
 * `carebus validate` as a real process (the built dist/main.js): exit 0 on a valid file, exit 2
 * with one `path: message` line on a broken one.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const FIXTURE = fileURLToPath(new URL("../../../../packages/model/test/fixtures/valid-small.json", import.meta.url));
const CLI = fileURLToPath(new URL("../../dist/main.js", import.meta.url));
const exec = promisify(execFile);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "carebus-validate-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("carebus validate as a process", () => {
  it("exits 0 on a valid file and 2 on a broken one", async () => {
    const ok = await exec(process.execPath, [CLI, "validate", FIXTURE]);
    expect(ok.stdout).toMatch(/: valid\n/);
    const scenario = JSON.parse(await readFile(FIXTURE, "utf8")) as { buses: Array<{ shift?: unknown }> };
    delete scenario.buses[0]!.shift;
    const file = join(dir, "broken.json");
    await writeFile(file, JSON.stringify(scenario));
    const failed = await exec(process.execPath, [CLI, "validate", file]).then(
      () => null,
      (error: { code: number; stdout: string }) => error,
    );
    expect(failed?.code).toBe(2);
    expect(failed?.stdout).toBe("buses[0].shift: is required\n");
  });
});
