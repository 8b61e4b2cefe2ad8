/**
 * The community page's words in Spanish (the default: the page is for Bogotá's caregivers)
 * and English. Keys are shared by the static HTML (data-i18n attributes) and the script;
 * services are named by the model's one table (serviceLabel).
 */

import type { Lang } from "../shared/language.js";

export type { Lang } from "../shared/language.js";

const es = {
  title: "¿Cuándo llega el bus del cuidado?",
  intro: "Busca tu parada para ver los próximos días y horas de visita, los servicios y cómo llegar.",
  langToggle: "English",
  langToggleLabel: "Read this page in English",
  searchLabel: "Busca tu parada por nombre, barrio o localidad",
  searchPlaceholder: "p. ej. el nombre de tu barrio o localidad",
  searchExample: (places: string) => `p. ej. ${places}`,
  searchButton: "Buscar",
  nearMe: "Cerca de mí",
  nearCentre: "Paradas cerca del centro del mapa",
  mapHint: "También puedes tocar el mapa para ver las paradas más cercanas a ese punto.",
  mapLabel: "Mapa de paradas. Toca un punto para buscar las paradas cercanas.",
  mapNoTiles: "Mapa de carebus sin mapa de fondo (no hay uno configurado)",
  searching: "Buscando…",
  found: (n: number) => (n === 1 ? "1 parada encontrada." : `${n} paradas encontradas.`),
  noneFound: "No encontramos paradas. Prueba con otro nombre, barrio o localidad.",
  typeSomething: "Escribe al menos dos letras.",
  locating: "Buscando tu ubicación…",
  noGeolocation: "Tu navegador no comparte la ubicación. Toca el mapa cerca de donde estás.",
  geolocationDenied: "No pudimos obtener tu ubicación. Toca el mapa cerca de donde estás.",
  nearPoint: "Paradas más cercanas al punto elegido.",
  results: "Resultados",
  nextVisits: "Próximas visitas",
  allVisits: (n: number) => `Ver todas las visitas (${n})`,
  noVisits: "No hay visitas programadas en las próximas semanas.",
  holidaysNote: "Los festivos no hay servicio; esas fechas ya no aparecen.",
  services: "Servicios",
  noServices: "Servicios por confirmar.",
  howToGet: "Cómo llegar",
  distanceFromYou: (km: string, min: number) => `A ${km} km del punto elegido (unos ${min} min a pie).`,
  showOnMap: "Ver en el mapa",
  openMapApp: "Abrir en la app de mapas",
  openOsm: "Abrir en OpenStreetMap",
  coordinates: "Coordenadas",
  subscribe: "Suscribirme al calendario",
  subscribeHelp: "Tu calendario se actualizará solo si cambian las visitas.",
  download: "Descargar .ics",
  copyLink: "Copiar enlace del calendario",
  copied: "Enlace copiado.",
  copyFailed: "No se pudo copiar; selecciona el enlace y cópialo.",
  calendarLink: "Enlace del calendario",
  zone: { urban: "zona urbana", rural: "zona rural" },
  locality: "Localidad",
  neighbourhood: "Barrio",
  address: "Dónde",
  bus: "Bus",
  loadError: "No pudimos cargar la información. Intenta de nuevo en un momento.",
  footer: "Horarios del plan publicado por la Secretaría. Pueden cambiar; suscríbete para recibir los cambios.",
  planner: "Página de planeación",
};

type Messages = typeof es;

const en: Messages = {
  title: "When does the care bus come?",
  intro: "Find your stop to see the next visit days and hours, the services and how to get there.",
  langToggle: "Español",
  langToggleLabel: "Ver esta página en español",
  searchLabel: "Find your stop by name, neighbourhood or locality",
  searchPlaceholder: "e.g. the name of your neighbourhood or locality",
  searchExample: (places: string) => `e.g. ${places}`,
  searchButton: "Search",
  nearMe: "Near me",
  nearCentre: "Stops near the map centre",
  mapHint: "You can also tap the map to see the stops nearest to that point.",
  mapLabel: "Map of stops. Tap a point to find the nearest stops.",
  mapNoTiles: "carebus map without a background map (none configured)",
  searching: "Searching…",
  found: (n: number) => (n === 1 ? "1 stop found." : `${n} stops found.`),
  noneFound: "No stops found. Try another name, neighbourhood or locality.",
  typeSomething: "Type at least two letters.",
  locating: "Finding your location…",
  noGeolocation: "Your browser does not share your location. Tap the map near where you are.",
  geolocationDenied: "We could not get your location. Tap the map near where you are.",
  nearPoint: "Stops nearest to the chosen point.",
  results: "Results",
  nextVisits: "Next visits",
  allVisits: (n: number) => `Show all visits (${n})`,
  noVisits: "No visits are scheduled in the coming weeks.",
  holidaysNote: "There is no service on public holidays; those dates are already left out.",
  services: "Services",
  noServices: "Services to be confirmed.",
  howToGet: "How to get there",
  distanceFromYou: (km: string, min: number) => `${km} km from the chosen point (about ${min} min on foot).`,
  showOnMap: "Show on the map",
  openMapApp: "Open in your maps app",
  openOsm: "Open in OpenStreetMap",
  coordinates: "Coordinates",
  subscribe: "Subscribe to the calendar",
  subscribeHelp: "Your calendar updates by itself when visits change.",
  download: "Download .ics",
  copyLink: "Copy the calendar link",
  copied: "Link copied.",
  copyFailed: "Could not copy; select the link and copy it.",
  calendarLink: "Calendar link",
  zone: { urban: "urban area", rural: "rural area" },
  locality: "Locality",
  neighbourhood: "Neighbourhood",
  address: "Where",
  bus: "Bus",
  loadError: "We could not load the information. Please try again in a moment.",
  footer: "Times from the plan published by the city. They may change; subscribe to get the changes.",
  planner: "Planner page",
};

/** The messages of a language. */
export function messages(lang: Lang): Messages {
  return lang === "en" ? en : es;
}

/** Both languages, for the test that keeps their keys equal. */
export const COMMUNITY_CATALOGUE: Readonly<Record<Lang, Messages>> = { es, en };
