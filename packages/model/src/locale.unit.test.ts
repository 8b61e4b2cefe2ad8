import { describe, expect, it } from "vitest";
import {
  formatCalendarDate,
  formatFigure,
  formatGap,
  formatInstant,
  isLocale,
  languageOf,
  localeForLanguage,
  localeOf,
} from "./locale.js";
import { SERVICE_LABELS, serviceLabel } from "./serviceLabels.js";
import { validateScenario } from "./validateScenario.js";

describe("locale", () => {
  it("defaults to Colombian Spanish and reads the language of any tag", () => {
    expect(localeOf({})).toBe("es-CO");
    expect(localeOf({ locale: "es-CL" })).toBe("es-CL");
    expect(languageOf("en-GB")).toBe("en");
    expect(languageOf("es-CL")).toBe("es");
    expect(languageOf("fr")).toBe("es");
    expect(localeForLanguage("es", "es-CL")).toBe("es-CL");
    expect(localeForLanguage("en", "es-CO")).toBe("en");
    expect(isLocale("es-CO")).toBe(true);
    expect(isLocale("not a locale")).toBe(false);
  });

  it("writes dates, instants and figures the Colombian way", () => {
    expect(formatCalendarDate("2026-11-30", "es-CO")).toBe("lun 30 nov");
    expect(formatCalendarDate("2026-11-30", "en")).toBe("Mon 30 Nov");
    expect(formatCalendarDate("2026-11-30", "es-CO", "long")).toBe("lunes, 30 de noviembre de 2026");
    // 12:49 UTC is 07:49 in Bogotá, whatever the machine's own zone
    expect(formatInstant("2026-11-29T12:49:14Z", "es-CO", "America/Bogota")).toBe("dom 29 nov, 07:49");
    expect(formatFigure(1234567.84, "es-CO")).toBe("1.234.567,8");
    expect(formatFigure(1234567.84, "en")).toBe("1,234,567.8");
  });

  it("rejects a malformed locale in a scenario, naming the field", () => {
    const scenario = {
      format: "carebus-scenario",
      version: 1,
      id: "x",
      name: "x",
      locale: "español de Colombia",
      horizon: { startDate: "2026-11-30", days: 1 },
      depots: [{ id: "d", name: "d", lat: 4.6, lon: -74.1 }],
      buses: [{ id: "b", name: "b", kind: "urban", depotId: "d", shift: { start: "08:00", end: "16:00" } }],
      stops: [
        {
          id: "s",
          name: "s",
          lat: 4.6,
          lon: -74.1,
          zone: "urban",
          locality: "Bosa",
          busKinds: ["urban"],
          timeWindows: [{ start: "08:00", end: "12:00" }],
          dwellMinutes: 60,
        },
      ],
      demand: { kind: "scores", scores: [{ stopId: "s", score: 1 }] },
    };
    expect(validateScenario(scenario).map((i) => i.path)).toEqual(["locale"]);
    expect(validateScenario({ ...scenario, locale: "es-CL" })).toEqual([]);
  });
});

describe("the gap to the maximum possible", () => {
  it("has one decimal from 0.1 % up, in the locale's way", () => {
    expect(formatGap(0.0423, "es-CO")).toBe("4,2%");
    expect(formatGap(0.00095, "es-CO")).toBe("0,1%");
    expect(formatGap(0.0423, "en")).toBe("4.2%");
  });

  it("never reads 0 when the plan is below the maximum", () => {
    expect(formatGap(0.00046, "es-CO")).toBe("0,046%");
    expect(formatGap(0.00094, "en")).toBe("0.094%");
    expect(formatGap(1e-7, "en")).toBe("0.00001%");
    for (let k = 1; k < 2_000; k++) expect(formatGap(k * 1e-6, "en")).not.toBe("0%");
  });

  it("reads 0 when it is 0", () => {
    expect(formatGap(0, "es-CO")).toBe("0%");
  });
});

describe("service labels", () => {
  it("names every known service in Spanish and English", () => {
    for (const [code, labels] of Object.entries(SERVICE_LABELS)) {
      expect(labels.es, code).toBeTruthy();
      expect(labels.en, code).toBeTruthy();
      expect(labels.es).not.toBe(code);
    }
    expect(serviceLabel("legal-psychological", "es")).toBe("Orientación jurídica y psicosocial");
    expect(serviceLabel("legal-psychological", "en")).toBe("Legal and psychosocial advice");
  });

  it("reads an unknown code as words, never as an identifier", () => {
    expect(serviceLabel("home-visits", "es")).toBe("Home visits");
  });
});
