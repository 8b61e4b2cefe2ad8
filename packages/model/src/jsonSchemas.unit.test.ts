import { describe, expect, it } from "vitest";
import { planJsonSchema, scenarioJsonSchema } from "./index.js";

describe("published JSON Schemas", () => {
  it("are plain JSON documents", () => {
    for (const schema of [scenarioJsonSchema, planJsonSchema]) {
      expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
      expect(Object.getOwnPropertySymbols(schema)).toEqual([]);
      expect(schema).toMatchObject({ $schema: "http://json-schema.org/draft-07/schema#", type: "object" });
    }
  });

  it("name their format and version", () => {
    expect(scenarioJsonSchema).toMatchObject({
      $id: "https://carebus.dev/schemas/scenario-v1.json",
      properties: { format: { const: "carebus-scenario" }, version: { const: 1 } },
      additionalProperties: false,
    });
    expect(planJsonSchema).toMatchObject({
      $id: "https://carebus.dev/schemas/plan-v1.json",
      properties: { format: { const: "carebus-plan" } },
    });
  });

  it("describe both demand forms", () => {
    const demand = (
      scenarioJsonSchema as { properties: { demand: { anyOf: { properties: { kind: { const: string } } }[] } } }
    ).properties.demand;
    expect(demand.anyOf.map((b) => b.properties.kind.const)).toEqual(["points", "scores"]);
  });
});
