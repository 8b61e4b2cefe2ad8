import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { addDirections, createTravelProvider, GeoError, haversineKm, type Place } from "@carebus/geo";
import { tinyPlan, tinyScenario } from "./tinyScenario.js";

/**
 * A real HTTP server on 127.0.0.1 that answers in OSRM's v5 response format. Each test sets
 * `handler`; every request is recorded.
 */
let server: Server;
let base = "";
let handler: (req: IncomingMessage, res: ServerResponse, url: URL) => void = () => {};
const requests: URL[] = [];

const json = (res: ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
};

/** Coordinates of an OSRM path: /table/v1/driving/lon,lat;lon,lat */
const coordsOf = (url: URL): Place[] =>
  decodeURIComponent(url.pathname.split("/")[4] ?? "")
    .split(";")
    .map((pair) => {
      const [lon, lat] = pair.split(",").map(Number);
      return { lat: lat!, lon: lon! };
    });

/** A fake but deterministic OSRM table: 100 s and 1.5 km per straight km; lon > 0 unreachable. */
function answerTable(res: ServerResponse, url: URL): void {
  const coords = coordsOf(url);
  const pick = (name: string) => (url.searchParams.get(name) ?? "").split(";").map(Number);
  const sources = pick("sources");
  const destinations = pick("destinations");
  const cell = (f: (km: number) => number) =>
    sources.map((s) =>
      destinations.map((d) =>
        coords[s]!.lon > 0 !== coords[d]!.lon > 0 ? null : f(haversineKm(coords[s]!, coords[d]!)),
      ),
    );
  json(res, 200, { code: "Ok", durations: cell((km) => km * 100), distances: cell((km) => km * 1500) });
}

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    requests.push(url);
    // no keep-alive: a socket left over from an aborted request must not leak into the next test
    res.setHeader("connection", "close");
    handler(req, res, url);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(() => {
  requests.length = 0;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/**
 * Runs `work` on a fake clock (setTimeout and clearTimeout only): the loopback sockets keep
 * moving on the real event loop while the clock steps 10 ms per turn, so the client's retry
 * delays and timeouts pass without the test waiting for them. An answered request takes a few
 * turns, far fewer than the 100 it would take to reach a 1 s timeout.
 */
async function onFakeClock<T>(work: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
  try {
    let outcome: { ok: true; value: T } | { ok: false; error: unknown } | undefined;
    work().then(
      (value) => {
        outcome = { ok: true, value };
      },
      (error: unknown) => {
        outcome = { ok: false, error };
      },
    );
    while (outcome === undefined) {
      await new Promise((resolve) => setImmediate(resolve));
      await vi.advanceTimersByTimeAsync(10);
    }
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  } finally {
    vi.useRealTimers();
  }
}

const places: Place[] = Array.from({ length: 7 }, (_, i) => ({ lat: 4.55 + i * 0.02, lon: -74.15 + (i % 3) * 0.03 }));

describe("OSRM provider", () => {
  it("builds the matrix from chunked /table requests, each within the coordinate limit", async () => {
    handler = (_req, res, url) => answerTable(res, url);
    const provider = createTravelProvider({ provider: "osrm", url: `${base}/`, chunkSize: 4 });
    const m = await provider.matrix(places);
    expect(m.minutes.buffer).toBeInstanceOf(SharedArrayBuffer);
    for (let i = 0; i < places.length; i++) {
      for (let j = 0; j < places.length; j++) {
        const km = i === j ? 0 : haversineKm(places[i]!, places[j]!);
        expect(m.minutes[i * 7 + j]).toBeCloseTo((km * 100) / 60, 9);
        expect(m.km[i * 7 + j]).toBeCloseTo(km * 1.5, 9);
      }
    }
    expect(m.unreachable).toEqual([]);
    // blocks of 2 sources × 2 destinations: ceil(7/2)² = 16 requests, none over 4 coordinates
    expect(requests).toHaveLength(16);
    for (const url of requests) {
      expect(url.pathname.startsWith("/table/v1/driving/")).toBe(true);
      expect(coordsOf(url).length).toBeLessThanOrEqual(4);
      expect(url.searchParams.get("annotations")).toBe("duration,distance");
    }
  });

  it("asks nothing for fewer than two places", async () => {
    handler = (_req, res, url) => answerTable(res, url);
    const m = await createTravelProvider({ provider: "osrm", url: base }).matrix(places.slice(0, 1));
    expect(Array.from(m.minutes)).toEqual([0]);
    expect(requests).toHaveLength(0);
  });

  it("marks null table entries unreachable, with Infinity", async () => {
    handler = (_req, res, url) => answerTable(res, url);
    const provider = createTravelProvider({ provider: "osrm", url: base });
    const m = await provider.matrix([places[0]!, { lat: 0.5, lon: 10 }, places[1]!]);
    expect(m.unreachable).toEqual([
      [0, 1],
      [1, 0],
      [1, 2],
      [2, 1],
    ]);
    expect(m.minutes[1]).toBe(Infinity);
    expect(Number.isFinite(m.minutes[2])).toBe(true);
    expect(requests).toHaveLength(1);
  });

  it("turns NoRoute into CAREBUS_GEO_UNREACHABLE_STOP without retrying", async () => {
    handler = (_req, res) => json(res, 400, { code: "NoRoute", message: "Impossible route between points" });
    const provider = createTravelProvider({ provider: "osrm", url: base, retries: 3 });
    await expect(provider.route(places.slice(0, 2))).rejects.toMatchObject({
      code: "CAREBUS_GEO_UNREACHABLE_STOP",
      message: expect.stringContaining("NoRoute"),
    });
    expect(requests).toHaveLength(1);
  });

  it("retries HTTP 500 and succeeds when the server recovers", async () => {
    let calls = 0;
    handler = (_req, res, url) => (++calls <= 2 ? json(res, 500, { code: "InternalError" }) : answerTable(res, url));
    const provider = createTravelProvider({ provider: "osrm", url: base, retries: 2 });
    const m = await onFakeClock(() => provider.matrix(places.slice(0, 2)));
    expect(m.km[1]).toBeCloseTo(haversineKm(places[0]!, places[1]!) * 1.5, 9);
    expect(requests).toHaveLength(3);
  });

  it("gives up after the retries with CAREBUS_GEO_UNAVAILABLE naming the URL", async () => {
    handler = (_req, res) => {
      res.writeHead(500);
      res.end("oops");
    };
    const provider = createTravelProvider({ provider: "osrm", url: base, retries: 1 });
    const error = await onFakeClock(() => provider.matrix(places.slice(0, 2))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GeoError);
    expect((error as GeoError).code).toBe("CAREBUS_GEO_UNAVAILABLE");
    expect((error as GeoError).message).toContain(`${base}/table/v1/driving/`);
    expect((error as GeoError).message).toContain("HTTP 500");
    expect(requests).toHaveLength(2);
  });

  it("times out a slow answer and retries", async () => {
    let calls = 0;
    handler = (_req, res, url) => {
      // the first request is held unanswered until the client gives up on it
      if (++calls > 1) answerTable(res, url);
    };
    const provider = createTravelProvider({ provider: "osrm", url: base, timeoutMs: 1000, retries: 1 });
    const m = await onFakeClock(() => provider.matrix(places.slice(0, 2)));
    expect(Number.isFinite(m.minutes[1])).toBe(true);
    expect(requests).toHaveLength(2);
  });

  it("reports a server that keeps timing out", async () => {
    handler = () => {}; // never answers
    const provider = createTravelProvider({ provider: "osrm", url: base, timeoutMs: 200, retries: 1 });
    await expect(onFakeClock(() => provider.matrix(places.slice(0, 2)))).rejects.toMatchObject({
      code: "CAREBUS_GEO_UNAVAILABLE",
      message: expect.stringMatching(/no answer within 200 ms/),
    });
    expect(requests).toHaveLength(2);
  });

  it("reports a closed port as unavailable", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const provider = createTravelProvider({ provider: "osrm", url: `http://127.0.0.1:${port}`, retries: 1 });
    await expect(onFakeClock(() => provider.matrix(places.slice(0, 2)))).rejects.toMatchObject({
      code: "CAREBUS_GEO_UNAVAILABLE",
      message: expect.stringMatching(new RegExp(`127\\.0\\.0\\.1:${port}.*cannot connect`)),
    });
  });

  it("rejects a 200 answer that is not JSON or lacks the table", async () => {
    handler = (_req, res) => {
      res.writeHead(200);
      res.end("<html>proxy error</html>");
    };
    const provider = createTravelProvider({ provider: "osrm", url: base, retries: 0 });
    await expect(provider.matrix(places.slice(0, 2))).rejects.toMatchObject({
      code: "CAREBUS_GEO_UNAVAILABLE",
      message: expect.stringContaining("not JSON"),
    });
    handler = (_req, res) => json(res, 200, { code: "Ok", durations: [[0]] });
    await expect(provider.matrix(places.slice(0, 2))).rejects.toMatchObject({
      code: "CAREBUS_GEO_UNAVAILABLE",
      message: expect.stringContaining("2×2"),
    });
  });

  it("passes OSRM's own steps to the instructions in addDirections", async () => {
    const scenario = tinyScenario({ travel: { provider: "osrm", url: base } });
    handler = (_req, res, url) => {
      expect(url.pathname.startsWith("/route/v1/driving/")).toBe(true);
      expect(url.searchParams.get("steps")).toBe("true");
      const coords = coordsOf(url);
      const legs = coords.slice(1).map((to, k) => {
        const from = coords[k]!;
        const mid: [number, number] = [from.lon + 0.001, from.lat];
        return {
          distance: 1000,
          duration: 120,
          steps: [
            {
              distance: 600,
              duration: 70,
              name: "Carrera 68",
              mode: "driving",
              geometry: { type: "LineString", coordinates: [[from.lon, from.lat], mid] },
              maneuver: { type: "depart", bearing_before: 0, bearing_after: 0, location: [from.lon, from.lat] },
            },
            {
              distance: 400,
              duration: 50,
              name: "Calle 26",
              mode: "driving",
              geometry: { type: "LineString", coordinates: [mid, [to.lon, to.lat]] },
              maneuver: { type: "turn", modifier: "left", bearing_before: 0, bearing_after: 270, location: mid },
            },
            {
              distance: 0,
              duration: 0,
              name: "",
              mode: "driving",
              geometry: {
                type: "LineString",
                coordinates: [
                  [to.lon, to.lat],
                  [to.lon, to.lat],
                ],
              },
              maneuver: {
                type: "arrive",
                modifier: "right",
                bearing_before: 270,
                bearing_after: 0,
                location: [to.lon, to.lat],
              },
            },
          ],
        };
      });
      json(res, 200, { code: "Ok", routes: [{ distance: 1000 * legs.length, duration: 120 * legs.length, legs }] });
    };
    const plan = await addDirections(tinyPlan(scenario), scenario, { lang: "es" });
    const route = plan.routes[0]!;
    expect(route.directions!.map((d) => [d.from, d.to])).toEqual([
      ["d1", "s0"],
      ["s0", "s1"],
      ["s1", "d1"],
    ]);
    expect(route.directions![0]!.steps).toEqual([
      { text: "Dirígete al norte por Carrera 68", distanceM: 600, durationS: 70 },
      { text: "Gira a la izquierda por Calle 26", distanceM: 400, durationS: 50 },
      { text: "Has llegado a Parque Cero, a la derecha", distanceM: 0, durationS: 0 },
    ]);
    const geometry = route.geometry as { features: Array<{ geometry: { coordinates: number[][] } }> };
    expect(geometry.features).toHaveLength(3);
    expect(geometry.features[0]!.geometry.coordinates).toHaveLength(3);
    expect(requests).toHaveLength(1);
  });
});
