/**
 * What the plan on show achieves and what it leaves out, plain words first: the caregivers
 * reached (people), then the weighted value the solver maximises, the maximum possible (marked
 * while it is only the quick estimate) and how far below it the plan may be, each with a short
 * help text; coverage per zone, priority band and locality; and the stops not visited with the
 * reason.
 */
import { h, replaceChildren } from "../shared/dom.js";
import { formatGap, formatMinutes, formatNumber } from "../shared/format.js";
import { stopName, type PlanIndex } from "./planIndex.js";
import type { Words } from "./words.js";

/** A figure with its name, its value and a help text one click away. */
function figure(id: string, name: string, value: string, help: string, words: Words): HTMLElement {
  return h(
    "div",
    {},
    h("dt", {}, name),
    h("dd", { id }, value),
    h("dd", { class: "help" }, h("details", {}, h("summary", {}, words.t.whatIsThis), h("p", {}, help))),
  );
}

/** Renders the coverage figures and the left-out stops; `onStop` opens a stop's details. */
export function renderCoverage(
  summary: HTMLElement,
  leftOut: HTMLElement,
  index: PlanIndex,
  words: Words,
  onStop: (stopId: string) => void,
): void {
  const { t, locale } = words;
  const { plan } = index.loaded;
  const totals = plan.totals;
  const quick = plan.stats.boundKind === "quick";
  const localities = [...totals.byLocality].sort((a, b) => b.caregivers - a.caregivers);
  const table = (caption: string, head: string, rows: { name: string; caregivers: number; value: number }[]) =>
    h(
      "table",
      { class: "compact" },
      h("caption", {}, caption),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          h("th", { scope: "col" }, head),
          h("th", { scope: "col", class: "num" }, t.caregivers),
          h("th", { scope: "col", class: "num" }, t.value),
        ),
      ),
      h(
        "tbody",
        {},
        ...rows.map((r) =>
          h(
            "tr",
            {},
            h("th", { scope: "row" }, r.name),
            h("td", { class: "num" }, formatNumber(r.caregivers, locale, 0)),
            h("td", { class: "num" }, formatNumber(r.value, locale)),
          ),
        ),
      ),
    );
  replaceChildren(
    summary,
    h(
      "dl",
      { class: "figures" },
      figure(
        "figure-reached",
        t.caregiversReached,
        t.distinctPeople(formatNumber(totals.caregiversReached, locale, 0)),
        t.caregiversReachedHelp,
        words,
      ),
      figure("figure-value", t.weightedValue, formatNumber(totals.value, locale), t.weightedValueHelp, words),
      figure(
        "figure-bound",
        quick ? `${t.bound} (${t.quickBound})` : t.bound,
        formatNumber(plan.stats.bound, locale),
        quick ? `${t.boundHelp} ${t.quickBoundHelp}` : t.boundHelp,
        words,
      ),
      figure("figure-gap", t.gapTitle, t.gap(formatGap(plan.stats.gap, locale)), t.gapHelp, words),
      h(
        "div",
        {},
        h("dt", {}, t.visitsAndStops),
        h("dd", {}, `${formatNumber(totals.visits, locale, 0)} / ${formatNumber(totals.stopsVisited, locale, 0)}`),
      ),
      h(
        "div",
        {},
        h("dt", {}, t.driving),
        h("dd", {}, t.drivingValue(formatMinutes(totals.travelMinutes), formatNumber(totals.km, locale))),
      ),
    ),
    table(
      t.byZone,
      t.zone,
      totals.byZone.map((z) => ({ name: t.zones[z.zone] ?? z.zone, caregivers: z.caregivers, value: z.value })),
    ),
    totals.byPriority
      ? h(
          "table",
          { class: "compact", id: "coverage-by-priority" },
          h("caption", {}, t.priorityCaption),
          h(
            "thead",
            {},
            h(
              "tr",
              {},
              h("th", { scope: "col" }, t.priorityBandHead),
              h("th", { scope: "col", class: "num" }, t.priorityReached),
              h("th", { scope: "col", class: "num" }, t.priorityOf),
            ),
          ),
          h(
            "tbody",
            {},
            ...totals.byPriority.map((b) =>
              h(
                "tr",
                {},
                h("th", { scope: "row" }, t.priorityBands[b.band]),
                h("td", { class: "num" }, formatNumber(b.caregivers, locale, 0)),
                h("td", { class: "num" }, formatNumber(b.total, locale, 0)),
              ),
            ),
          ),
        )
      : null,
    table(
      t.byLocality,
      t.locality,
      localities.map((l) => ({ name: l.locality, caregivers: l.caregivers, value: l.value })),
    ),
  );
  const unvisited = [...plan.unvisited].sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  replaceChildren(
    leftOut,
    unvisited.length === 0
      ? h("p", {}, t.everyStopVisited)
      : h(
          "table",
          { class: "compact" },
          h("caption", {}, t.leftOutCaption(unvisited.length)),
          h(
            "thead",
            {},
            h(
              "tr",
              {},
              h("th", { scope: "col" }, t.stop),
              h("th", { scope: "col" }, t.reason),
              h("th", { scope: "col", class: "num" }, t.valueItWouldAdd),
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
                h("td", {}, t.reasons[u.reason] ?? t.notInAnyRoute),
                h("td", { class: "num" }, u.value === undefined ? "—" : formatNumber(u.value, locale)),
              ),
            ),
          ),
        ),
  );
}
