/**
 * The week as a table: one row per bus, one column per service date, each cell listing the
 * bus-day's visits with their service times. Every visit is a button, so the whole plan can
 * be walked with the keyboard and a visit opens its stop's details.
 */
import { h, replaceChildren } from "../shared/dom.js";
import { clockOf, formatDate, formatNumber } from "../shared/format.js";
import { busColour } from "../shared/style.js";
import type { PlanRoute } from "../shared/types.js";
import { stopName, type PlanIndex, type VisitRef } from "./planIndex.js";
import type { Words } from "./words.js";
import type { ChangesPanel, Pin } from "./changesPanel.js";
import type { ChangesText } from "./messages.js";

/** The pin toggle of one visit (also used in the stop details). */
export function pinButton(
  changes: ChangesPanel,
  text: ChangesText,
  pin: Pin,
  name: string,
  locale: string,
): HTMLButtonElement {
  const pinned = changes.isPinned(pin);
  const day = formatDate(pin.date, locale);
  return h(
    "button",
    {
      type: "button",
      class: "pin",
      "aria-pressed": String(pinned),
      "data-stop-id": pin.stopId,
      "data-bus-id": pin.busId,
      "data-date": pin.date,
      title: pinned ? text.unpinTitle(name, day) : text.pinTitle(name, day),
      "aria-label": pinned ? text.unpinTitle(name, day) : text.pinTitle(name, day),
      onclick: () => changes.togglePin(pin),
    },
    pinned ? `📌 ${text.unpin}` : text.pin,
  );
}

/**
 * Renders the grid into `container`; `onVisit` runs when a visit is chosen. Each visit has a
 * pin toggle and each bus-day an out-of-service toggle, kept in `changes`.
 */
export function renderWeekGrid(
  container: HTMLElement,
  index: PlanIndex,
  { t, locale }: Words,
  onVisit: (ref: VisitRef) => void,
  changes: ChangesPanel,
  text: ChangesText,
): void {
  const { plan, scenario } = index.loaded;
  const dates = plan.dates.length ? plan.dates : [...new Set(plan.routes.map((r) => r.date))].sort();
  const routes = new Map<string, PlanRoute>(plan.routes.map((r) => [`${r.busId}|${r.date}`, r]));
  const head = h(
    "tr",
    {},
    h("th", { scope: "col" }, t.bus),
    ...dates.map((d) => h("th", { scope: "col" }, h("time", { datetime: d }, formatDate(d, locale)))),
  );
  const rows = scenario.buses.map((bus, busIdx) =>
    h(
      "tr",
      {},
      h(
        "th",
        { scope: "row" },
        h("span", { class: "swatch", style: `background:${busColour(busIdx)}`, "aria-hidden": "true" }),
        bus.name || bus.id,
      ),
      ...dates.map((date) => {
        const route = routes.get(`${bus.id}|${date}`);
        const excluded = changes.isExcludedDay(bus.id, date);
        const dayToggle = h(
          "button",
          {
            type: "button",
            class: "link exclude-day",
            "aria-pressed": String(excluded),
            "data-bus-id": bus.id,
            "data-date": date,
            onclick: () => changes.toggleDay(bus.id, date),
          },
          excluded ? text.includeDay : text.excludeDay,
        );
        if (!route || route.visits.length === 0)
          return h("td", { class: "empty" }, h("span", { "aria-label": t.noRoute }, "—"), " ", dayToggle);
        return h(
          "td",
          excluded ? { class: "excluded" } : {},
          dayToggle,
          h(
            "div",
            { class: "route-meta" },
            `${clockOf(route.departure)}–${clockOf(route.return)} · ${formatNumber(route.km, locale)} km`,
          ),
          h(
            "ol",
            { class: "visits" },
            ...route.visits.map((visit, i) =>
              h(
                "li",
                {},
                h(
                  "button",
                  {
                    type: "button",
                    class: "visit",
                    "data-stop-id": visit.stopId,
                    onclick: () => onVisit({ route, visit, index: i }),
                  },
                  h("span", { class: "visit-time" }, `${clockOf(visit.serviceStart)}–${clockOf(visit.serviceEnd)}`),
                  " ",
                  stopName(index, visit.stopId),
                ),
                pinButton(
                  changes,
                  text,
                  { stopId: visit.stopId, busId: bus.id, date },
                  stopName(index, visit.stopId),
                  locale,
                ),
              ),
            ),
          ),
        );
      }),
    ),
  );
  replaceChildren(
    container,
    h(
      "table",
      { class: "week-grid" },
      h("caption", {}, t.weekCaption(plan.routes.length, plan.totals.visits)),
      h("thead", {}, head),
      h("tbody", {}, ...rows),
    ),
  );
}
