/**
 * Plan routes: start a solve job, follow it (polling or Server-Sent Events), cancel it, draw
 * it (GeoJSON), give a bus-day's directions, and publish it. A job's status comes from the
 * queue while this process runs it and from the store otherwise (where workers of a shared
 * PostgreSQL database also record progress).
 */
import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { addDirections, planToGeoJson } from "@carebus/geo";
import { planToCsv, planToPdf, planToXlsx } from "@carebus/export";
import {
  ChangeExcludeSchema,
  ChangePinSchema,
  ChangeSetError,
  changeSetIssues,
  diffPlans,
  isIsoDate,
  type ChangeSet,
} from "@carebus/model";
import type { AppContext } from "../context.js";
import { badRequest, conflict, notFound } from "../errors.js";
import { isTerminal, type JobEvent } from "../jobs/solveJobs.js";
import { bearerSecurity, errors, idParams, openObject, planStatusSchema, progressSchema } from "../schemas.js";
import { checkScenarioLimits } from "../scenarioLimits.js";
import type { PlanOptions, PlanProgress, PlanRecord } from "../store/store.js";

/** A TypeBox schema without its symbol keys, as Fastify's validator and the docs read it. */
function plainSchema(schema: object): Record<string, unknown> {
  return JSON.parse(JSON.stringify(schema)) as Record<string, unknown>;
}

interface PlanBody {
  scenarioId: string;
  options?: PlanOptions;
  basePlanId?: string;
  pins?: ChangeSet["pins"];
  exclude?: ChangeSet["exclude"];
}

const planBody = {
  type: "object",
  properties: {
    scenarioId: { type: "string", minLength: 1, maxLength: 200 },
    options: {
      type: "object",
      properties: {
        timeLimitSeconds: {
          type: "number",
          exclusiveMinimum: 0,
          maximum: 86400,
          description: "capped by the server's maximum",
        },
        iterationLimit: { type: "integer", minimum: 0, maximum: 1e9 },
        seed: { type: "integer", minimum: 0, maximum: 4294967295 },
      },
      additionalProperties: false,
    },
    basePlanId: {
      type: "string",
      minLength: 1,
      maxLength: 200,
      description: "re-plan from this done plan of the scenario: what the changes do not touch stays where it is",
    },
    pins: {
      type: "array",
      maxItems: 10000,
      items: plainSchema(ChangePinSchema),
      description: "visits to keep: a stop on a date (or every service date of a weekday), by a bus if given",
    },
    exclude: plainSchema(ChangeExcludeSchema),
  },
  required: ["scenarioId"],
  additionalProperties: false,
} as const;

const planView = {
  type: "object",
  properties: {
    id: { type: "string" },
    scenarioId: { type: "string" },
    status: planStatusSchema,
    progress: progressSchema,
    number: { type: "integer", description: "the plan's number within its scenario, in the order plans were started" },
    createdAt: { type: "string", description: "when the plan was started (ISO instant)" },
    finishedAt: { type: ["string", "null"], description: "when it ended (ISO instant)" },
    error: { type: "string" },
    plan: openObject,
  },
  required: ["id", "scenarioId", "status", "progress"],
} as const;

const publicationView = {
  type: "object",
  properties: {
    publicationId: { type: "string" },
    planId: { type: "string" },
    scenarioId: { type: "string" },
    publishedAt: { type: "string" },
  },
  required: ["publicationId", "planId", "scenarioId", "publishedAt"],
} as const;

interface PlanView {
  id: string;
  scenarioId: string;
  status: PlanRecord["status"];
  progress: PlanProgress | null;
  number?: number;
  createdAt: string;
  finishedAt: string | null;
  error?: string;
  plan?: unknown;
}

