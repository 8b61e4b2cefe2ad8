/**
 * JSON Schemas shared by routes, in the plain form Fastify and @fastify/swagger read. Large
 * documents (scenario, plan, GeoJSON) are declared as open objects in responses so the
 * serializer passes them through untouched; their full schemas come from @carebus/model.
 */

export const errorSchema = {
  type: "object",
  description: "error body",
  properties: {
    statusCode: { type: "integer" },
    code: { type: "string" },
    error: { type: "string" },
    message: { type: "string" },
    issues: {
      type: "array",
      items: {
        type: "object",
        properties: { path: { type: "string" }, message: { type: "string" } },
        required: ["path", "message"],
      },
    },
  },
  required: ["statusCode", "code", "error", "message"],
} as const;

/** Error responses for the given status codes. */
export function errors(...codes: number[]): Record<number, typeof errorSchema> {
  return Object.fromEntries(codes.map((c) => [c, errorSchema]));
}

export const openObject = { type: "object", additionalProperties: true } as const;

export const idParams = {
  type: "object",
  properties: { id: { type: "string", minLength: 1, maxLength: 200 } },
  required: ["id"],
} as const;

export const scenarioIdQuery = {
  type: "object",
  properties: {
    scenarioId: {
      type: "string",
      minLength: 1,
      maxLength: 200,
      description: "scenario to read (default: the server's default scenario)",
    },
  },
  additionalProperties: false,
} as const;

export const progressSchema = {
  anyOf: [
    {
      type: "object",
      properties: {
        value: { type: "number" },
        bound: { type: ["number", "null"] },
        boundKind: {
          type: "string",
          enum: ["quick", "strong"],
          description: "quick: the fallback bound, until the strong one (a solved relaxation) is ready",
        },
        elapsedMs: { type: "number" },
        iterations: { type: "integer" },
      },
      required: ["value", "bound", "elapsedMs", "iterations"],
    },
    { type: "null" },
  ],
} as const;

export const planStatusSchema = { type: "string", enum: ["queued", "running", "done", "failed", "cancelled"] } as const;

export const bearerSecurity = [{ bearerAuth: [] }];
