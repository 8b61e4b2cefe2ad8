/**
 * The plain words for what a plan achieves, in the order a planner reads them: people first
 * (caregivers reached), the weighted value the solver maximises second and labelled as such,
 * the bound as "the maximum possible", the gap as "at most X % below it", and why stops were
 * left out. The planner page's catalogue and the command-line summary both take them from
 * here, so they say the same thing; docs/glossary.md holds the full definitions.
 */
import type { Language } from "./locale.js";
import type { UnvisitedReason } from "./plan.js";

/** Words and short help texts about a plan's results, per language. */
export interface PlanWords {
  caregiversReached: string;
  caregiversReachedHelp: string;
  distinctPeople: (n: string) => string;
  weightedValue: string;
  weightedValueHelp: string;
  bound: string;
  boundHelp: string;
  quickBound: string;
  quickBoundHelp: string;
  gap: (percent: string) => string;
  gapHelp: string;
  optimal: string;
  visits: (visits: number, busDays: number) => string;
  driving: string;
  leftOut: string;
  byPriority: (bands: string) => string;
  /** a priority band's name, as the page's table and the summary say it */
  priorityBands: Record<"high" | "medium" | "low", string>;
  priorityBand: (band: string, reached: string, total: string) => string;
  reasons: Record<UnvisitedReason, string>;
  run: (iterations: string, seconds: string, seed: number) => string;
}

export const PLAN_WORDS: Readonly<Record<Language, PlanWords>> = {
  es: {
    caregiversReached: "Cuidadoras alcanzadas",
    caregiversReachedHelp:
      "Personas cuidadoras distintas que viven a una caminata corta de al menos una visita. Cada persona cuenta una sola vez.",
    distinctPeople: (n) => `${n} personas distintas`,
    weightedValue: "Valor ponderado (lo que el plan maximiza)",
    weightedValueHelp:
      "Cada persona cuenta por su peso de prioridad en su primera visita de la semana y menos en las siguientes; las zonas ya cubiertas por una Manzana del Cuidado cuentan menos.",
    bound: "Máximo posible",
    boundHelp: "Un valor ponderado que ningún plan puede superar con esta flota, estos turnos y estas paradas.",
    quickBound: "estimación rápida",
    quickBoundHelp:
      "El cálculo fino del máximo no terminó a tiempo: esta cota supone que cada parada recibe todas las visitas permitidas, así que queda muy por encima de lo alcanzable.",
    gap: (percent) => `a lo sumo ${percent} por debajo del máximo posible`,
    gapHelp: "Cuánto podría mejorar todavía el plan, en el peor de los casos.",
    optimal: "el plan es óptimo: ningún plan puede cubrir más",
    visits: (visits, busDays) => `${visits} visitas en ${busDays} días-bus`,
    driving: "Conducción",
    leftOut: "Paradas que quedaron por fuera",
    byPriority: (bands) => `Por banda de prioridad: ${bands}`,
    priorityBands: { high: "Prioridad alta", medium: "Prioridad media", low: "Prioridad baja" },
    priorityBand: (band, reached, total) => `${band} ${reached} de ${total}`,
    reasons: {
      "no-compatible-bus": "ningún bus es de un tipo que la parada acepte",
      "days-excluded": "ninguno de sus días es día de servicio de un bus que la pueda atender",
      "unreachable-in-shift": "ningún bus alcanza a llegar, atender y volver dentro de su turno",
      "windows-never-open": "sus horarios nunca coinciden con un bus disponible",
      "already-covered": "sus cuidadoras ya están cubiertas por otras visitas",
      "search-stopped": "la búsqueda se detuvo antes de llegar a ella (un bus aún podía atenderla)",
      "fleet-time": "a la flota no le alcanzó el tiempo: otras paradas valían más",
    },
    run: (iterations, seconds, seed) => `${iterations} iteraciones en ${seconds} s, semilla ${seed}`,
  },
  en: {
    caregiversReached: "Caregivers reached",
    caregiversReachedHelp:
      "Distinct caregivers who live within a short walk of at least one visit. Each person counts once.",
    distinctPeople: (n) => `${n} distinct people`,
    weightedValue: "Weighted value (what the plan maximises)",
    weightedValueHelp:
      "Each person counts by her priority weight for her first visit of the week and less for later ones; areas a Care Block already serves count less.",
    bound: "Maximum possible",
    boundHelp: "A weighted value no plan can exceed with this fleet, these shifts and these stops.",
    quickBound: "quick estimate",
    quickBoundHelp:
      "The fine calculation of the maximum did not finish in time: this bound assumes every stop gets every visit it may have, so it lies far above what is reachable.",
    gap: (percent) => `at most ${percent} below the maximum possible`,
    gapHelp: "How much the plan could still improve, at worst.",
    optimal: "the plan is optimal: no plan can cover more",
    visits: (visits, busDays) => `${visits} visits on ${busDays} bus-days`,
    driving: "Driving",
    leftOut: "Stops left out",
    byPriority: (bands) => `By priority band: ${bands}`,
    priorityBands: { high: "High priority", medium: "Medium priority", low: "Low priority" },
    priorityBand: (band, reached, total) => `${band} ${reached} of ${total}`,
    reasons: {
      "no-compatible-bus": "no bus is of a kind the stop accepts",
      "days-excluded": "none of its days is a service day of a bus that may serve it",
      "unreachable-in-shift": "no bus can get there, serve and return within its shift",
      "windows-never-open": "its opening hours never meet a free bus",
      "already-covered": "its caregivers are already covered by other visits",
      "search-stopped": "the search stopped before reaching it (a bus could still take it)",
      "fleet-time": "the fleet ran out of time: other stops were worth more",
    },
    run: (iterations, seconds, seed) => `${iterations} iterations in ${seconds} s, seed ${seed}`,
  },
};
