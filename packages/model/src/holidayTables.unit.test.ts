import { describe, expect, it } from "vitest";
import { buildHolidayTable, holidayCodeProblem, precomputedHolidays, publicHolidays } from "./holidays.js";

/**
 * The build's holiday tables (holidays.ts, build.mjs) must answer exactly as date-holidays
 * does, and only for what they cover. Tests run from source, where no table exists, so
 * publicHolidays here is date-holidays' answer.
 */
describe("precomputed holiday tables", () => {
  const chile = buildHolidayTable("CL", 2025, 2027);

  it("hold every accepted code of the country, and no unknown one", () => {
    expect(chile.codes).toContain("CL");
    expect(chile.codes).toContain("CL-LL"); // national list
    expect(chile.codes).toContain("CL-AP"); // holidays of its own
    for (const code of chile.codes) expect(holidayCodeProblem(code)).toBeNull();
    expect(precomputedHolidays(chile, "CL-XX", 2026)).toBeUndefined();
    expect(holidayCodeProblem("CL-XX")).toMatch(/no holiday calendar is known for subdivision XX of CL/);
  });

  it("give date-holidays' answer for every code and year they cover", () => {
    for (const code of chile.codes)
      for (let year = 2025; year <= 2027; year++)
        expect(precomputedHolidays(chile, code, year), `${code} ${year}`).toEqual(publicHolidays(code, year));
    const sabadoSanto = precomputedHolidays(chile, "CL-LL", 2026)?.find((h) => h.date === "2026-04-04");
    expect(sabadoSanto?.name).toBe("Sábado Santo");
    // a regional calendar differs from the national one (Arica y Parinacota, 7 June)
    expect(precomputedHolidays(chile, "CL-AP", 2026)).not.toEqual(precomputedHolidays(chile, "CL", 2026));
  });

  it("answer nothing outside their years or country", () => {
    expect(precomputedHolidays(chile, "CL", 2024)).toBeUndefined();
    expect(precomputedHolidays(chile, "CL", 2028)).toBeUndefined();
    expect(precomputedHolidays(chile, "CO", 2026)).toBeUndefined();
    expect(precomputedHolidays(null, "CL", 2026)).toBeUndefined();
  });

  it("keep Colombia's holidays as date-holidays gives them", () => {
    const colombia = buildHolidayTable("CO", 2026, 2026);
    expect(colombia.codes).toEqual(["CO"]);
    expect(precomputedHolidays(colombia, "CO", 2026)).toEqual(publicHolidays("CO", 2026));
    expect(precomputedHolidays(colombia, "CO", 2026)?.map((h) => h.date)).toContain("2026-07-13");
  });
});
