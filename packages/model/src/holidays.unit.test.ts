import { describe, expect, it } from "vitest";
import { colombianHolidays, horizonDays, isColombianHoliday, serviceDates } from "./index.js";

/**
 * Colombian public holidays, worked out by hand from the official rules: fixed days (1 Jan,
 * 1 May, 20 Jul, 7 Aug, 8 Dec, 25 Dec); days moved to the following Monday by Ley 51 de 1983
 * "Ley Emiliani" (6 Jan, 19 Mar, 29 Jun, 15 Aug, 12 Oct, 1 Nov, 11 Nov); Holy Thursday and Good
 * Friday (Easter 2025-04-20, 2026-04-05, 2027-03-28); Ascension, Corpus Christi and Sacred
 * Heart moved to Mondays (Easter + 43, + 64, + 71 days); and from 2026 Virgen de Chiquinquirá
 * (9 Jul, moved to Monday) by Ley 2578 de 2026. In 2025 Sacred Heart and Saints Peter and Paul
 * both fall on Monday 30 June: 18 holidays on 17 dates. 2026 and 2027 have 19.
 */
const KNOWN: Record<number, string[]> = {
  2025: [
    "2025-01-01", // Año Nuevo (Wed)
    "2025-01-06", // Reyes Magos: 6 Jan is a Monday
    "2025-03-24", // San José: Wed 19 Mar → Mon 24
    "2025-04-17", // Jueves Santo
    "2025-04-18", // Viernes Santo
    "2025-05-01", // Día del Trabajo
    "2025-06-02", // Ascensión: Easter + 43
    "2025-06-23", // Corpus Christi: Easter + 64
    "2025-06-30", // Sagrado Corazón: Easter + 71
    "2025-06-30", // San Pedro y San Pablo: Sun 29 Jun → Mon 30
    "2025-07-20", // Independencia (Sun, fixed)
    "2025-08-07", // Batalla de Boyacá
    "2025-08-18", // Asunción: Fri 15 Aug → Mon 18
    "2025-10-13", // Día de la Raza: Sun 12 Oct → Mon 13
    "2025-11-03", // Todos los Santos: Sat 1 Nov → Mon 3
    "2025-11-17", // Independencia de Cartagena: Tue 11 Nov → Mon 17
    "2025-12-08", // Inmaculada Concepción
    "2025-12-25", // Navidad
  ],
  2026: [
    "2026-01-01", // Año Nuevo (Thu)
    "2026-01-12", // Reyes Magos: Tue 6 Jan → Mon 12
    "2026-03-23", // San José: Thu 19 Mar → Mon 23
    "2026-04-02", // Jueves Santo
    "2026-04-03", // Viernes Santo
    "2026-05-01", // Día del Trabajo
    "2026-05-18", // Ascensión: Easter + 43
    "2026-06-08", // Corpus Christi: Easter + 64
    "2026-06-15", // Sagrado Corazón: Easter + 71
    "2026-06-29", // San Pedro y San Pablo: 29 Jun is a Monday
    "2026-07-13", // Virgen de Chiquinquirá (Ley 2578 de 2026): Thu 9 Jul → Mon 13
    "2026-07-20", // Independencia
    "2026-08-07", // Batalla de Boyacá
    "2026-08-17", // Asunción: Sat 15 Aug → Mon 17
    "2026-10-12", // Día de la Raza: 12 Oct is a Monday
    "2026-11-02", // Todos los Santos: Sun 1 Nov → Mon 2
    "2026-11-16", // Independencia de Cartagena: Wed 11 Nov → Mon 16
    "2026-12-08", // Inmaculada Concepción
    "2026-12-25", // Navidad
  ],
  2027: [
    "2027-01-01", // Año Nuevo (Fri)
    "2027-01-11", // Reyes Magos: Wed 6 Jan → Mon 11
    "2027-03-22", // San José: Fri 19 Mar → Mon 22
    "2027-03-25", // Jueves Santo
    "2027-03-26", // Viernes Santo
    "2027-05-01", // Día del Trabajo (Sat, fixed)
    "2027-05-10", // Ascensión: Easter + 43
    "2027-05-31", // Corpus Christi: Easter + 64
    "2027-06-07", // Sagrado Corazón: Easter + 71
    "2027-07-05", // San Pedro y San Pablo: Tue 29 Jun → Mon 5 Jul
    "2027-07-12", // Virgen de Chiquinquirá (Ley 2578 de 2026): Fri 9 Jul → Mon 12
    "2027-07-20", // Independencia
    "2027-08-07", // Batalla de Boyacá (Sat, fixed)
    "2027-08-16", // Asunción: Sun 15 Aug → Mon 16
    "2027-10-18", // Día de la Raza: Tue 12 Oct → Mon 18
    "2027-11-01", // Todos los Santos: 1 Nov is a Monday
    "2027-11-15", // Independencia de Cartagena: Thu 11 Nov → Mon 15
    "2027-12-08", // Inmaculada Concepción
    "2027-12-25", // Navidad
  ],
};

