/**
 * What the plan on show achieves and what it leaves out: the headline figures, the bound and
 * the gap (how far from the best possible the plan may still be), coverage per zone, priority
 * band and locality, and the stops not visited with the solver's reason.
 */
import { h, replaceChildren } from "../shared/dom.js";
import { formatMinutes, formatNumber, formatPercent } from "../shared/format.js";
import { ZONE_STYLE } from "../shared/style.js";
import { UNVISITED_REASON_LABEL } from "./stopDetails.js";
import { stopName, type PlanIndex } from "./planIndex.js";

const PRIORITY_LABEL = { high: "High priority", medium: "Medium priority", low: "Low priority" } as const;

/** Renders the coverage figures and the left-out stops; `onStop` opens a stop's details. */
export function renderCoverage(
  summary: HTMLElement,
  leftOut: HTMLElement,
  index: PlanIndex,
  onStop: (stopId: string) => void,
): void {
  const { plan } = index.loaded;
  const t = plan.totals;
  const localities = [...t.byLocality].sort((a, b) => b.caregivers - a.caregivers);
  replaceChildren(
    summary,
    h(
      "dl",
      { class: "figures" },
      h("div", {}, h("dt", {}, "Objective value"), h("dd", { id: "figure-value" }, formatNumber(t.value))),
      h("div", {}, h("dt", {}, "Caregivers reached"), h("dd", {}, formatNumber(t.caregiversReached, "en", 0))),
      h("div", {}, h("dt", {}, "Upper bound"), h("dd", {}, formatNumber(plan.stats.bound))),
      h("div", {}, h("dt", {}, "Gap to bound"), h("dd", {}, formatPercent(plan.stats.gap))),
      h("div", {}, h("dt", {}, "Visits / stops"), h("dd", {}, `${t.visits} / ${t.stopsVisited}`)),
      h("div", {}, h("dt", {}, "Driving"), h("dd", {}, `${formatMinutes(t.travelMinutes)}, ${formatNumber(t.km)} km`)),
    ),
    h(
      "table",
      { class: "compact" },
      h("caption", {}, "Coverage by zone"),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "col" }, "Zone"),
          h("th", { scope: "col", class: "num" }, "Caregivers"),
          h("th", { scope: "col", class: "num" }, "Value"),
        ),
      ),
      h(
        "tbody",
        {},
        ...t.byZone.map((z) =>
          h(
            "tr",
            {},
            h("th", { scope: "row" }, ZONE_STYLE[z.zone]?.label.en ?? z.zone),
            h("td", { class: "num" }, formatNumber(z.caregivers, "en", 0)),
            h("td", { class: "num" }, formatNumber(z.value)),
          ),
        ),
      ),
    ),
    t.byPriority
      ? h(
          "table",
          { class: "compact", id: "coverage-by-priority" },
          h("caption", {}, "Caregivers reached by priority band"),
          h(
            "thead",
            {},
            h(
              "tr",
              {},
              h("th", { scope: "col" }, "Band"),
              h("th", { scope: "col", class: "num" }, "Reached"),
              h("th", { scope: "col", class: "num" }, "Of"),
            ),
          ),
          h(
            "tbody",
            {},
            ...t.byPriority.map((b) =>
              h(
                "tr",
                {},
                h("th", { scope: "row" }, PRIORITY_LABEL[b.band]),
                h("td", { class: "num" }, formatNumber(b.caregivers, "en", 0)),
                h("td", { class: "num" }, formatNumber(b.total, "en", 0)),
              ),
            ),
          ),
        )
      : null,
    h(
      "table",
      { class: "compact" },
      h("caption", {}, "Coverage by locality"),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "col" }, "Locality"),
          h("th", { scope: "col", class: "num" }, "Caregivers"),
          h("th", { scope: "col", class: "num" }, "Value"),
        ),
      ),
      h(
        "tbody",
        {},
        ...localities.map((l) =>
          h(
            "tr",
            {},
            h("th", { scope: "row" }, l.locality),
            h("td", { class: "num" }, formatNumber(l.caregivers, "en", 0)),
            h("td", { class: "num" }, formatNumber(l.value)),
          ),
        ),
      ),
    ),
  );
  const unvisited = [...plan.unvisited].sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  replaceChildren(
    leftOut,
    unvisited.length === 0
      ? h("p", {}, "Every stop is visited.")
      : h(
          "table",
          { class: "compact" },
          h("caption", {}, `${unvisited.length} stops left out`),
          h(
            "thead",
            {},
            h(
              "tr",
              {},
              h("th", { scope: "col" }, "Stop"),
              h("th", { scope: "col" }, "Reason"),
              h("th", { scope: "col", class: "num" }, "Value"),
            ),
          ),
          h(
            "tbody",
            {},
            ...unvisited.map((u) =>
              h(
                "tr",
                {},
                h(
                  "td",
                  {},
                  h(
                    "button",
                    { type: "button", class: "link", onclick: () => onStop(u.stopId) },
                    stopName(index, u.stopId),
                  ),
                ),
                h("td", { title: u.message }, UNVISITED_REASON_LABEL[u.reason] ?? u.reason),
                h("td", { class: "num" }, u.value === undefined ? "—" : formatNumber(u.value)),
              ),
            ),
          ),
        ),
  );
}
