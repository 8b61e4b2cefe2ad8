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
import { createBaseMap, type MapWords } from "./shared/baseMap.js";
import { byId, h, replaceChildren } from "./shared/dom.js";
import { displayLocale, formatNumber } from "./shared/format.js";
import { applyStaticTexts, initialLang, rememberLang, storedLang } from "./shared/language.js";
import { shapeMarker } from "./shared/shapeMarker.js";
import { ZONE_STYLE } from "./shared/style.js";
import type { StopItem, StopsResponse } from "./shared/types.js";
import { messages, type Lang } from "./community/messages.js";
import { searchExamples } from "./community/searchExamples.js";
import { renderStopCard, type Say, type StopCardHooks } from "./community/stopCard.js";

/** How many stops the overview layer asks for (every stop of a city-sized plan). */
const OVERVIEW_LIMIT = 200;
/** Bogotá's centre: where the map opens before any search (the page is built for Bogotá). */
const START_VIEW: L.LatLngTuple = [4.65, -74.1];

/** The page's state and behaviour; one instance per page load. */
class CommunityPage {
  private lang: Lang = initialLang(location.search, storedLang());
  /** the published scenario's locale (es-CO unless the server says otherwise) */
  private scenarioLocale: string | null = null;
  /** neighbourhoods and localities of served stops, to suggest searches that find something */
  private examples: string[] = [];
  private results: StopItem[] = [];
  private selected: StopItem | null = null;
  private statusText: Say | null = null;
  /** what the stop card last announced ("link copied"), re-worded on a language switch */
  private cardStatus: Say | null = null;
  private readonly status = byId("search-status");
  private readonly resultsList = byId("results");
  private readonly card = byId("stop-card");
  private readonly resultLayer = L.layerGroup();
  private readonly overviewLayer = L.layerGroup();
  private map: L.Map | null = null;
  private renderer: L.Canvas | null = null;
  /** rewrites the map's name and note in the page's language (set once the map exists) */
  private setMapWords: ((words: MapWords) => void) | null = null;
  private pointMarker: L.CircleMarker | null = null;
  private readonly cardHooks: StopCardHooks = {
    showOnMap: (stop) => {
      this.map?.setView([stop.lat, stop.lon], 16);
      byId("map").scrollIntoView({ behavior: "smooth", block: "center" });
    },
    announce: (say) => {
      this.cardStatus = say;
      byId("card-status").textContent = say(messages(this.lang));
    },
  };

  /** Wires the controls, draws the map and answers a ?stop= link. */
  async start(): Promise<void> {
    this.applyLanguage();
    byId("lang-toggle").addEventListener("click", () => this.toggleLanguage());
    const searchInput = byId<HTMLInputElement>("search-input");
    byId<HTMLFormElement>("search-form").addEventListener("submit", (event) => {
      event.preventDefault();
      void this.searchText(searchInput.value);
    });
    byId("near-me").addEventListener("click", () => this.searchNearMe());

    const config = await loadWebConfig();
    const words = messages(this.lang);
    const { map, renderer, setWords } = createBaseMap(byId("map"), config, {
      label: words.mapLabel,
      noTiles: words.mapNoTiles,
    });
    this.setMapWords = setWords;
    this.map = map;
    this.renderer = renderer;
    map.setView(START_VIEW, 11);
    this.overviewLayer.addTo(map);
    this.resultLayer.addTo(map);
    map.on("click", (event: L.LeafletMouseEvent) => void this.searchNear(event.latlng.lat, event.latlng.lng));
    byId("near-centre").addEventListener("click", () => {
      const c = map.getCenter();
      void this.searchNear(c.lat, c.lng);
    });

    const stopParam = new URLSearchParams(location.search).get("stop");
    if (stopParam) {
      try {
        const stop = await getJson<StopItem>(`/api/v1/stops/${encodeURIComponent(stopParam)}`);
        this.results = [stop];
        this.drawResults(true);
        this.openStop(stop, false);
      } catch {
        this.setStatus((t) => t.noneFound, "error");
      }
    }
    // The overview is a nicety: without it the page still searches and answers.
    await this.loadOverview().catch(() => undefined);
  }

