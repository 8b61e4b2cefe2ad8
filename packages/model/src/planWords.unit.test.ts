import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { UnvisitedReasonSchema } from "./plan.js";
import { PLAN_WORDS } from "./planWords.js";

const glossary = readFileSync(new URL("../../../docs/glossary.md", import.meta.url), "utf8").toLowerCase();

describe("plan words", () => {
  it("names every reason a stop is left out, in both languages", () => {
    const codes = UnvisitedReasonSchema.anyOf.map((literal) => literal.const as string).sort();
    expect(Object.keys(PLAN_WORDS.es.reasons).sort()).toEqual(codes);
    expect(Object.keys(PLAN_WORDS.en.reasons).sort()).toEqual(codes);
  });

  it("uses the terms docs/glossary.md defines (the glossary stays the source)", () => {
    for (const lang of ["es", "en"] as const) {
      const w = PLAN_WORDS[lang];
      for (const term of [w.caregiversReached, w.weightedValue.replace(/ \(.*\)$/, ""), w.bound, w.quickBound])
        expect(glossary, `${lang}: ${term}`).toContain(term.toLowerCase());
    }
    expect(glossary).toContain(PLAN_WORDS.es.gap("X %").toLowerCase());
    expect(glossary).toContain("search-stopped");
  });
});
