/**
 * The published JSON Schemas. TypeBox schemas are JSON Schema already, but carry symbol keys
 * for TypeBox's own use; a JSON round trip leaves the plain document that other tools
 * (editors, Ajv, Fastify) read.
 */
import { ScenarioSchema } from "./scenario.js";
import { PlanSchema } from "./plan.js";

const DIALECT = "http://json-schema.org/draft-07/schema#";

function publish(schema: object): object {
  return { $schema: DIALECT, ...(JSON.parse(JSON.stringify(schema)) as object) };
}

/** JSON Schema (draft-07) of the scenario format; `carebus validate --schema` prints it. */
export const scenarioJsonSchema: object = publish(ScenarioSchema);

/** JSON Schema (draft-07) of the plan format; `carebus validate --schema plan` prints it. */
export const planJsonSchema: object = publish(PlanSchema);