  private setStatus(say: Say | null, kind: "info" | "error" = "info"): void {
    this.statusText = say;
    this.status.textContent = say ? say(messages(this.lang)) : "";
    this.status.classList.toggle("error", kind === "error");
  }

  private get locale(): string {
    return displayLocale(this.lang, this.selected?.locale ?? this.scenarioLocale ?? "es-CO");
  }

  private toggleLanguage(): void {
    this.lang = this.lang === "es" ? "en" : "es";
    rememberLang(this.lang);
    this.applyLanguage();
  }

  /** The search box suggests places that served stops really carry, or none at all. */
  private syncPlaceholder(): void {
    const t = messages(this.lang);
    const input = byId<HTMLInputElement>("search-input");
    input.placeholder = this.examples.length ? t.searchExample(this.examples.join(", ")) : t.searchPlaceholder;
  }

  /** Rewrites every text of the page in the current language. */
  private applyLanguage(): void {
    const words = messages(this.lang);
    applyStaticTexts(words, this.lang);
    this.syncPlaceholder();
    document.title = words.title;
    this.setMapWords?.({ label: words.mapLabel, noTiles: words.mapNoTiles });
    if (this.statusText) this.status.textContent = this.statusText(words);
    if (this.cardStatus) byId("card-status").textContent = this.cardStatus(words);
    this.renderResults();
    if (this.selected) renderStopCard(this.card, this.selected, this.lang, this.locale, this.cardHooks, false);
  }

  private renderResults(): void {
    const t = messages(this.lang);
    if (this.results.length <= 1) {
      replaceChildren(this.resultsList);
      return;
    }
    replaceChildren(
      this.resultsList,
      h("h2", { class: "small-heading" }, t.results),
      h(
        "ul",
        { class: "result-list" },
        ...this.results.map((stop) =>
          h(
            "li",
            {},
            h(
              "button",
              {
                type: "button",
                class: "result",
                "aria-current": this.selected?.stopId === stop.stopId ? "true" : false,
                onclick: () => this.openStop(stop, true),
              },
              h("span", { class: "result-name" }, stop.name),
              h("span", { class: "result-place" }, [stop.neighbourhood, stop.locality].filter(Boolean).join(" · ")),
              stop.distanceKm !== undefined
                ? h("span", { class: "result-distance" }, `${formatNumber(stop.distanceKm, this.locale, 2)} km`)
                : null,
            ),
          ),
        ),
      ),
    );
  }

  private drawResults(fit: boolean): void {
    const { map, renderer } = this;
    if (!map || !renderer) return;
    this.resultLayer.clearLayers();
    for (const stop of this.results) {
      const zone = ZONE_STYLE[stop.zone];
      const isSelected = this.selected?.stopId === stop.stopId;
      shapeMarker([stop.lat, stop.lon], {
        renderer,
        shape: zone.shape,
        radius: isSelected ? 11 : 7,
        color: isSelected ? "#111827" : zone.colour,
        weight: isSelected ? 3 : 2,
        fillColor: zone.colour,
        fillOpacity: 0.8,
      })
        .bindTooltip(stop.name)
        .on("click", (event: L.LeafletMouseEvent) => {
          L.DomEvent.stopPropagation(event);
          this.openStop(stop, true);
        })
        .addTo(this.resultLayer);
    }
    if (fit && this.results.length) {
      const bounds = L.latLngBounds(this.results.map((s) => [s.lat, s.lon] as L.LatLngTuple));
      if (this.pointMarker) bounds.extend(this.pointMarker.getLatLng());
      map.fitBounds(bounds, { padding: [24, 24], maxZoom: 15 });
    }
  }

  private openStop(stop: StopItem, focus: boolean): void {
    // "link copied" was about the stop shown before
    if (this.selected?.stopId !== stop.stopId) {
      this.cardStatus = null;
      byId("card-status").textContent = "";
    }
    this.selected = stop;
    this.renderResults();
    renderStopCard(this.card, stop, this.lang, this.locale, this.cardHooks, focus);
    this.drawResults(false);
    const url = new URL(location.href);
    url.searchParams.set("stop", stop.stopId);
    history.replaceState(null, "", url);
  }