describe("colombianHolidays", () => {
  for (const [year, dates] of Object.entries(KNOWN)) {
    it(`matches the official calendar of ${year}`, () => {
      expect(colombianHolidays(Number(year)).map((h) => h.date)).toEqual(dates);
    });
  }

  it("names every holiday", () => {
    expect(colombianHolidays(2026).every((h) => h.name.length > 0)).toBe(true);
  });

  it("does not count Easter Sunday as a day off", () => {
    expect(isColombianHoliday("2026-04-05")).toBe(false);
    expect(isColombianHoliday("2026-04-03")).toBe(true);
  });

  it("knows the Chiquinquirá holiday added in 2026", () => {
    expect(isColombianHoliday("2026-07-13")).toBe(true);
    expect(isColombianHoliday("2027-07-12")).toBe(true);
  });
});

describe("the service calendar skips holidays", () => {
  it("leaves out a public holiday that falls on a service weekday", () => {
    // Mon 6 … Sat 11 July 2026 plus Mon 13 (Chiquinquirá) and Tue 14.
    const horizon = { startDate: "2026-07-06", days: 9 };
    expect(serviceDates(horizon)).toEqual([
      "2026-07-06",
      "2026-07-07",
      "2026-07-08",
      "2026-07-09",
      "2026-07-10",
      "2026-07-11",
      "2026-07-14",
    ]);
    const skipped = horizonDays(horizon)
      .filter((d) => !d.served)
      .map((d) => [d.date, d.skipped]);
    expect(skipped).toEqual([
      ["2026-07-12", "weekday"],
      ["2026-07-13", "holiday"],
    ]);
  });

  it("serves a holiday listed in includedDates", () => {
    expect(serviceDates({ startDate: "2026-12-07", days: 3, includedDates: ["2026-12-08"] })).toEqual([
      "2026-12-07",
      "2026-12-08",
      "2026-12-09",
    ]);
    expect(serviceDates({ startDate: "2026-12-07", days: 3 })).toEqual(["2026-12-07", "2026-12-09"]);
  });

  it("serves holidays when the calendar is switched off", () => {
    expect(serviceDates({ startDate: "2026-12-07", days: 3, holidays: "none" })).toEqual([
      "2026-12-07",
      "2026-12-08",
      "2026-12-09",
    ]);
  });

  it("leaves out excluded dates and days outside the service weekdays", () => {
    const horizon = {
      startDate: "2026-11-23",
      days: 7,
      weekdays: ["mon" as const, "wed" as const, "sun" as const],
      excludedDates: ["2026-11-25"],
    };
    expect(serviceDates(horizon)).toEqual(["2026-11-23", "2026-11-29"]);
  });

  it("uses explicit dates in calendar order, once each", () => {
    expect(
      serviceDates({ startDate: "2026-11-23", dates: ["2026-11-26", "2026-11-24", "2026-11-26", "2026-11-17"] }),
    ).toEqual(["2026-11-17", "2026-11-24", "2026-11-26"]);
  });
});
