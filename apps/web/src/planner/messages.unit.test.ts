import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PLANNER_CATALOGUE } from "./messages.js";

const html = readFileSync(new URL("../index.html", import.meta.url), "utf8");

/**
 * Every key of `words` with the kind of its value, groups (the change tools' words, the
 * statuses, …) followed into: "changes.pinTitle function", "statuses.done string".
 */
function keyKinds(words: object, prefix = ""): string[] {
  return Object.entries(words).flatMap(([key, value]) =>
    typeof value === "object" && value !== null && !Array.isArray(value)
      ? keyKinds(value, `${prefix}${key}.`)
      : [`${prefix}${key} ${Array.isArray(value) ? `array of ${value.length}` : typeof value}`],
  );
}

describe("planner message catalogue", () => {
  it("has exactly the same keys in Spanish and English, in every group, with the same kinds of value", () => {
    const es = keyKinds(PLANNER_CATALOGUE.es).sort();
    expect(keyKinds(PLANNER_CATALOGUE.en).sort()).toEqual(es);
    // the change tools (pins, exclusions, re-planning, comparing, downloads) are in it
    for (const key of ["changes.pinTitle function", "changes.whatMoved string", "changes.routeSheets string"])
      expect(es).toContain(key);
  });

  it("tells a key missing in one language apart", () => {
    const { pin: _dropped, ...changes } = PLANNER_CATALOGUE.en.changes;
    expect(keyKinds({ ...PLANNER_CATALOGUE.en, changes }).sort()).not.toEqual(keyKinds(PLANNER_CATALOGUE.es).sort());
  });

  it("has a text for every data-i18n key of the page", () => {
    const keys = [...html.matchAll(/data-i18n(?:-label|-placeholder)?="([^"]+)"/g)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThan(30);
    for (const key of keys) {
      expect(typeof (PLANNER_CATALOGUE.es as Record<string, unknown>)[key], key).toBe("string");
      expect(typeof (PLANNER_CATALOGUE.en as Record<string, unknown>)[key], key).toBe("string");
    }
  });

  it("puts people first and says the bound and the gap in plain words", () => {
    expect(PLANNER_CATALOGUE.es.caregiversReached).toBe("Cuidadoras alcanzadas");
    expect(PLANNER_CATALOGUE.es.bound).toBe("Máximo posible");
    expect(PLANNER_CATALOGUE.es.gap("4,2 %")).toBe("a lo sumo 4,2 % por debajo del máximo posible");
    expect(PLANNER_CATALOGUE.en.gap("4.2%")).toBe("at most 4.2% below the maximum possible");
    expect(PLANNER_CATALOGUE.es.reasons["search-stopped"]).toMatch(/la búsqueda se detuvo/);
  });
});
