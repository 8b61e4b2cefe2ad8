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

/** Renders the grid into `container`; `onVisit` runs when a visit is chosen. */
export function renderWeekGrid(
  container: HTMLElement,
  index: PlanIndex,
  { t, locale }: Words,
  onVisit: (ref: VisitRef) => void,
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
        if (!route || route.visits.length === 0)
          return h("td", { class: "empty" }, h("span", { "aria-label": t.noRoute }, "—"));
        return h(
          "td",
          {},
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
