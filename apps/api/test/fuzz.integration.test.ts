/**
 * Issue 17: a bounded, seeded fuzzer over every route. 10,000 requests through the full
 * Fastify stack (inject: routing, parsing, hooks, handlers, serialisation) with random
 * methods, ids (encodings, traversal, unicode, long), query strings, headers (tokens, Host,
 * content types, validators) and bodies (random JSON, deep nesting, broken text, near-valid
 * scenarios and plan requests); then 400 raw requests over a real loopback socket with
 * mangled request lines and headers. Every answer must be below 500, every error must have the
 * documented shape, and no answer may carry a stack trace, a server path, SQL text or the
 * token. The route list comes from the app's own OpenAPI document, so new routes are fuzzed too.
 */
import { rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  AUTH,
  TOKEN,
  WEEK,
  createTestApp,
  storeTinyWithPlan,
  tinyScenario,
  makeWebRoot,
  type TestApp,
} from "./helpers.js";

const INJECTED = 10_000;
const RAW = 400;
const SEED = 17;

let t: TestApp;
let web: string;
let base: string;
const HIDDEN_ROUTES = ["GET /", "GET /community", "GET /assets/{file}", "GET /openapi.json", "GET /docs/{file}"];
let routes: string[] = [];

beforeAll(async () => {
  web = makeWebRoot();
  // Jobs the fuzzer manages to start are capped at one second, one at a time.
  t = await createTestApp({ webRoot: web, config: { maxSolveSeconds: 1, solveConcurrency: 1 } });
  await storeTinyWithPlan(t, WEEK, "plan-1");
  expect((await t.app.inject({ method: "POST", url: "/api/v1/plans/plan-1/publish", headers: AUTH })).statusCode).toBe(
    201,
  );
  const doc = (await t.app.inject("/openapi.json")).json() as { paths: Record<string, Record<string, unknown>> };
  routes = [
    ...Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    ),
    ...HIDDEN_ROUTES,
  ];
  base = await t.app.listen({ host: "127.0.0.1", port: 0 });
  serverPaths = [t.dir, web, process.cwd(), tmpdir(), "node_modules", "/home/", "/root/"];
}, 60_000);
afterAll(async () => {
  await t.close();
  rmSync(web, { recursive: true, force: true });
});

/** Server paths that must never reach a client (listed once: tmpdir() reads the environment). */
let serverPaths: string[] = [];

/** Text that must never reach a client. */
function leaks(text: string): string[] {
  const found: string[] = [];
  if (/\n\s+at .+:\d+:\d+/.test(text) || /\bat (async )?\S+ \(.*:\d+:\d+\)/.test(text)) found.push("stack trace");
  for (const path of serverPaths) if (text.includes(path)) found.push(`path ${path}`);
  if (/\b(SELECT|INSERT INTO|UPDATE \w+ SET|sqlite)/i.test(text)) found.push("SQL");
  if (text.includes(TOKEN)) found.push("token");
  return found;
}

const KNOWN_IDS = ["api-tiny", "plan-1", "s-usme", "s-bosa", "s-tunal", "b1", "Usme", "2026-07-06"];
const NASTY = [
  "..",
  "../../etc/passwd",
  "%2e%2e%2f%2e%2e%2f",
  "%00",
  "%",
  "%zz",
  "%75-kennedy",
  "a/b",
  "🚌",
  "ñandú",
  "<script>alert(1)</script>",
  "'; DROP TABLE plans; --",
  "constructor",
  "__proto__",
  "x".repeat(400),
  " ",
  "null",
  "-1",
  "1e999",
];

/** how many code points are surrogate halves (U+D800–U+DFFF), which no well-formed string holds alone */
const SURROGATES = 0x800;
const arbSegment = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...KNOWN_IDS) },
  { weight: 2, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
  // any code point but the surrogate halves, as fast-check's unit "binary" (which spent 0.7 s
  // building a reverse table of every code point before the first run)
  {
    weight: 1,
    arbitrary: fc
      .array(fc.integer({ min: 0, max: 0x10ffff - SURROGATES }), { maxLength: 20 })
      .map((points) => String.fromCodePoint(...points.map((p) => (p < 0xd800 ? p : p + SURROGATES)))),
  },
);

