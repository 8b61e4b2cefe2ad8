import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PLANNER_CATALOGUE } from "./messages.js";

const html = readFileSync(new URL("../index.html", import.meta.url), "utf8");

describe("planner message catalogue", () => {
  it("has exactly the same keys in Spanish and English", () => {
    const es = Object.keys(PLANNER_CATALOGUE.es).sort();
    expect(Object.keys(PLANNER_CATALOGUE.en).sort()).toEqual(es);
    for (const [key, value] of Object.entries(PLANNER_CATALOGUE.es)) {
      const other = (PLANNER_CATALOGUE.en as Record<string, unknown>)[key];
      expect(typeof other, key).toBe(typeof value);
    }
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
