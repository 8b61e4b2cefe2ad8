/**
 * Issue 17, unbounded memory: the published-plan cache stored an entry for every scenario id
 * it was asked about, unknown ones included (+17.4 MiB per 50,000 ids). A server process
 * forked with --expose-gc (so its heap is measured after full collections) answers 50,000
 * requests over loopback naming distinct unknown ids, spread over the routes that take one;
 * its heap may grow by less than 2 MiB, and every answer must be a 404 saying the scenario is
 * unknown. The client is this process, so its own allocations do not count.
 */
import { fork, type ChildProcess } from "node:child_process";
import { connect } from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";

const COUNT = 50_000;
const WARM_UP = 5_000;
const CONNECTIONS = 8;
/** requests written ahead of the answers on one connection (HTTP/1.1 pipelining) */
const IN_FLIGHT = 64;
/** the server's maxRequestsPerSocket (config default): it answers 503 and closes past it */
const PER_CONNECTION = 1000;

let child: ChildProcess;
let port: number;

function next<T>(): Promise<T> {
  return new Promise((resolve) => child.once("message", (m) => resolve(m as T)));
}

beforeAll(async () => {
  child = fork(fileURLToPath(new URL("./fixtures/heapServer.mjs", import.meta.url)), [], {
    execArgv: ["--expose-gc"],
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  const base = await new Promise<string>((resolve, reject) => {
    child.once("message", (m) => resolve((m as { url: string }).url));
    child.once("exit", (code) => reject(new Error(`heap server exited early (${code})`)));
  });
  port = Number(new URL(base).port);
}, 60_000);
afterAll(() => {
  child.send("stop");
});

const ROUTES = [
  (id: string) => `/calendars/stops/s-usme.ics?scenarioId=${id}`,
  (id: string) => `/api/v1/stops?q=usme&scenarioId=${id}`,
  (id: string) => `/api/v1/stops/s-usme?scenarioId=${id}`,
  (id: string) => `/api/v1/scenarios/${id}/published`,
];

/**
 * GETs `paths` over one connection, pipelined, and calls `onAnswer` with "<status> <body's
 * code>" for each response in order. Pipelining lets both sides batch their writes: node:http's
 * keep-alive agent spent 4.2 CPU s of this test's client and 4.2 of its server on 55,000
 * requests, undici's pipelined pool 3.4 of the client; this 0.6 and 2.4.
 */
function pipelined(paths: string[], onAnswer: (answer: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let buffered: Buffer = Buffer.alloc(0);
    let sent = 0;
    let answered = 0;
    const sendMore = () => {
      let text = "";
      for (const end = Math.min(paths.length, answered + IN_FLIGHT); sent < end; sent++)
        text += `GET ${paths[sent]} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`;
      if (text) socket.write(text);
    };
    socket.on("connect", sendMore);
    socket.on("error", reject);
    socket.on("close", () => {
      if (answered < paths.length) reject(new Error(`connection closed after ${answered} of ${paths.length} answers`));
    });
    socket.on("data", (chunk: Buffer) => {
      buffered = buffered.length > 0 ? Buffer.concat([buffered, chunk]) : chunk;
      for (;;) {
        const headEnd = buffered.indexOf("\r\n\r\n");
        if (headEnd < 0) break;
        const head = buffered.toString("latin1", 0, headEnd);
        const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? Number.NaN);
        if (Number.isNaN(length)) {
          socket.destroy();
          reject(new Error(`answer without a length: ${head}`));
          return;
        }
        const bodyEnd = headEnd + 4 + length;
        if (buffered.length < bodyEnd) break;
        const body = JSON.parse(buffered.toString("utf8", headEnd + 4, bodyEnd)) as { code?: string };
        onAnswer(`${head.slice("HTTP/1.1 ".length, "HTTP/1.1 ".length + 3)} ${body.code}`);
        buffered = buffered.subarray(bodyEnd);
        answered++;
      }
      if (answered === paths.length) {
        socket.end();
        resolve();
      } else if (sent - answered <= IN_FLIGHT / 2) sendMore();
    });
  });
}

/** `n` requests with distinct ids over CONNECTIONS connections at once; returns the answers counted. */
async function flood(prefix: string, n: number): Promise<Record<string, number>> {
  const answers: Record<string, number> = {};
  const count = (answer: string) => {
    answers[answer] = (answers[answer] ?? 0) + 1;
  };
  const paths = Array.from({ length: n }, (_, k) => ROUTES[k % ROUTES.length]!(`${prefix}-${k}`));
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async (_, c) => {
      const mine = paths.filter((_, k) => k % CONNECTIONS === c);
      for (let i = 0; i < mine.length; i += PER_CONNECTION) await pipelined(mine.slice(i, i + PER_CONNECTION), count);
    }),
  );
  return answers;
}

async function heap(): Promise<number> {
  child.send("heap");
  return (await next<{ heap: number }>()).heap;
}

it(`keeps the server's heap within 2 MiB over ${COUNT} unknown scenario ids`, async () => {
  // warm-up: JIT, Fastify's lazily compiled serialisers, SQLite statement caches, sockets
  await flood("warm", WARM_UP);
  const before = await heap();
  const answers = await flood("unknown", COUNT);
  const after = await heap();
  expect(answers).toEqual({ "404 CAREBUS_ERR_SCENARIO_NOT_FOUND": COUNT });
  expect(after - before).toBeLessThan(2 * 1024 * 1024);
}, 180_000);
