/**
 * The words of the planner's change tools (pins, exclusions, re-planning, comparing, downloads),
 * Spanish first, English when the page is switched to English. A small table to fold into the
 * page's message catalogue.
 */
const TEXT = {
  es: {
    pin: "Fijar",
    unpin: "Quitar fijación",
    pinTitle: (stop: string, day: string) => `Fijar ${stop} el ${day} en este bus`,
    unpinTitle: (stop: string, day: string) => `Quitar la fijación de ${stop} el ${day}`,
    excludeDay: "Bus fuera de servicio este día",
    includeDay: "Volver a usar este bus este día",
    excludeStop: "No visitar esta parada",
    includeStop: "Volver a incluir esta parada",
    pinned: (stop: string, bus: string, day: string) => `${stop}: fija el ${day} (${bus})`,
    excludedStop: (stop: string) => `${stop}: no se visita`,
    excludedDay: (bus: string, day: string) => `${bus}: fuera de servicio el ${day}`,
    none: "Sin cambios: fije visitas en la semana o excluya paradas y días de bus.",
    remove: "Quitar",
    replanning: "Volviendo a planificar desde el plan en pantalla…",
    moved: (n: number) => (n === 1 ? "1 visita cambió de lugar" : `${n} visitas cambiaron de lugar`),
    whatMoved: "Qué cambió respecto al plan de partida",
    nowhere: "ya no se visita",
    isNew: "visita nueva",
    compareHeading: "Comparación",
    same: "Los dos planes son iguales.",
    value: "Valor",
    caregivers: "Cuidadoras alcanzadas",
    travel: "Minutos de manejo",
    added: "Paradas nuevas",
    removed: "Paradas que salen",
    needTwo: "Elija dos planes terminados.",
    plan: (id: string, value: number | null, created: string) =>
      `${created} · ${id.slice(0, 8)}${value === null ? "" : ` · valor ${Math.round(value)}`}`,
  },
  en: {
    pin: "Pin",
    unpin: "Unpin",
    pinTitle: (stop: string, day: string) => `Pin ${stop} on ${day} on this bus`,
    unpinTitle: (stop: string, day: string) => `Unpin ${stop} on ${day}`,
    excludeDay: "Bus out of service this day",
    includeDay: "Use this bus this day again",
    excludeStop: "Do not visit this stop",
    includeStop: "Include this stop again",
    pinned: (stop: string, bus: string, day: string) => `${stop}: pinned on ${day} (${bus})`,
    excludedStop: (stop: string) => `${stop}: not visited`,
    excludedDay: (bus: string, day: string) => `${bus}: out of service on ${day}`,
    none: "No changes: pin visits in the week or exclude stops and bus-days.",
    remove: "Remove",
    replanning: "Re-planning from the plan on show…",
    moved: (n: number) => (n === 1 ? "1 visit moved" : `${n} visits moved`),
    whatMoved: "What changed from the starting plan",
    nowhere: "no longer visited",
    isNew: "new visit",
    compareHeading: "Comparison",
    same: "The two plans are the same.",
    value: "Value",
    caregivers: "Caregivers reached",
    travel: "Driving minutes",
    added: "Stops added",
    removed: "Stops removed",
    needTwo: "Choose two finished plans.",
    plan: (id: string, value: number | null, created: string) =>
      `${created} · ${id.slice(0, 8)}${value === null ? "" : ` · value ${Math.round(value)}`}`,
  },
};

export type ChangesText = (typeof TEXT)["es"];

/** The table for the page's language. */
export function changesText(lang: "es" | "en"): ChangesText {
  return TEXT[lang];
}
