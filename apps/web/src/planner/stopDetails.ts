/**
 * The details of one stop in the plan on show: where it is (neighbourhood, landmark), its zone
 * and services by name, whether and when it is visited and what those visits cover, why it
 * was left out if it was, and the driving directions (Spanish or English) of the leg that
 * reaches it. The stop's id stays out of sight except in a details line for engineers.
 */
import { serviceLabel } from "@carebus/model/serviceLabels";
import { getJson } from "../shared/api.js";
import { h, replaceChildren } from "../shared/dom.js";
import { clockOf, formatDate, formatDistance, formatMinutes, formatNumber } from "../shared/format.js";
import { ZONE_STYLE } from "../shared/style.js";
import type { RouteDirections } from "../shared/types.js";
import { busName, stopName, type PlanIndex, type VisitRef } from "./planIndex.js";
import type { Words } from "./words.js";

/** Renders the details of `stopId` into `container`; moves focus to its heading when `focus`. */
export function renderStopDetails(
  container: HTMLElement,
  index: PlanIndex,
  stopId: string,
  selected: VisitRef | null,
  words: Words,
  focus = true,
): void {
  const { t, lang, locale } = words;
  const stop = index.stops.get(stopId);
  const heading = h(
    "h3",
    { tabindex: "-1", id: "stop-details-heading", class: "stop-title" },
    stop ? stop.name : stopId,
  );
  if (!stop) {
    replaceChildren(container, heading, h("p", {}, t.notInScenario));
    if (focus) heading.focus();
    return;
  }
  const visits = index.visitsByStop.get(stopId) ?? [];
  const left = index.unvisited.get(stopId);
  const value = index.valueByStop.get(stopId) ?? 0;
  const chosen = selected ?? visits[0] ?? null;
  const directions = h("div", { class: "directions", "aria-live": "polite" });

  const langSelect = h(
    "select",
    { id: "directions-lang" },
    h("option", { value: "es", selected: lang === "es" }, "Español"),
    h("option", { value: "en", selected: lang === "en" }, "English"),
  );
  const directionsForm = chosen
    ? h(
        "form",
        {
          class: "inline-form",
          onsubmit: (event: Event) => {
            event.preventDefault();
            void showDirections(directions, index, chosen, langSelect.value, words);
          },
        },
        h("label", { for: "directions-lang" }, t.directionsLanguage),
        langSelect,
        h(
          "button",
          { type: "submit" },
          t.directionsTo(busName(index, chosen.route.busId), formatDate(chosen.route.date, locale)),
        ),
      )
    : null;

  const zone = ZONE_STYLE[stop.zone];
  replaceChildren(
    container,
    heading,
    h(
      "dl",
      { class: "facts" },
      h("dt", {}, t.locality),
      h("dd", {}, stop.locality),
      stop.neighbourhood ? h("dt", {}, t.neighbourhood) : null,
      stop.neighbourhood ? h("dd", {}, stop.neighbourhood) : null,
      stop.address ? h("dt", {}, t.address) : null,
      stop.address ? h("dd", { id: "stop-address" }, stop.address) : null,
      h("dt", {}, t.zone),
      h("dd", {}, `${t.zones[stop.zone]} (${t.shapes[zone.shape]})`),
      h("dt", {}, t.services),
      h("dd", {}, stop.services?.length ? stop.services.map((code) => serviceLabel(code, lang)).join(", ") : "—"),
      h("dt", {}, t.status),
      h(
        "dd",
        {},
        visits.length
          ? t.visitedTimes(visits.length)
          : t.leftOutBecause(left ? (t.reasons[left.reason] ?? t.notInAnyRoute) : t.notInAnyRoute),
      ),
      h("dt", {}, visits.length ? t.coveredByVisits : t.valueItWouldAdd),
      h("dd", {}, formatNumber(value, locale)),
    ),
    visits.length
      ? h(
          "div",
          // six columns are wider than the side panel: the table scrolls inside its card
          { class: "table-scroll" },
          h(
            "table",
            { class: "compact" },
            h("caption", {}, t.visitsCaption),
            h("thead", {}, h("tr", {}, ...t.visitColumns.map((c) => h("th", { scope: "col" }, c)))),
            h(
              "tbody",
              {},
              ...visits.map((ref) =>
                h(
                  "tr",
                  { class: ref === chosen ? "selected" : "" },
                  h("td", {}, formatDate(ref.route.date, locale)),
                  h("td", {}, busName(index, ref.route.busId)),
                  h("td", {}, clockOf(ref.visit.arrival)),
                  h("td", {}, `${clockOf(ref.visit.serviceStart)}–${clockOf(ref.visit.serviceEnd)}`),
                  h("td", {}, `${formatMinutes(ref.visit.travelMinutes)}, ${formatNumber(ref.visit.km, locale)} km`),
                  h("td", {}, formatNumber(ref.visit.value, locale)),
                ),
              ),
            ),
          ),
        )
      : null,
    directionsForm,
    directions,
    h(
      "p",
      {},
      h(
        "a",
        { href: `/calendars/stops/${encodeURIComponent(stop.id)}.ics${lang === "en" ? "?lang=en" : ""}` },
        t.calendarFeed,
      ),
    ),
    h("p", { class: "muted small" }, `${t.stopDetailsFor}: `, h("code", {}, stop.id)),
  );
  if (focus) heading.focus();
}

async function showDirections(
  target: HTMLElement,
  index: PlanIndex,
  ref: VisitRef,
  lang: string,
  words: Words,
): Promise<void> {
  const { t, locale } = words;
  replaceChildren(target, h("p", {}, t.loadingDirections));
  const url = `/api/v1/plans/${encodeURIComponent(index.loaded.planId)}/directions/${encodeURIComponent(ref.route.busId)}/${ref.route.date}?lang=${lang}`;
  try {
    const body = await getJson<RouteDirections>(url);
    const legs = body.route.directions ?? [];
    const leg = legs.find((l) => l.to === ref.visit.stopId) ?? legs[ref.index];
    if (!leg) {
      replaceChildren(target, h("p", {}, t.noDirections));
      return;
    }
    const placeName = (id: string) =>
      index.loaded.scenario.depots.find((d) => d.id === id)?.name ?? stopName(index, id);
    replaceChildren(
      target,
      h("h4", {}, `${placeName(leg.from)} → ${placeName(leg.to)}`),
      h(
        "ol",
        { class: "steps", lang },
        ...leg.steps.map((s) =>
          h(
            "li",
            {},
            s.text,
            h(
              "span",
              { class: "muted" },
              ` (${formatDistance(s.distanceM, locale)}, ${formatMinutes(s.durationS / 60)})`,
            ),
          ),
        ),
      ),
    );
  } catch (error) {
    replaceChildren(
      target,
      h(
        "p",
        { class: "error", role: "alert" },
        t.directionsUnavailable(error instanceof Error ? error.message : String(error)),
      ),
    );
  }
}
