import { describe, expect, it } from "vitest";
import { clockOf, dateOf, displayLocale, formatDate, formatDistance, formatMinutes } from "./format.js";

describe("format", () => {
  it("reads the wall clock of a local ISO time whatever the offset", () => {
    expect(clockOf("2026-11-24T08:30:00-05:00")).toBe("08:30");
    expect(clockOf("2026-11-24T23:05:00+09:00")).toBe("23:05");
    expect(clockOf("07:45")).toBe("07:45");
    expect(dateOf("2026-11-24T08:30:00-05:00")).toBe("2026-11-24");
  });

  it("names the weekday of a date in Spanish and English", () => {
    expect(formatDate("2026-11-24", "en", "long")).toMatch(/Tuesday/);
    expect(formatDate("2026-11-24", "es", "long")).toMatch(/martes/);
    expect(formatDate("not-a-date", "es")).toBe("not-a-date");
  });

  it("writes minutes and distances for people", () => {
    expect(formatMinutes(35)).toBe("35 min");
    expect(formatMinutes(65)).toBe("1 h 05 min");
    expect(formatDistance(350)).toBe("350 m");
    expect(formatDistance(2400)).toBe("2.4 km");
  });
});

describe("dates in the scenario's locale (issue 14)", () => {
  it("writes Chilean dates for a Los Lagos scenario while the page is in Spanish", () => {
    expect(displayLocale("es", "es-CL")).toBe("es-CL");
    expect(displayLocale("en", "es-CL")).toBe("en");
    expect(displayLocale("es", "en")).toBe("es");
    expect(formatDate("2026-03-30", displayLocale("es", "es-CL"))).toBe("lun, 30 mar");
    expect(formatDate("2026-03-30", displayLocale("es", "es-CO"))).toBe("lun, 30 de mar");
  });
});
