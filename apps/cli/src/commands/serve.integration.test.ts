/**
 * `carebus serve` as a real process (the built dist/main.js): it stores, plans and publishes the
 * scenario on first start, prints the page, docs and feed URLs and the generated token, serves
 * the printed feed, and exits 0 on SIGTERM; a second start on the same data directory serves what
 * is stored without planning.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const dataDir = mkdtempSync(join(tmpdir(), "carebus-serve-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const tiny = fileURLToPath(new URL("../../../api/test/fixtures/tiny.json", import.meta.url));
const cli = fileURLToPath(new URL("../../dist/main.js", import.meta.url));

function serve(): { output: () => string; ready: Promise<string>; exit: Promise<number | null>; stop: () => void } {
  const child = spawn(
    process.execPath,
    [cli, "serve", "--scenario", tiny, "--data-dir", dataDir, "--port", "0", "--plan-seconds", "1"],
    { env: { ...process.env, CAREBUS_API_TOKEN: "" }, stdio: ["ignore", "pipe", "pipe"] },
  );
  let out = "";
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("Press Ctrl+C")) resolve(out);
    });
    child.stderr.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("exit", () => reject(new Error(`serve exited early:\n${out}`)));
  });
  const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { output: () => out, ready, exit, stop: () => child.kill("SIGTERM") };
}

describe("a real run", () => {
  it("plans and publishes on first start, prints the URLs and token, serves the feed, stops on SIGTERM", async () => {
    const first = serve();
    const out = await first.ready;
    expect(out).toMatch(/planning api-tiny for up to 1 s/);
    expect(out).toMatch(/published plan/);
    expect(out).toMatch(/planner page: +http:\/\/127\.0\.0\.1:\d+\//);
    expect(out).toMatch(/API docs: +http:\/\/127\.0\.0\.1:\d+\/docs/);
    expect(out).toMatch(/write token \(saved in .*api-token\): \S{32}/);
    const feedUrl = /stop calendar: +(\S+)/.exec(out)?.[1];
    expect(feedUrl).toBeDefined();
    const feed = await fetch(feedUrl!);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain("BEGIN:VEVENT");
    // issue 17: the log is on by default, one JSON line per request with its id
    await expect
      .poll(() =>
        first
          .output()
          .split("\n")
          .filter((line) => line.startsWith("{") && line.endsWith("}"))
          .map((line) => JSON.parse(line) as { msg?: string; path?: string; reqId?: string; statusCode?: number })
          .some((l) => l.msg === "request" && l.path?.endsWith(".ics") && l.statusCode === 200 && l.reqId),
      )
      .toBe(true);
    first.stop();
    expect(await first.exit).toBe(0);

    const second = serve();
    const again = await second.ready;
    expect(again).not.toMatch(/planning/);
    expect(again).toMatch(/stop calendar: +http/);
    expect(again).toMatch(/write token: in .*api-token/);
    second.stop();
    expect(await second.exit).toBe(0);
  }, 60_000);
});