/** A path segment, usually encoded, sometimes raw or percent-encoded letter by letter. */
const arbEncoded = fc
  .tuple(arbSegment, fc.constantFrom("encode", "encode", "raw", "percent"))
  .map(([segment, how]) =>
    how === "encode"
      ? encodeURIComponent(segment)
      : how === "percent"
        ? [...Buffer.from(segment)].map((b) => `%${b.toString(16).padStart(2, "0")}`).join("")
        : segment.replace(/[?#\s]/g, ""),
  );

const arbQuery = fc
  .dictionary(
    fc.constantFrom("scenarioId", "lang", "near", "q", "limit", "from", "x", "__proto__", "scenarioId[]"),
    fc.oneof(arbSegment, fc.constantFrom("es", "en", "4.5,-74.1", "5", "2026-07-01", "999999999999")),
    { maxKeys: 4 },
  )
  .map((query) =>
    Object.entries(query)
      .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
      .join("&"),
  );

const deep = (n: number) => `${"[".repeat(n)}${"]".repeat(n)}`;
const arbBody = fc.oneof(
  { weight: 2, arbitrary: fc.constant(undefined) },
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 1, arbitrary: fc.integer({ min: 50, max: 5000 }).map(deep) },
  {
    weight: 2,
    arbitrary: fc
      .record({ scenarioId: fc.oneof(fc.constant("api-tiny"), arbSegment), options: fc.jsonValue({ maxDepth: 2 }) })
      .map((b) => JSON.stringify(b)),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({ key: fc.constantFrom(...Object.keys(tinyScenario)), value: fc.jsonValue({ maxDepth: 3 }) })
      .map(({ key, value }) => JSON.stringify({ ...tinyScenario, id: "fuzzed", [key]: value })),
  },
);

const arbHeaders = fc.record(
  {
    authorization: fc.oneof(
      fc.constant(AUTH.authorization),
      fc.constant("Bearer wrong-token-0123456789"),
      fc.string({ maxLength: 40 }),
    ),
    "content-type": fc.constantFrom(
      "application/json",
      "application/json; charset=utf-8",
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/json; charset=latin1",
      "",
    ),
    host: fc.oneof(fc.constantFrom("evil.example", "localhost:1", "[::1]", "a".repeat(300)), fc.domain()),
    "if-none-match": fc.oneof(fc.constant("*"), fc.string({ maxLength: 40 })),
    "if-modified-since": fc.oneof(
      fc.date().map((d) => d.toUTCString()),
      fc.string({ maxLength: 30 }),
    ),
    "x-forwarded-for": fc.ipV4(),
    "accept-language": fc.string({ maxLength: 20 }),
  },
  { requiredKeys: [] },
);

const METHODS = ["GET", "POST", "DELETE", "PUT", "PATCH", "HEAD", "OPTIONS"] as const;

/** A request aimed at one route template, its parameters filled with fuzzed segments. */
const arbRequest = () =>
  fc
    .record({
      route: fc.constantFrom(...routes),
      otherMethod: fc.option(fc.constantFrom(...METHODS), { freq: 8 }),
      params: fc.array(arbEncoded, { minLength: 4, maxLength: 4 }),
      extension: fc.constantFrom(".ics", ".ics", "", ".ICS", ".ics.ics"),
      query: fc.option(arbQuery, { freq: 2 }),
      headers: arbHeaders,
      body: arbBody,
    })
    .map(({ route, otherMethod, params, extension, query, headers, body }) => {
      const [method, template] = route.split(" ") as [string, string];
      let i = 0;
      let url = template.replace(/\{(\w+)\}/g, (_m, name: string) => {
        const value = params[i++ % params.length]!;
        return name === "file" && template.startsWith("/calendars/") ? `${value}${extension}` : value;
      });
      if (query) url += `?${query}`;
      return { route, method: otherMethod ?? method, url, headers, body };
    });

it(`answers ${INJECTED} fuzzed requests over every route below 500, in the error shape, leaking nothing`, async () => {
  const perRoute = new Map<string, number>();
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(arbRequest(), async (request) => {
      const res = await t.app.inject({
        method: request.method as "GET",
        url: request.url,
        headers: Object.fromEntries(Object.entries(request.headers).filter(([, v]) => v !== "")),
        ...(request.body !== undefined && request.method !== "GET" && request.method !== "HEAD"
          ? { payload: request.body }
          : {}),
      });
      perRoute.set(request.route, (perRoute.get(request.route) ?? 0) + 1);
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      expect(res.statusCode, `${request.method} ${request.url}`).toBeLessThan(500);
      expect(leaks(res.body + JSON.stringify(res.headers)), `${request.method} ${request.url}`).toEqual([]);
      if (res.statusCode >= 400 && request.method !== "HEAD") {
        expect(res.json(), `${request.method} ${request.url}`).toMatchObject({
          statusCode: res.statusCode,
          code: expect.stringMatching(/^(CAREBUS|FST)_[A-Z_]+$/),
          error: expect.any(String),
          message: expect.any(String),
        });
      }
    }),
    { seed: SEED, numRuns: INJECTED },
  );
  expect([...perRoute.values()].reduce((a, b) => a + b, 0)).toBe(INJECTED);
  // every route had its share (~10,000 / 25)
  for (const route of routes) expect(perRoute.get(route) ?? 0, route).toBeGreaterThanOrEqual(100);
  // the fuzzer reached handlers, not only the schema and token checks
  expect(statuses.get(200) ?? 0).toBeGreaterThan(200);
  expect(statuses.get(404) ?? 0).toBeGreaterThan(200);
}, 120_000);

