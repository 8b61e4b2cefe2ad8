import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { initialLang } from "../shared/language.js";
import type { StopItem } from "../shared/types.js";
import { COMMUNITY_CATALOGUE, messages } from "./messages.js";
import { searchExamples } from "./searchExamples.js";
import { walkingMinutes } from "./stopCard.js";

const html = readFileSync(new URL("../community.html", import.meta.url), "utf8");

describe("community language", () => {
  it("speaks Spanish unless English is asked for in the URL or was chosen before", () => {
    expect(initialLang("", null)).toBe("es");
    expect(initialLang("?lang=en", null)).toBe("en");
    expect(initialLang("?lang=fr", "en")).toBe("en");
    expect(initialLang("?lang=es", "en")).toBe("es");
  });

  it("has the same keys in both languages, and every key the page's HTML uses", () => {
    const es = Object.keys(COMMUNITY_CATALOGUE.es).sort();
    expect(Object.keys(COMMUNITY_CATALOGUE.en).sort()).toEqual(es);
    for (const [, key] of html.matchAll(/data-i18n(?:-label|-placeholder)?="([^"]+)"/g)) expect(es, key).toContain(key);
    expect(messages("es").found(1)).toBe("1 parada encontrada.");
    expect(messages("en").found(3)).toBe("3 stops found.");
  });
});

describe("search suggestions", () => {
  const stop = (stopId: string, locality: string, neighbourhood: string | null, visits: number): StopItem => ({
    stopId,
    name: stopId,
    locality,
    neighbourhood,
    zone: "urban",
    lat: 4.6,
    lon: -74.1,
    nextVisits: Array.from({ length: visits }, () => ({
      date: "2026-11-30",
      start: "08:00",
      end: "11:00",
      busId: "b",
    })),
    feeds: { ics: "", webcal: "" },
    locale: "es-CO",
  });

  it("suggests only places that served stops carry", () => {
    expect(searchExamples([stop("a", "Kennedy", "Patio Bonito", 2), stop("b", "Bosa", null, 1)])).toEqual([
      "Patio Bonito",
      "Bosa",
    ]);
    expect(searchExamples([])).toEqual([]);
  });
});

describe("walkingMinutes", () => {
  it("walks 4.5 km/h along streets 1.3 times the straight line, at least one minute", () => {
    expect(walkingMinutes(0)).toBe(1);
    expect(walkingMinutes(1)).toBe(18); // 1.3 km at 4.5 km/h = 17.3 min
  });
});
