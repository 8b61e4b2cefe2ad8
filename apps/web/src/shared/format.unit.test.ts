import { describe, expect, it } from "vitest";
import { clockOf, dateOf, displayLocale, formatDate, formatDistance, formatMinutes, formatNumber } from "./format.js";

describe("format", () => {
  it("reads the wall clock of a local ISO time whatever the offset", () => {
    expect(clockOf("2026-11-24T08:30:00-05:00")).toBe("08:30");
    expect(clockOf("2026-11-24T23:05:00+09:00")).toBe("23:05");
    expect(clockOf("07:45")).toBe("07:45");
    expect(dateOf("2026-11-24T08:30:00-05:00")).toBe("2026-11-24");
  });

  it("writes dates the Colombian way in Spanish, and in English", () => {
    expect(formatDate("2026-11-30", "es-CO")).toBe("lun 30 nov");
    expect(formatDate("2026-11-30", "en")).toBe("Mon 30 Nov");
    expect(formatDate("2026-11-24", "en", "long")).toMatch(/Tuesday/);
    expect(formatDate("2026-11-24", "es-CO", "long")).toMatch(/martes/);
    expect(formatDate("not-a-date", "es-CO")).toBe("not-a-date");
  });

  it("writes minutes, distances and figures for people", () => {
    expect(formatMinutes(35)).toBe("35 min");
    expect(formatMinutes(65)).toBe("1 h 05 min");
    expect(formatDistance(350, "en")).toBe("350 m");
    expect(formatDistance(2400, "en")).toBe("2.4 km");
    expect(formatDistance(2400, "es-CO")).toBe("2,4 km");
    expect(formatNumber(1234567, "es-CO")).toBe("1.234.567");
  });
});

describe("dates in the scenario's locale (issue 14)", () => {
  it("writes Chilean dates for a Los Lagos scenario while the page is in Spanish", () => {
    expect(displayLocale("es", "es-CL")).toBe("es-CL");
    expect(displayLocale("en", "es-CL")).toBe("en");
    expect(displayLocale("es", "en")).toBe("es");
    expect(displayLocale("es", null)).toBe("es");
    expect(formatDate("2026-03-30", displayLocale("es", "es-CL"))).toBe("lun 30 mar");
    expect(formatDate("2026-03-30", displayLocale("es", "es-CO"))).toBe("lun 30 mar");
    expect(formatNumber(1234567, displayLocale("es", "es-CL"))).toBe("1.234.567");
  });
});
