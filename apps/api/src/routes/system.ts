/**
 * Health, the page configuration (default scenario and map tiles) and the OpenAPI document.
 */
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../context.js";

export function systemRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(
    "/health",
    {
      schema: {
        summary: "Liveness and storage check",
        tags: ["system"],
        response: {
          200: {
            type: "object",
            properties: {
              status: { type: "string" },
              scenarios: { type: "integer" },
              feedCache: {
                type: "object",
                description: "rendered calendar feeds: renders and cache hits since start, entries and bytes held",
                properties: {
                  renders: { type: "integer" },
                  hits: { type: "integer" },
                  entries: { type: "integer" },
                  bytes: { type: "integer" },
                },
                required: ["renders", "hits", "entries", "bytes"],
              },
            },
            required: ["status", "scenarios", "feedCache"],
          },
        },
      },
    },
    async () => ({
      status: "ok",
      scenarios: (await ctx.store.listScenarios()).length,
      feedCache: ctx.published.stats(),
    }),
  );

  app.get(
    "/api/v1/config",
    {
      schema: {
        summary: "What the pages need to start: the default scenario and the map tile source",
        tags: ["system"],
        response: {
          200: {
            type: "object",
            properties: {
              defaultScenarioId: { type: ["string", "null"] },
              tileUrl: { type: ["string", "null"] },
              tileAttribution: { type: ["string", "null"] },
            },
            required: ["defaultScenarioId", "tileUrl", "tileAttribution"],
          },
        },
      },
    },
    async () => ({
      defaultScenarioId: await ctx.defaultScenarioId(),
      tileUrl: ctx.config.tileUrl,
      tileAttribution: ctx.config.tileAttribution,
    }),
  );

  app.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());
}
