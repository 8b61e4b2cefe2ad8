/**
 * One stop as a caregiver needs it: where it is, the next visit dates and hours, the services
 * on the bus, how to get there, and the calendar subscription (webcal link, .ics download and
 * a copyable link). Built from the stops API item only, so it needs no plan download.
 */
import { h, replaceChildren } from "../shared/dom.js";
import { clockOf, formatDate, formatNumber } from "../shared/format.js";
import type { StopItem } from "../shared/types.js";
import { serviceLabel } from "@carebus/model/serviceLabels";
import { messages, type Lang } from "./messages.js";

/** Walking pace and street detour used for the "minutes on foot" hint (4.5 km/h, ×1.3). */
const WALK_KMH = 4.5;
const STREET_DETOUR = 1.3;

/** Minutes on foot for a straight-line distance in km (rounded up, at least 1). */
export function walkingMinutes(km: number): number {
  return Math.max(1, Math.ceil(((km * STREET_DETOUR) / WALK_KMH) * 60));
}

/** Visits shown before "show all": enough for the next few weeks without a long scroll on a phone. */
const FIRST_VISITS = 6;

function visitItem(v: StopItem["nextVisits"][number], locale: string): HTMLLIElement {
  return h(
    "li",
    {},
    h("time", { datetime: v.date, class: "visit-date" }, formatDate(v.date, locale, "long")),
    h("span", { class: "visit-hours" }, `${clockOf(v.start)} – ${clockOf(v.end)}`),
  );
}

function visitList(stop: StopItem, lang: Lang, locale: string): HTMLElement {
  const first = stop.nextVisits.slice(0, FIRST_VISITS);
  const rest = stop.nextVisits.slice(FIRST_VISITS);
  return h(
    "div",
    { id: "next-visits" },
    h("ul", { class: "visits" }, ...first.map((v) => visitItem(v, locale))),
    rest.length
      ? h(
          "details",
          { class: "more-visits" },
          h("summary", {}, messages(lang).allVisits(stop.nextVisits.length)),
          h("ul", { class: "visits" }, ...rest.map((v) => visitItem(v, locale))),
        )
      : null,
  );
}

/** A message chosen by language, so the page can re-word it when the language changes. */
export type Say = (t: ReturnType<typeof messages>) => string;

/** What the card can ask of the page. */
export interface StopCardHooks {
  showOnMap(stop: StopItem): void;
  announce(say: Say): void;
}

/**
 * Renders `stop` into `container` in `lang`, dates and numbers in `locale`; focuses the card
 * heading when `focus` is set.
 */
export function renderStopCard(
  container: HTMLElement,
  stop: StopItem,
  lang: Lang,
  locale: string,
  hooks: StopCardHooks,
  focus: boolean,
): void {
  const t = messages(lang);
  const icsUrl = new URL(stop.feeds.ics, location.href).href;
  const webcalUrl = stop.feeds.webcal.startsWith("webcal:") ? stop.feeds.webcal : icsUrl.replace(/^https?:/, "webcal:");
  const heading = h("h2", { id: "stop-card-heading", tabindex: "-1" }, stop.name);
  const place = [stop.neighbourhood, stop.locality ? `${t.locality} ${stop.locality}` : null, t.zone[stop.zone]]
    .filter(Boolean)
    .join(" · ");
  const linkField = h("input", { id: "calendar-link", type: "text", readonly: true, value: icsUrl });

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(icsUrl);
      hooks.announce((w) => w.copied);
    } catch {
      linkField.focus();
      linkField.select();
      hooks.announce((w) => w.copyFailed);
    }
  };

  replaceChildren(
    container,
    heading,
    h("p", { class: "place" }, place),
    stop.address ? h("p", { class: "address", id: "stop-address" }, `${t.address}: ${stop.address}`) : null,
    h("h3", {}, t.nextVisits),
    stop.nextVisits.length ? visitList(stop, lang, locale) : h("p", { id: "next-visits" }, t.noVisits),
    h("p", { class: "muted small" }, t.holidaysNote),
    h("h3", {}, t.services),
    stop.services?.length
      ? h("ul", { class: "services" }, ...stop.services.map((s) => h("li", {}, serviceLabel(s, lang))))
      : h("p", {}, t.noServices),
    h("h3", {}, t.howToGet),
    stop.distanceKm !== undefined
      ? h("p", {}, t.distanceFromYou(formatNumber(stop.distanceKm, locale, 2), walkingMinutes(stop.distanceKm)))
      : null,
    h("p", { class: "muted small" }, `${t.coordinates}: ${stop.lat.toFixed(5)}, ${stop.lon.toFixed(5)}`),
    h(
      "div",
      { class: "actions" },
      h("button", { type: "button", class: "secondary", onclick: () => hooks.showOnMap(stop) }, t.showOnMap),
      h("a", { class: "button secondary", href: `geo:${stop.lat},${stop.lon}` }, t.openMapApp),
      h(
        "a",
        {
          class: "button secondary",
          href: `https://www.openstreetmap.org/?mlat=${stop.lat}&mlon=${stop.lon}#map=17/${stop.lat}/${stop.lon}`,
          rel: "noopener",
          target: "_blank",
        },
        t.openOsm,
      ),
    ),
    h("h3", {}, t.subscribe),
    h("p", { class: "muted small" }, t.subscribeHelp),
    h(
      "div",
      { class: "actions" },
      h("a", { class: "button primary", id: "subscribe-link", href: webcalUrl }, t.subscribe),
      h(
        "a",
        { class: "button secondary", id: "download-link", href: icsUrl, download: `${stop.stopId}.ics` },
        t.download,
      ),
      h("button", { type: "button", class: "secondary", id: "copy-link", onclick: () => void copy() }, t.copyLink),
    ),
    h("label", { for: "calendar-link", class: "small" }, t.calendarLink),
    linkField,
  );
  if (focus) heading.focus();
}
