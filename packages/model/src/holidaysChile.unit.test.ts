import { describe, expect, it } from "vitest";
import { holidayCodeProblem, isPublicHoliday, publicHolidays, serviceDates, validateScenario } from "./index.js";
import { validSmall } from "../test/validSmall.js";

/**
 * Chile's days off for 2026 and 2027, from los-lagos-facts.md §A5 (El País and El Mostrador's
 * 2026 lists; 2027 derived from the legal rules): date-holidays 3.37.0 misses Sábado Santo,
 * lists Easter Sunday and the 31 Dec bank holiday; the calendar adds the first and drops the others.
 */
const CHILE: Record<number, string[]> = {
  2026: [
    "2026-01-01", // Año Nuevo
    "2026-04-03", // Viernes Santo
    "2026-04-04", // Sábado Santo (missing in date-holidays)
    "2026-05-01", // Día del Trabajo
    "2026-05-21", // Glorias Navales
    "2026-06-21", // Pueblos Indígenas (solstice; [conflict] El País: Sat 20 Jun)
    "2026-06-29", // San Pedro y San Pablo
    "2026-07-16", // Virgen del Carmen
    "2026-08-15", // Asunción
    "2026-09-18", // Independencia
    "2026-09-19", // Glorias del Ejército
    "2026-10-12", // Encuentro de Dos Mundos
    "2026-10-31", // Iglesias Evangélicas
    "2026-11-01", // Todos los Santos
    "2026-12-08", // Inmaculada Concepción
    "2026-12-25", // Navidad
  ],
  2027: [
    "2027-01-01",
    "2027-03-26", // Viernes Santo
    "2027-03-27", // Sábado Santo
    "2027-05-01",
    "2027-05-21",
    "2027-06-21",
    "2027-06-28", // San Pedro y San Pablo, Tue 29 → Mon 28
    "2027-07-16",
    "2027-08-15",
    "2027-09-17", // feriado adicional: 17 Sep is a Friday
    "2027-09-18",
    "2027-09-19",
    "2027-10-11", // Encuentro de Dos Mundos, Tue 12 → Mon 11
    "2027-10-31",
    "2027-11-01",
    "2027-12-08",
    "2027-12-25",
  ],
};

describe("Chilean holidays (issue 14)", () => {
  for (const [year, dates] of Object.entries(CHILE)) {
    it(`match the official list of ${year}, Sábado Santo included`, () => {
      expect(publicHolidays("CL", Number(year)).map((h) => h.date)).toEqual(dates);
    });
  }

  it("has 16 holidays in 2026, 10 of them on weekdays (El Mostrador 2026-01-08)", () => {
    const dates = publicHolidays("CL", 2026).map((h) => h.date);
    const weekdays = dates.filter((d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()));
    expect(dates).toHaveLength(16);
    expect(weekdays).toHaveLength(10);
  });

  it("names Sábado Santo and skips neither Easter Sunday's nor 31 Dec's bank holiday as days off", () => {
    expect(publicHolidays("CL", 2026).find((h) => h.date === "2026-04-04")?.name).toBe("Sábado Santo");
    expect(isPublicHoliday("CL", "2026-04-05")).toBe(false);
    expect(isPublicHoliday("CL", "2026-12-31")).toBe(false);
  });

  it("gives Los Lagos (CL-LL), which has no regional holiday, the national list", () => {
    expect(publicHolidays("CL-LL", 2026)).toEqual(publicHolidays("CL", 2026));
  });

  it("keeps a regional holiday date-holidays knows (Arica y Parinacota, 7 Jun)", () => {
    expect(isPublicHoliday("CL-AP", "2026-06-07")).toBe(true);
    expect(isPublicHoliday("CL", "2026-06-07")).toBe(false);
  });

  it("leaves Sábado Santo out of a Los Lagos service week", () => {
    expect(serviceDates({ startDate: "2026-03-30", days: 7, holidays: "CL-LL" })).toEqual([
      "2026-03-30",
      "2026-03-31",
      "2026-04-01",
      "2026-04-02",
    ]);
  });
});

describe("holiday calendar codes", () => {
  it("accepts countries, known subdivisions and none", () => {
    for (const code of ["CO", "CL", "CL-LL", "CL-AP", "DE-BY", "none"]) expect(holidayCodeProblem(code)).toBeNull();
  });

  it("explains an unknown country or subdivision", () => {
    expect(holidayCodeProblem("XX")).toMatch(/country XX/);
    expect(holidayCodeProblem("CL-ZZ")).toMatch(/subdivision ZZ of CL \(known: .*LL.*\)/);
    expect(holidayCodeProblem("chile")).toMatch(/not a country code/);
  });

  it("reports an unknown calendar in a scenario at horizon.holidays", () => {
    const issues = validateScenario({ ...validSmall(), horizon: { ...validSmall().horizon, holidays: "CL-ZZ" } });
    expect(issues.map((i) => i.path)).toEqual(["horizon.holidays"]);
  });

  it("reports a locale that is not a language tag", () => {
    const issues = validateScenario({ ...validSmall(), locale: "es_CL!" });
    expect(issues.map((i) => i.path)).toEqual(["locale"]);
    expect(validateScenario({ ...validSmall(), locale: "es-CL" })).toEqual([]);
  });
});
