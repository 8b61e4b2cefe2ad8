/**
 * Issue 17, socket-level findings over real loopback sockets: a body dripping one byte at a
 * time is cut by the request timeout; a request without the token stops being read once its
 * 401 is sent; headers arriving slowly are cut by the headers timeout; malformed HTTP and
 * oversized headers get the documented JSON error shape; connections beyond the cap are
 * refused. Every loop is bounded in count (drips) and every wait in time.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig, startServer, type RunningServer } from "../src/index.js";
import { TOKEN } from "./helpers.js";

const REQUEST_TIMEOUT_MS = 1500;
const HEADERS_TIMEOUT_MS = 1000;
const MAX_CONNECTIONS = 12;

let dir: string;
let strict: RunningServer;
let lenient: RunningServer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "carebus-slow-"));
  const base = { port: 0, host: "127.0.0.1", apiToken: TOKEN };
  strict = await startServer(
    loadConfig(
      {
        ...base,
        dataDir: join(dir, "strict"),
        requestTimeoutMs: REQUEST_TIMEOUT_MS,
        headersTimeoutMs: HEADERS_TIMEOUT_MS,
        maxConnections: MAX_CONNECTIONS,
      },
      {},
    ),
    { webRoot: null, logger: false },
  );
  // default (30 s) timeouts: whatever closes a connection here within seconds is not the timeout
  lenient = await startServer(loadConfig({ ...base, dataDir: join(dir, "lenient") }, {}), {
    webRoot: null,
    logger: false,
  });
});
afterAll(async () => {
  await strict.close();
  await lenient.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A raw connection that records what the server sends and when it closes. */
async function open(
  server: RunningServer,
): Promise<{ socket: Socket; received: () => string; closed: Promise<number> }> {
  const { port } = new URL(server.url);
  const socket = connect(Number(port), "127.0.0.1");
  await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
  let text = "";
  socket.on("data", (chunk: Buffer) => (text += chunk.toString()));
  socket.on("error", () => undefined);
  const started = Date.now();
  const closed = new Promise<number>((resolve) => socket.once("close", () => resolve(Date.now() - started)));
  return { socket, received: () => text, closed };
}

/** Writes `chunks` one every `everyMs` until the socket closes; returns how many were sent. */
async function drip(socket: Socket, chunks: string[], everyMs: number): Promise<number> {
  let sent = 0;
  for (const chunk of chunks) {
    if (socket.destroyed || socket.writableEnded) break;
    socket.write(chunk);
    sent++;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return sent;
}

function jsonBodyOf(response: string): Record<string, unknown> {
  return JSON.parse(response.slice(response.indexOf("\r\n\r\n") + 4));
}

describe("slow clients", () => {
  it("cuts a body dripping one byte at a time at the request timeout, with a 408 in the error shape", async () => {
    const { socket, received, closed } = await open(strict);
    socket.write(
      `POST /api/v1/scenarios HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${TOKEN}\r\n` +
        "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n",
    );
    // 60 drips of 250 ms would take 15 s; the 1.5 s request timeout must end it long before
    const sent = await drip(
      socket,
      Array.from({ length: 60 }, () => " "),
      250,
    );
    const elapsed = await closed;
    expect(sent).toBeLessThan(60);
    expect(elapsed).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 100);
    expect(received()).toMatch(/^HTTP\/1\.1 408/);
    expect(jsonBodyOf(received())).toMatchObject({ statusCode: 408, code: "CAREBUS_ERR_REQUEST_TIMEOUT" });
  });

  it("stops reading a body once the 401 is sent, without waiting for a timeout", async () => {
    const { socket, received, closed } = await open(lenient);
    socket.write(
      "POST /api/v1/scenarios HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{",
    );
    const sent = await drip(
      socket,
      Array.from({ length: 40 }, () => " "),
      100,
    );
    await closed;
    expect(received()).toMatch(/^HTTP\/1\.1 401/);
    expect(jsonBodyOf(received())).toMatchObject({ code: "CAREBUS_ERR_UNAUTHORIZED" });
    expect(sent).toBeLessThan(40);
  });

  it("cuts headers arriving a few bytes at a time at the headers timeout", async () => {
    const { socket, received, closed } = await open(strict);
    const sent = await drip(
      socket,
      ["GET /health HTTP/1.1\r\n", ...Array.from({ length: 40 }, (_, i) => `X-Slow-${i}: a\r\n`)],
      200,
    );
    await closed;
    expect(sent).toBeLessThan(41);
    expect(received()).toMatch(/^HTTP\/1\.1 408/);
  });
});

describe("malformed HTTP and caps", () => {
  it.each([
    ["a garbage request line", "NOT HTTP AT ALL\r\n\r\n", 400, "CAREBUS_ERR_MALFORMED_REQUEST"],
    ["a bad header", "GET /health HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n", 400, "CAREBUS_ERR_MALFORMED_REQUEST"],
    [
      "headers over the size limit",
      `GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`,
      431,
      "CAREBUS_ERR_HEADERS_TOO_LARGE",
    ],
  ])("answers %s with the JSON error shape and its own code", async (_what, request, status, code) => {
    const { socket, received, closed } = await open(lenient);
    socket.write(request);
    await closed;
    expect(received()).toMatch(new RegExp(`^HTTP/1\\.1 ${status}`));
    expect(jsonBodyOf(received())).toMatchObject({ statusCode: status, code, error: expect.any(String) });
  });

  it("refuses connections beyond the cap and keeps serving the ones it holds", async () => {
    const held = [];
    for (let i = 0; i < MAX_CONNECTIONS; i++) held.push(await open(strict));
    const extra = await open(strict);
    extra.socket.write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
    await extra.closed;
    expect(extra.received()).toBe("");
    const first = held[0]!;
    first.socket.write("GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    await first.closed;
    expect(first.received()).toMatch(/^HTTP\/1\.1 200/);
    for (const connection of held) connection.socket.destroy();
  });
});
