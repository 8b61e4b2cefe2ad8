/**
 * The words of the exports, Spanish first: drivers and office staff read them. One table per
 * language, so adding one is adding a table.
 */

/** Languages the exports are written in. */
export type ExportLang = "es" | "en";

export const EXPORT_LANGS: readonly ExportLang[] = ["es", "en"];

/** Column headings of the visit table, in column order (see visitRows.ts). */
export const COLUMN_LABELS: Record<ExportLang, readonly string[]> = {
  es: [
    "fecha",
    "bus_id",
    "bus",
    "orden",
    "parada_id",
    "parada",
    "barrio",
    "llegada",
    "atencion_desde",
    "atencion_hasta",
    "salida",
    "minutos_desde_anterior",
    "cuidadoras",
  ],
  en: [
    "date",
    "bus_id",
    "bus",
    "order",
    "stop_id",
    "stop",
    "neighbourhood",
    "arrive",
    "serve_from",
    "serve_to",
    "leave",
    "travel_minutes_from_previous",
    "caregivers",
  ],
};

/** Words of the driver sheet. */
export const SHEET_TEXT: Record<
  ExportLang,
  {
    title: string;
    allVisits: string;
    depot: string;
    departure: string;
    return: string;
    lunch: string;
    stop: string;
    arrive: string;
    serve: string;
    leave: string;
    where: string;
    services: string;
    directions: string;
    map: string;
    minutesDriving: (n: number) => string;
  }
> = {
  es: {
    title: "Hoja de ruta",
    allVisits: "Visitas",
    depot: "Base",
    departure: "Salida de la base",
    return: "Regreso a la base",
    lunch: "Almuerzo",
    stop: "Parada",
    arrive: "Llega",
    serve: "Atiende",
    leave: "Sale",
    where: "Dónde",
    services: "Servicios",
    directions: "Indicaciones",
    map: "Recorrido",
    minutesDriving: (n) => `${n} min de manejo`,
  },
  en: {
    title: "Route sheet",
    allVisits: "Visits",
    depot: "Depot",
    departure: "Leaves the depot",
    return: "Back at the depot",
    lunch: "Lunch",
    stop: "Stop",
    arrive: "Arrives",
    serve: "Serves",
    leave: "Leaves",
    where: "Where",
    services: "Services",
    directions: "Directions",
    map: "Route",
    minutesDriving: (n) => `${n} min driving`,
  },
};

/** "martes, 1 de diciembre de 2026" / "Tuesday, December 1, 2026" for an ISO date. */
export function longDate(date: string, lang: ExportLang): string {
  // an ISO date is a calendar day: format it at noon UTC so no time zone shifts it
  return new Intl.DateTimeFormat(lang === "es" ? "es-CO" : "en-US", {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${date}T12:00:00Z`));
}
