/**
 * The community page (/community): "when does the bus come to my stop?". Phone-first and in
 * Spanish by default. It searches stops by text or near a point (geolocation or a tap on the
 * map) through the stops API, which answers with each stop's next visits and feeds, so the
 * page never downloads the whole plan and opens fast.
 */
import "./styles/base.css";
import "./styles/community.css";
import L from "leaflet";
import { getJson, loadWebConfig } from "./shared/api.js";
import { createBaseMap } from "./shared/baseMap.js";
import { byId, h, replaceChildren } from "./shared/dom.js";
import { formatNumber } from "./shared/format.js";
import { shapeMarker } from "./shared/shapeMarker.js";
import { ZONE_STYLE } from "./shared/style.js";
import type { StopItem, StopsResponse } from "./shared/types.js";
import { initialLang, messages, type Lang } from "./community/messages.js";
import { renderStopCard } from "./community/stopCard.js";

const LANG_KEY = "carebus.lang";
/** How many stops the overview layer asks for (every stop of a city-sized plan). */
const OVERVIEW_LIMIT = 200;
/** Bogotá's centre: where the map opens before any search (the page is built for Bogotá). */
const START_VIEW: L.LatLngTuple = [4.65, -74.1];

let lang: Lang = initialLang(location.search, safeStorageGet(LANG_KEY));
let results: StopItem[] = [];
let selected: StopItem | null = null;
let statusKey: ((t: ReturnType<typeof messages>) => string) | null = null;

const status = byId("search-status");
const resultsList = byId("results");
const card = byId("stop-card");
const searchForm = byId<HTMLFormElement>("search-form");
const searchInput = byId<HTMLInputElement>("search-input");

function safeStorageGet(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Sets the status line from a message chooser, so it is re-worded on a language switch. */
function setStatus(chooser: ((t: ReturnType<typeof messages>) => string) | null, kind: "info" | "error" = "info"): void {
  statusKey = chooser;
  status.textContent = chooser ? chooser(messages(lang)) : "";
  status.classList.toggle("error", kind === "error");
}

function applyLanguage(): void {
  const t = messages(lang) as unknown as Record<string, unknown>;
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll<HTMLElement>("[data-i18n]")) {
    const text = t[el.dataset.i18n!];
    if (typeof text === "string") el.textContent = text;
  }
  for (const el of document.querySelectorAll<HTMLElement>("[data-i18n-placeholder]")) {
    const text = t[el.dataset.i18nPlaceholder!];
    if (typeof text === "string") el.setAttribute("placeholder", text);
  }
  for (const el of document.querySelectorAll<HTMLElement>("[data-i18n-label]")) {
    const text = t[el.dataset.i18nLabel!];
    if (typeof text === "string") el.setAttribute("aria-label", text);
  }
  const toggle = byId("lang-toggle");
  toggle.setAttribute("lang", lang === "es" ? "en" : "es");
  document.title = messages(lang).title;
  if (statusKey) status.textContent = statusKey(messages(lang));
  renderResults();
  if (selected) renderStopCard(card, selected, lang, cardHooks, false);
}

