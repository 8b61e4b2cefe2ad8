/**
 * Scenario routes: store a scenario (validated by the same `parseScenario` the CLI uses, so
 * the API accepts exactly what `carebus validate` accepts), list them, read one, and read the
 * plan published for it.
 */
import { join, isAbsolute, normalize } from "node:path";
import type { FastifyInstance } from "fastify";
import { parseScenario, scenarioHash, scenarioJsonSchema, type Scenario } from "@carebus/model";
import type { AppContext } from "../context.js";
import { badRequest, conflict, notFound } from "../errors.js";
import { checkScenarioLimits, checkTravelUrl } from "../scenarioLimits.js";
import { ScenarioExistsError } from "../store/store.js";
import { bearerSecurity, errors, idParams, openObject } from "../schemas.js";

// The body is checked by parseScenario, not by Fastify's Ajv (which would coerce and strip
// values), so the schema below only documents it; $id/$schema are dropped for swagger.
const { $id: _id, $schema: _schema, ...scenarioBodySchema } = scenarioJsonSchema as Record<string, unknown>;

/** Folder, inside the data directory, that posted scenarios' road-network files are read from. */
export const NETWORKS_DIR = "networks";

/** A posted scenario may only name network files inside the networks folder. */
function checkTravelFile(scenario: Scenario): void {
  if (scenario.travel?.provider !== "road-graph") return;
  const file = scenario.travel.file;
  if (isAbsolute(file) || normalize(file).split(/[\\/]/).includes("..")) {
    throw badRequest(
      "travel.file",
      `must be a relative path inside the server's ${NETWORKS_DIR}/ folder, got ${JSON.stringify(file)}`,
    );
  }
}

export function scenarioRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post(
    "/api/v1/scenarios",
    {
      ...ctx.writeRoute,
      validatorCompiler: () => () => true,
      schema: {
        summary: "Store a scenario",
        tags: ["scenarios"],
        security: bearerSecurity,
        body: scenarioBodySchema,
        response: {
          201: { type: "object", properties: { id: { type: "string" } } },
          200: { type: "object", properties: { id: { type: "string" } } },
          ...errors(400, 401, 409, 413, 415, 429),
        },
      },
    },
    async (request, reply) => {
      const scenario = parseScenario(request.body);
      checkTravelFile(scenario);
      checkTravelUrl(scenario, ctx.config.osrmUrls);
      checkScenarioLimits(scenario, ctx.config);
      try {
        const created = await ctx.store.insertScenario({
          id: scenario.id,
          name: scenario.name,
          hash: scenarioHash(scenario),
          scenario,
          baseDir: join(ctx.config.dataDir, NETWORKS_DIR),
          createdAt: new Date().toISOString(),
        });
        return reply.code(created ? 201 : 200).send({ id: scenario.id });
      } catch (error) {
        if (error instanceof ScenarioExistsError)
          throw conflict("CAREBUS_ERR_SCENARIO_EXISTS", `${error.message}; give the changed scenario a new id`);
        throw error;
      }
    },
  );

  app.get(
    "/api/v1/scenarios",
    {
      schema: {
        summary: "List stored scenarios",
        tags: ["scenarios"],
        response: {
          200: {
            type: "object",
            properties: {
              scenarios: {
                type: "array",
                items: {
                  type: "object",
                  properties: {
                    id: { type: "string" },
                    name: { type: "string" },
                    createdAt: { type: "string" },
                    publishedPlanId: { type: ["string", "null"] },
                  },
                  required: ["id", "name", "createdAt", "publishedPlanId"],
                },
              },
            },
            required: ["scenarios"],
          },
        },
      },
    },
    async () => ({ scenarios: await ctx.store.listScenarios() }),
  );

  app.get<{ Params: { id: string } }>(
    "/api/v1/scenarios/:id",
    {
      schema: {
        summary: "Read a scenario",
        tags: ["scenarios"],
        params: idParams,
        response: { 200: openObject, ...errors(404) },
      },
    },
    async (request) => {
      const record = await ctx.store.getScenario(request.params.id);
      if (!record) throw notFound("scenario", request.params.id);
      return record.scenario;
    },
  );

  app.get<{ Params: { id: string } }>(
    "/api/v1/scenarios/:id/published",
    {
      schema: {
        summary: "The plan published for a scenario",
        tags: ["scenarios"],
        params: idParams,
        response: {
          200: {
            type: "object",
            properties: {
              planId: { type: "string" },
              number: { type: "integer", description: "the plan's number within the scenario" },
              publishedAt: { type: "string" },
              plan: openObject,
            },
            required: ["planId", "publishedAt", "plan"],
          },
          ...errors(404),
        },
      },
    },
    async (request) => {
      const published = await ctx.publishedOf(request.params.id);
      const number = await ctx.store.planNumber(published.latest.planId);
      return {
        planId: published.latest.planId,
        ...(number !== undefined ? { number } : {}),
        publishedAt: published.latest.publishedAt,
        plan: published.latestPlan,
      };
    },
  );
}
