import { describe, expect, it } from "vitest";
import { initialLang, messages } from "./messages.js";
import { walkingMinutes } from "./stopCard.js";

describe("community language", () => {
  it("speaks Spanish unless English is asked for in the URL or was chosen before", () => {
    expect(initialLang("", null)).toBe("es");
    expect(initialLang("?lang=en", null)).toBe("en");
    expect(initialLang("?lang=fr", "en")).toBe("en");
    expect(initialLang("?lang=es", "en")).toBe("es");
  });

  it("has the same keys in both languages", () => {
    expect(Object.keys(messages("en")).sort()).toEqual(Object.keys(messages("es")).sort());
    expect(messages("es").found(1)).toBe("1 parada encontrada.");
    expect(messages("en").found(3)).toBe("3 stops found.");
  });
});

describe("walkingMinutes", () => {
  it("walks 4.5 km/h along streets 1.3 times the straight line, at least one minute", () => {
    expect(walkingMinutes(0)).toBe(1);
    expect(walkingMinutes(1)).toBe(18); // 1.3 km at 4.5 km/h = 17.3 min
  });
});