  private showResults(items: StopItem[], found: Say): void {
    this.results = items;
    this.selected = null;
    replaceChildren(this.card);
    this.renderResults();
    this.drawResults(true);
    this.setStatus(items.length ? found : (t) => t.noneFound);
    // One result is the answer: open it straight away.
    if (items.length === 1) this.openStop(items[0]!, false);
  }

  private async searchText(text: string): Promise<void> {
    if (text.trim().length < 2) return this.setStatus((t) => t.typeSomething, "error");
    this.setStatus((t) => t.searching);
    this.pointMarker?.remove();
    this.pointMarker = null;
    try {
      const { stops } = await getJson<StopsResponse>(`/api/v1/stops?q=${encodeURIComponent(text.trim())}&limit=20`);
      this.showResults(stops, (t) => t.found(stops.length));
    } catch {
      this.setStatus((t) => t.loadError, "error");
    }
  }

  private async searchNear(lat: number, lon: number): Promise<void> {
    if (!this.map || !this.renderer) return;
    this.setStatus((t) => t.searching);
    this.pointMarker?.remove();
    this.pointMarker = L.circleMarker([lat, lon], {
      renderer: this.renderer,
      radius: 6,
      color: "#111827",
      weight: 3,
      fillColor: "#facc15",
      fillOpacity: 1,
      interactive: false,
    }).addTo(this.map);
    try {
      const { stops } = await getJson<StopsResponse>(`/api/v1/stops?near=${lat.toFixed(6)},${lon.toFixed(6)}&limit=5`);
      this.showResults(stops, (t) => `${t.nearPoint} ${t.found(stops.length)}`);
    } catch {
      this.setStatus((t) => t.loadError, "error");
    }
  }

  private searchNearMe(): void {
    if (!("geolocation" in navigator)) {
      this.setStatus((t) => t.noGeolocation, "error");
      return;
    }
    this.setStatus((t) => t.locating);
    navigator.geolocation.getCurrentPosition(
      (position) => void this.searchNear(position.coords.latitude, position.coords.longitude),
      () => this.setStatus((t) => t.geolocationDenied, "error"),
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 300_000 },
    );
  }

  /** Every served stop as a small dot, so the map has context and a stop can be picked on it. */
  private async loadOverview(): Promise<void> {
    const { map, renderer } = this;
    if (!map || !renderer) return;
    const centre = map.getCenter();
    const { stops, locale } = await getJson<StopsResponse>(
      `/api/v1/stops?near=${centre.lat.toFixed(6)},${centre.lng.toFixed(6)}&limit=${OVERVIEW_LIMIT}`,
    );
    this.scenarioLocale = locale ?? null;
    this.examples = searchExamples(stops);
    this.syncPlaceholder();
    for (const stop of stops) {
      const zone = ZONE_STYLE[stop.zone];
      // The distance is from the map centre, meaningless to the person: drop it.
      const { distanceKm: _fromCentre, ...item } = stop;
      shapeMarker([stop.lat, stop.lon], {
        renderer,
        shape: zone.shape,
        radius: 4,
        color: zone.colour,
        weight: 1,
        fillColor: "#ffffff",
        fillOpacity: 1,
      })
        .bindTooltip(stop.name)
        .on("click", (event: L.LeafletMouseEvent) => {
          L.DomEvent.stopPropagation(event);
          this.results = [item];
          this.drawResults(false);
          this.openStop(item, true);
        })
        .addTo(this.overviewLayer);
    }
    if (stops.length && this.results.length === 0)
      map.fitBounds(L.latLngBounds(stops.map((s) => [s.lat, s.lon] as L.LatLngTuple)), { padding: [16, 16] });
  }
}

const page = new CommunityPage();
page.start().catch(() => {
  const status = byId("search-status");
  status.textContent = messages(document.documentElement.lang === "en" ? "en" : "es").loadError;
  status.classList.add("error");
});
