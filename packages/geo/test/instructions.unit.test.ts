import { describe, expect, it } from "vitest";
import { instructionText, type ManeuverStep } from "@carebus/geo";

const step = (maneuver: Partial<ManeuverStep["maneuver"]> & { type: string }, name = ""): ManeuverStep => ({
  maneuver: { bearing_before: 0, bearing_after: 0, location: [-74.08, 4.6], ...maneuver },
  name,
  distance: 100,
  duration: 20,
  mode: "driving",
});

describe("instruction text", () => {
  const cases: Array<[string, ManeuverStep, string, string]> = [
    [
      "depart north",
      step({ type: "depart", bearing_after: 0 }, "Carrera 7"),
      "Head north on Carrera 7",
      "Dirígete al norte por Carrera 7",
    ],
    [
      "turn left",
      step({ type: "turn", modifier: "left" }, "Calle 26"),
      "Turn left onto Calle 26",
      "Gira a la izquierda por Calle 26",
    ],
    [
      "turn sharp right",
      step({ type: "turn", modifier: "sharp right" }, "Avenida Boyacá"),
      "Make a sharp right onto Avenida Boyacá",
      "Gira cerrada a la derecha por Avenida Boyacá",
    ],
    [
      "new name",
      step({ type: "new name", modifier: "straight" }, "Calle 13"),
      "Continue onto Calle 13",
      "Continúa por Calle 13",
    ],
    [
      "roundabout",
      step({ type: "roundabout", modifier: "right", exit: 3 }, "Autopista Sur"),
      "Enter the roundabout and take the 3rd exit onto Autopista Sur",
      "Entra en la rotonda y toma la 3ª salida por Autopista Sur",
    ],
  ];
  for (const [what, s, en, es] of cases) {
    it(`says "${what}" in English and Spanish (es-ES)`, () => {
      expect(instructionText("en", s, 0, 1)).toBe(en);
      expect(instructionText("es", s, 0, 1)).toBe(es);
    });
  }

  it("names the stop on arrival, and says which side it is on", () => {
    const arrive = step({ type: "arrive", modifier: "right" });
    expect(instructionText("en", arrive, 0, 2, "Parque El Porvenir")).toBe(
      "You have arrived at Parque El Porvenir, on the right",
    );
    expect(instructionText("es", arrive, 0, 2, "Parque El Porvenir")).toBe(
      "Has llegado a Parque El Porvenir, a la derecha",
    );
  });
});