async function main(): Promise<void> {
  applyLanguage();
  const config = await loadWebConfig();
  const { map, renderer } = createBaseMap(byId("map"), config, messages(lang).mapLabel);
  map.setView(START_VIEW, 11);
  const overviewLayer = L.layerGroup().addTo(map);
  const resultLayer = L.layerGroup().addTo(map);
  let pointMarker: L.CircleMarker | null = null;

  const drawResults = (fit: boolean) => {
    resultLayer.clearLayers();
    for (const stop of results) {
      const zone = ZONE_STYLE[stop.zone];
      const isSelected = selected?.stopId === stop.stopId;
      shapeMarker([stop.lat, stop.lon], {
        renderer, shape: zone.shape, radius: isSelected ? 11 : 7, color: isSelected ? "#111827" : zone.colour, weight: isSelected ? 3 : 2, fillColor: zone.colour, fillOpacity: 0.8,
      })
        .bindTooltip(stop.name)
        .on("click", (event: L.LeafletMouseEvent) => {
          L.DomEvent.stopPropagation(event);
          void openStop(stop, true);
        })
        .addTo(resultLayer);
    }
    if (fit && results.length) {
      const bounds = L.latLngBounds(results.map((s) => [s.lat, s.lon] as L.LatLngTuple));
      if (pointMarker) bounds.extend(pointMarker.getLatLng());
      map.fitBounds(bounds, { padding: [24, 24], maxZoom: 16 });
    }
  };

  const openStop = async (stop: StopItem, focus: boolean) => {
    selected = stop;
    renderResults();
    renderStopCard(card, stop, lang, cardHooks, focus);
    drawResults(false);
    const url = new URL(location.href);
    url.searchParams.set("stop", stop.stopId);
    history.replaceState(null, "", url);
  };

  cardHooks.showOnMap = (stop) => {
    map.setView([stop.lat, stop.lon], 16);
    byId("map").scrollIntoView({ behavior: "smooth", block: "center" });
  };
  openFromList = (stop) => void openStop(stop, true);

  const showResults = (items: StopItem[], emptyMessage: (t: ReturnType<typeof messages>) => string, found: (t: ReturnType<typeof messages>) => string) => {
    results = items;
    selected = null;
    replaceChildren(card);
    renderResults();
    drawResults(true);
    setStatus(items.length ? found : emptyMessage);
    // One result is the answer: open it straight away.
    if (items.length === 1) void openStop(items[0]!, false);
  };

  const searchText = async (text: string) => {
    if (text.trim().length < 2) return setStatus((t) => t.typeSomething, "error");
    setStatus((t) => t.searching);
    pointMarker?.remove();
    pointMarker = null;
    try {
      const { stops: items } = await getJson<StopsResponse>(`/api/v1/stops?q=${encodeURIComponent(text.trim())}&limit=20`);
      showResults(items, (t) => t.noneFound, (t) => t.found(items.length));
    } catch {
      setStatus((t) => t.loadError, "error");
    }
  };

  const searchNear = async (lat: number, lon: number) => {
    setStatus((t) => t.searching);
    pointMarker?.remove();
    pointMarker = L.circleMarker([lat, lon], { renderer, radius: 6, color: "#111827", weight: 3, fillColor: "#facc15", fillOpacity: 1, interactive: false }).addTo(map);
    try {
      const { stops: items } = await getJson<StopsResponse>(`/api/v1/stops?near=${lat.toFixed(6)},${lon.toFixed(6)}&limit=5`);
      showResults(items, (t) => t.noneFound, (t) => `${t.nearPoint} ${t.found(items.length)}`);
    } catch {
      setStatus((t) => t.loadError, "error");
    }
  };

  searchForm.addEventListener("submit", (event) => {
    event.preventDefault();
    void searchText(searchInput.value);
  });
  map.on("click", (event: L.LeafletMouseEvent) => void searchNear(event.latlng.lat, event.latlng.lng));
  byId("near-centre").addEventListener("click", () => {
    const c = map.getCenter();
    void searchNear(c.lat, c.lng);
  });
  byId("near-me").addEventListener("click", () => {
    if (!("geolocation" in navigator)) return setStatus((t) => t.noGeolocation, "error");
    setStatus((t) => t.locating);
    navigator.geolocation.getCurrentPosition(
      (position) => void searchNear(position.coords.latitude, position.coords.longitude),
      () => setStatus((t) => t.geolocationDenied, "error"),
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 300_000 },
    );
  });

  // Every served stop as a small dot, fetched after the page is usable, so the map has context
  // and a stop can be picked on it directly.
  const loadOverview = async () => {
    const centre = map.getCenter();
    const { stops } = await getJson<StopsResponse>(`/api/v1/stops?near=${centre.lat.toFixed(6)},${centre.lng.toFixed(6)}&limit=${OVERVIEW_LIMIT}`);
    for (const stop of stops) {
      const zone = ZONE_STYLE[stop.zone];
      shapeMarker([stop.lat, stop.lon], { renderer, shape: zone.shape, radius: 4, color: zone.colour, weight: 1, fillColor: "#ffffff", fillOpacity: 1 })
        .bindTooltip(stop.name)
        .on("click", (event: L.LeafletMouseEvent) => {
          L.DomEvent.stopPropagation(event);
          results = [{ ...stop }];
          delete results[0]!.distanceKm;
          drawResults(false);
          void openStop(results[0]!, true);
        })
        .addTo(overviewLayer);
    }
    if (stops.length && results.length === 0) map.fitBounds(L.latLngBounds(stops.map((s) => [s.lat, s.lon] as L.LatLngTuple)), { padding: [16, 16] });
  };

  const stopParam = new URLSearchParams(location.search).get("stop");
  if (stopParam) {
    try {
      const stop = await getJson<StopItem>(`/api/v1/stops/${encodeURIComponent(stopParam)}`);
      results = [stop];
      drawResults(true);
      await openStop(stop, false);
    } catch {
      setStatus((t) => t.noneFound, "error");
    }
  }
  // The overview is a nicety: without it the page still searches and answers.
  await loadOverview().catch(() => undefined);
}

const cardHooks = {
  showOnMap: (_stop: StopItem) => {},
  announce: (text: string) => {
    byId("card-status").textContent = text;
  },
};
let openFromList: (stop: StopItem) => void = () => {};

function renderResults(): void {
  const t = messages(lang);
  if (results.length <= 1) {
    replaceChildren(resultsList);
    return;
  }
  replaceChildren(
    resultsList,
    h("h2", { class: "small-heading" }, t.results),
    h(
      "ul",
      { class: "result-list" },
      ...results.map((stop) =>
        h(
          "li",
          {},
          h(
            "button",
            { type: "button", class: "result", "aria-current": selected?.stopId === stop.stopId ? "true" : false, onclick: () => openFromList(stop) },
            h("span", { class: "result-name" }, stop.name),
            h("span", { class: "result-place" }, [stop.neighbourhood, stop.locality].filter(Boolean).join(" · ")),
            stop.distanceKm !== undefined ? h("span", { class: "result-distance" }, `${formatNumber(stop.distanceKm, lang, 2)} km`) : null,
          ),
        ),
      ),
    ),
  );
}

byId("lang-toggle").addEventListener("click", () => {
  lang = lang === "es" ? "en" : "es";
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    // Storage disabled: the choice lasts for this page view.
  }
  applyLanguage();
});

main().catch(() => setStatus((t) => t.loadError, "error"));