export function planRoutes(app: FastifyInstance, ctx: AppContext): void {
  // Streams of jobs run elsewhere (PostgreSQL workers) outlive this process: end them when it
  // closes, and their clients reconnect to another API process.
  const openStreams = new Set<() => void>();
  app.addHook("preClose", async () => {
    for (const end of openStreams) end();
  });

  async function loadPlan(id: string): Promise<PlanRecord> {
    const record = await ctx.store.getPlan(id);
    if (!record) throw notFound("plan", id);
    return record;
  }

  async function donePlan(id: string) {
    const record = await loadPlan(id);
    if (record.status !== "done" || !record.plan)
      throw conflict("CAREBUS_ERR_PLAN_NOT_DONE", `plan ${JSON.stringify(id)} is ${record.status}, not done`);
    const scenario = await ctx.store.getScenario(record.scenarioId);
    if (!scenario) throw notFound("scenario", record.scenarioId);
    return { record, plan: record.plan, scenario };
  }

  function view(record: PlanRecord, number?: number): PlanView {
    const live = ctx.jobs.state(record.id);
    // A finished plan in the store is final, whatever a live state not yet updated says.
    const status = isTerminal(record.status) ? record.status : (live?.status ?? record.status);
    const stats = record.plan?.stats;
    const progress =
      live?.progress ??
      record.progress ??
      (stats
        ? { value: stats.value, bound: stats.bound, elapsedMs: stats.elapsedMs, iterations: stats.iterations }
        : null);
    return {
      id: record.id,
      scenarioId: record.scenarioId,
      status,
      progress,
      ...(number !== undefined ? { number } : {}),
      createdAt: record.createdAt,
      finishedAt: record.finishedAt,
      ...(record.error ? { error: record.error } : {}),
      ...(record.plan && (status === "done" || status === "cancelled") ? { plan: record.plan } : {}),
    };
  }

  app.post<{ Body: PlanBody }>(
    "/api/v1/plans",
    {
      ...ctx.writeRoute,
      schema: {
        summary:
          "Start planning a scenario (a solve job), optionally from a base plan with pins and exclusions; every bad item is named by its path",
        tags: ["plans"],
        security: bearerSecurity,
        body: planBody,
        response: {
          202: {
            type: "object",
            properties: { id: { type: "string" }, status: planStatusSchema },
            required: ["id", "status"],
          },
          ...errors(400, 401, 404, 413, 429),
        },
      },
    },
    async (request, reply) => {
      const { scenarioId, basePlanId, pins, exclude } = request.body;
      const scenario = await ctx.store.getScenario(scenarioId);
      if (!scenario) throw notFound("scenario", scenarioId);
      checkScenarioLimits(scenario.scenario, ctx.config);
      const changes: ChangeSet = { ...(pins ? { pins } : {}), ...(exclude ? { exclude } : {}) };
      const issues = changeSetIssues(changes, scenario.scenario, "body");
      if (basePlanId !== undefined) {
        const base = await ctx.store.getPlan(basePlanId);
        const problem = !base
          ? `plan ${JSON.stringify(basePlanId)} not found`
          : base.scenarioId !== scenarioId
            ? `plan ${JSON.stringify(basePlanId)} belongs to scenario ${JSON.stringify(base.scenarioId)}`
            : base.status !== "done" || !base.plan
              ? `plan ${JSON.stringify(basePlanId)} is ${base.status}, not done`
              : null;
        if (problem) issues.unshift({ path: "body.basePlanId", message: problem });
      }
      if (issues.length > 0) throw new ChangeSetError(issues);
      const options: PlanOptions = {
        ...request.body.options,
        ...(basePlanId !== undefined ? { basePlanId } : {}),
        ...(pins || exclude ? { changes } : {}),
      };
      const id = randomUUID();
      await ctx.store.insertPlan({
        id,
        scenarioId,
        scenarioHash: scenario.hash,
        options,
        status: "queued",
        error: null,
        plan: null,
        createdAt: new Date().toISOString(),
        finishedAt: null,
      });
      await ctx.jobs.submit(id, scenario, options);
      return reply.code(202).send({ id, status: ctx.jobs.state(id)?.status ?? "queued" });
    },
  );

  app.get<{ Querystring: { scenarioId: string } }>(
    "/api/v1/plans",
    {
      schema: {
        summary: "The plan jobs of a scenario, newest first (without their plans), to choose two to compare",
        tags: ["plans"],
        querystring: {
          type: "object",
          properties: { scenarioId: { type: "string", minLength: 1, maxLength: 200 } },
          required: ["scenarioId"],
          additionalProperties: false,
        },
        response: {
          200: {
            type: "object",
            properties: {
              scenarioId: { type: "string" },
              plans: {
                type: "array",
                items: {
                  type: "object",
                  properties: {
                    id: { type: "string" },
                    status: planStatusSchema,
                    createdAt: { type: "string" },
                    finishedAt: { type: ["string", "null"] },
                    value: { type: ["number", "null"] },
                    visits: { type: ["integer", "null"] },
                    basePlanId: { type: ["string", "null"] },
                  },
                  required: ["id", "status", "createdAt", "finishedAt", "value", "visits", "basePlanId"],
                },
              },
            },
            required: ["scenarioId", "plans"],
          },
          ...errors(400, 404),
        },
      },
    },
    async (request) => {
      const { scenarioId } = request.query;
      if (!(await ctx.store.getScenario(scenarioId))) throw notFound("scenario", scenarioId);
      return { scenarioId, plans: await ctx.store.listPlans(scenarioId) };
    },
  );

  app.get<{ Params: { id: string } }>(
    "/api/v1/plans/:id",
    {
      schema: {
        summary: "A plan job: status, progress and, when done, the plan",
        tags: ["plans"],
        params: idParams,
        response: { 200: planView, ...errors(404) },
      },
    },
    async (request) => view(await loadPlan(request.params.id), await ctx.store.planNumber(request.params.id)),
  );

  app.get<{ Params: { id: string } }>(
    "/api/v1/plans/:id/events",
    {
      schema: {
        summary:
          "Server-Sent Events of a plan job: `progress` and `status` events with JSON data; ends after done, failed or cancelled",
        tags: ["plans"],
        params: idParams,
        produces: ["text/event-stream"],
        response: { 200: { type: "string", description: "text/event-stream" }, ...errors(404) },
      },
    },
    async (request, reply) => {
      const id = (await loadPlan(request.params.id)).id;
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache",
        connection: "keep-alive",
        "x-accel-buffering": "no",
      });
      const send = (event: JobEvent) => {
        const data =
          event.type === "progress"
            ? event.progress
            : { status: event.status, ...(event.error ? { error: event.error } : {}) };
        res.write(`event: ${event.type}\ndata: ${JSON.stringify(data)}\n\n`);
      };
      const keepAlive = setInterval(() => res.write(": keep-alive\n\n"), 15_000);
      let ended = false;
      const end = () => {
        if (ended) return;
        ended = true;
        openStreams.delete(end);
        clearInterval(keepAlive);
        unsubscribe();
        res.end();
      };
      openStreams.add(end);
      // Follow first, then read the current state, so an event in between is not lost
      // (with workers in other processes the job may finish at any moment).
      let early: JobEvent[] | null = [];
      const forward = (event: JobEvent) => {
        send(event);
        if (event.type === "status" && isTerminal(event.status)) end();
      };
      const unsubscribe = ctx.jobs.subscribe(id, (event) => (early ? early.push(event) : forward(event)));
      res.on("close", end);
      let current: PlanView;
      try {
        current = view(await loadPlan(id));
      } catch (error) {
        end();
        throw error;
      }
      if (current.progress) send({ type: "progress", progress: current.progress });
      send(
        current.error
          ? { type: "status", status: current.status, error: current.error }
          : { type: "status", status: current.status },
      );
      if (isTerminal(current.status) || !ctx.jobs.willReport(id)) {
        end();
        return;
      }
      const missed = early;
      early = null;
      for (const event of missed) if (!ended) forward(event);
    },
  );

  app.delete<{ Params: { id: string } }>(
    "/api/v1/plans/:id",
    {
      ...ctx.writeRoute,
      schema: {
        summary: "Cancel a plan job (a running solve stops at its next check and keeps its best plan)",
        tags: ["plans"],
        security: bearerSecurity,
        params: idParams,
        response: {
          202: {
            type: "object",
            properties: { id: { type: "string" }, status: planStatusSchema },
            required: ["id", "status"],
          },
          ...errors(401, 404, 409, 429),
        },
      },
    },
    async (request, reply) => {
      const record = await loadPlan(request.params.id);
      const status = await ctx.jobs.cancel(record.id);
      if (status === null) {
        const now = view((await ctx.store.getPlan(record.id)) ?? record).status;
        throw conflict(
          "CAREBUS_ERR_JOB_FINISHED",
          `plan ${JSON.stringify(record.id)} is ${now}; only queued or running jobs can be cancelled`,
        );
      }
      return reply.code(202).send({ id: record.id, status });
    },
  );

  app.get<{ Params: { id: string } }>(
    "/api/v1/plans/:id/geojson",
    {
      schema: {
        summary: "A done plan as a GeoJSON FeatureCollection (stops, routes, demand)",
        tags: ["plans"],
        params: idParams,
        response: { 200: openObject, ...errors(404, 409) },
      },
    },
    async (request, reply) => {
      const { plan, scenario } = await donePlan(request.params.id);
      return reply.type("application/geo+json; charset=utf-8").send(planToGeoJson(plan, scenario.scenario));
    },
  );

  app.get<{ Params: { id: string; busId: string; date: string }; Querystring: { lang?: "es" | "en" } }>(
    "/api/v1/plans/:id/directions/:busId/:date",
    {
      schema: {
        summary: "Turn-by-turn directions of one bus-day of a done plan",
        tags: ["plans"],
        params: {
          type: "object",
          properties: {
            id: { type: "string", minLength: 1 },
            busId: { type: "string", minLength: 1 },
            date: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" },
          },
          required: ["id", "busId", "date"],
        },
        querystring: {
          type: "object",
          properties: { lang: { type: "string", enum: ["es", "en"], default: "es" } },
          additionalProperties: false,
        },
        response: {
          200: {
            type: "object",
            properties: {
              planId: { type: "string" },
              busId: { type: "string" },
              date: { type: "string" },
              lang: { type: "string" },
              route: openObject,
            },
            required: ["planId", "busId", "date", "lang", "route"],
          },
          ...errors(400, 404, 409, 503),
        },
      },
    },
    async (request) => {
      const { id, busId, date } = request.params;
      if (!isIsoDate(date))
        throw badRequest("params.date", `must be a real calendar date YYYY-MM-DD, got ${JSON.stringify(date)}`);
      const lang = request.query.lang ?? "es";
      const { plan, scenario } = await donePlan(id);
      const route = plan.routes.find((r) => r.busId === busId && r.date === date);
      if (!route) throw notFound("route", `${busId} ${date}`);
      const withDirections = await addDirections({ ...plan, routes: [route] }, scenario.scenario, {
        lang,
        ...(scenario.baseDir ? { baseDir: scenario.baseDir } : {}),
      });
      return { planId: id, busId, date, lang, route: withDirections.routes[0]! };
    },
  );

  app.get<{ Params: { id: string; format: "csv" | "xlsx" | "pdf" }; Querystring: { lang?: "es" | "en" } }>(
    "/api/v1/plans/:id/export.:format",
    {
      schema: {
        summary:
          "A done plan as a visit table (csv, xlsx with a sheet per bus) or driver sheets (pdf, a page per bus-day); Spanish unless lang=en",
        tags: ["plans"],
        params: {
          type: "object",
          properties: {
            id: { type: "string", minLength: 1 },
            format: { type: "string", enum: ["csv", "xlsx", "pdf"] },
          },
          required: ["id", "format"],
        },
        querystring: {
          type: "object",
          properties: { lang: { type: "string", enum: ["es", "en"], default: "es" } },
          additionalProperties: false,
        },
        produces: ["text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/pdf"],
        response: { 200: { type: "string", description: "the document" }, ...errors(400, 404, 409) },
      },
    },
    async (request, reply) => {
      const { id, format } = request.params;
      const lang = request.query.lang ?? "es";
      const { plan, scenario } = await donePlan(id);
      const file = `plan-${id}.${format}`;
      void reply.header("content-disposition", `attachment; filename="${file}"`);
      if (format === "csv") return reply.type("text/csv; charset=utf-8").send(planToCsv(plan, scenario.scenario, lang));
      if (format === "xlsx")
        return reply
          .type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
          .send(await planToXlsx(plan, scenario.scenario, lang));
      return reply.type("application/pdf").send(await planToPdf(plan, scenario.scenario, lang));
    },
  );

  app.get<{ Params: { a: string; b: string } }>(
    "/api/v1/plans/:a/diff/:b",
    {
      schema: {
        summary:
          "How done plan b differs from done plan a (same scenario): caregivers and value in total, by locality and zone, stops added and removed, visits moved, travel",
        tags: ["plans"],
        params: {
          type: "object",
          properties: { a: { type: "string", minLength: 1 }, b: { type: "string", minLength: 1 } },
          required: ["a", "b"],
        },
        response: { 200: openObject, ...errors(400, 404, 409) },
      },
    },
    async (request) => {
      const a = await donePlan(request.params.a);
      const b = await donePlan(request.params.b);
      if (a.record.scenarioId !== b.record.scenarioId)
        throw badRequest(
          "params.b",
          `plan ${JSON.stringify(b.record.id)} is of scenario ${JSON.stringify(b.record.scenarioId)}, plan ${JSON.stringify(a.record.id)} of ${JSON.stringify(a.record.scenarioId)}`,
        );
      return { a: a.record.id, b: b.record.id, scenarioId: a.record.scenarioId, ...diffPlans(a.plan, b.plan) };
    },
  );

  app.post<{ Params: { id: string } }>(
    "/api/v1/plans/:id/publish",
    {
      ...ctx.writeRoute,
      schema: {
        summary:
          "Publish a done plan: it becomes the scenario's plan in the stop search and calendar feeds (201); when it already is the latest publication, that one is returned (200)",
        tags: ["plans"],
        security: bearerSecurity,
        params: idParams,
        response: {
          201: publicationView,
          200: publicationView,
          ...errors(401, 404, 409, 429),
        },
      },
    },
    async (request, reply) => {
      const { record } = await donePlan(request.params.id);
      const publicationId = randomUUID();
      const publication = await ctx.store.insertPublication({
        id: publicationId,
        scenarioId: record.scenarioId,
        planId: record.id,
        publishedAt: new Date().toISOString(),
      });
      ctx.published.forgetLatest(record.scenarioId);
      return reply.code(publication.id === publicationId ? 201 : 200).send({
        publicationId: publication.id,
        planId: record.id,
        scenarioId: record.scenarioId,
        publishedAt: publication.publishedAt,
      });
    },
  );
}