/** One raw request over a fresh loopback connection; resolves with what came back. */
function rawRequest(text: string): Promise<string> {
  const { port } = new URL(base);
  return new Promise((resolve) => {
    const socket = connect(Number(port), "127.0.0.1");
    let received = "";
    const timer = setTimeout(() => socket.destroy(), 5000);
    socket.on("data", (chunk: Buffer) => {
      received += chunk.toString("latin1");
    });
    socket.on("error", () => undefined);
    socket.on("close", () => {
      clearTimeout(timer);
      resolve(received);
    });
    socket.end(text, "latin1");
  });
}

it(`answers ${RAW} mangled raw HTTP requests over loopback below 500, leaking nothing`, async () => {
  const arbRaw = fc
    .record({
      method: fc.oneof(fc.constantFrom("GET", "POST", "DELETE"), fc.string({ maxLength: 8 })),
      path: fc.oneof(
        fc.constantFrom("/health", "/calendars/stops/s-usme.ics", "/api/v1/scenarios", "/api/v1/plans/plan-1"),
        fc.string({ maxLength: 40 }),
      ),
      version: fc.constantFrom("HTTP/1.1", "HTTP/1.0", "HTTP/2.0", "HTTP/1.1 extra", ""),
      headers: fc.array(
        fc.oneof(
          fc.constantFrom(
            "Host: x",
            "Content-Length: 5",
            "Content-Length: -1",
            "Content-Length: 99999999999",
            "Transfer-Encoding: chunked",
            "Transfer-Encoding: chunked, identity",
            `Authorization: Bearer ${TOKEN}`,
            "Content-Type: application/json",
            "Expect: 100-continue",
          ),
          fc.string({ maxLength: 40 }),
        ),
        { maxLength: 5 },
      ),
      body: fc.string({ maxLength: 60 }),
      separator: fc.constantFrom("\r\n", "\n", "\r"),
    })
    .map(
      ({ method, path, version, headers, body, separator }) =>
        `${method} ${path} ${version}${separator}${headers.join(separator)}${separator}${separator}${body}`,
    );
  const samples = fc.sample(arbRaw, { seed: SEED, numRuns: RAW });
  let answered = 0;
  for (const request of samples) {
    const response = await rawRequest(request);
    if (response === "") continue;
    answered++;
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(response)?.[1]);
    expect(status, JSON.stringify(request)).toBeLessThan(500);
    expect(leaks(response), JSON.stringify(request)).toEqual([]);
    const body = response.slice(response.indexOf("\r\n\r\n") + 4);
    if (status >= 400 && body.startsWith("{"))
      expect(JSON.parse(body).code, JSON.stringify(request)).toMatch(/^(CAREBUS|FST)_/);
  }
  expect(answered).toBeGreaterThan(RAW / 2);
}, 60_000);
