/**
 * The details of one stop in the plan on show: where it is, its zone and services, whether
 * and when it is visited and what those visits cover, why it was left out if it was, and the
 * driving directions (Spanish or English) of the leg that reaches it.
 */
import { getJson } from "../shared/api.js";
import { h, replaceChildren } from "../shared/dom.js";
import { clockOf, formatDate, formatDistance, formatMinutes, formatNumber } from "../shared/format.js";
import { ZONE_STYLE } from "../shared/style.js";
import type { RouteDirections } from "../shared/types.js";
import { busName, stopName, type PlanIndex, type VisitRef } from "./planIndex.js";

/** Human labels of the solver's reasons for leaving a stop out. */
export const UNVISITED_REASON_LABEL: Record<string, string> = {
  "no-compatible-bus": "no bus of a kind it accepts",
  "unreachable-in-shift": "cannot be reached within a shift",
  "windows-never-open": "its time windows never open on a service day",
  "days-excluded": "all its days are excluded",
  "already-covered": "its caregivers are already covered by other visits",
  "fleet-time": "the fleet ran out of time (lower value than the visits made)",
};

/** Renders the details of `stopId` into `container` and moves focus to its heading. */
export function renderStopDetails(
  container: HTMLElement,
  index: PlanIndex,
  stopId: string,
  selected: VisitRef | null,
): void {
  const stop = index.stops.get(stopId);
  const heading = h(
    "h3",
    { tabindex: "-1", id: "stop-details-heading", class: "stop-title" },
    stop ? stop.name : stopId,
  );
  if (!stop) {
    replaceChildren(container, heading, h("p", {}, "This stop is not in the scenario."));
    heading.focus();
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
    h("option", { value: "es" }, "Español"),
    h("option", { value: "en" }, "English"),
  );
  const directionsForm = chosen
    ? h(
        "form",
        {
          class: "inline-form",
          onsubmit: (event: Event) => {
            event.preventDefault();
            void showDirections(directions, index, chosen, langSelect.value);
          },
        },
        h("label", { for: "directions-lang" }, "Directions language"),
        langSelect,
        h(
          "button",
          { type: "submit" },
          `Directions to this stop (${busName(index, chosen.route.busId)}, ${formatDate(chosen.route.date, "en")})`,
        ),
      )
    : null;

  replaceChildren(
    container,
    heading,
    h(
      "dl",
      { class: "facts" },
      h("dt", {}, "Stop id"),
      h("dd", {}, stop.id),
      h("dt", {}, "Locality"),
      h("dd", {}, stop.locality),
      stop.neighbourhood ? h("dt", {}, "Neighbourhood") : null,
      stop.neighbourhood ? h("dd", {}, stop.neighbourhood) : null,
      h("dt", {}, "Zone"),
      h("dd", {}, `${ZONE_STYLE[stop.zone].label.en} (${ZONE_STYLE[stop.zone].shape})`),
      h("dt", {}, "Services"),
      h("dd", {}, stop.services?.length ? stop.services.join(", ") : "—"),
      h("dt", {}, "Status"),
      h(
        "dd",
        {},
        visits.length
          ? `visited ${visits.length} time${visits.length === 1 ? "" : "s"}`
          : `left out: ${left ? (UNVISITED_REASON_LABEL[left.reason] ?? left.reason) : "not in any route"}`,
      ),
      h("dt", {}, visits.length ? "Caregivers covered by its visits" : "Value it would add"),
      h("dd", {}, formatNumber(value)),
    ),
    left ? h("p", { class: "note" }, left.message) : null,
    visits.length
      ? h(
          "table",
          { class: "compact" },
          h("caption", {}, "Visits"),
          h(
            "thead",
            {},
            h(
              "tr",
              {},
              ...["Date", "Bus", "Arrives", "Serves", "Drive", "Value"].map((t) => h("th", { scope: "col" }, t)),
            ),
          ),
          h(
            "tbody",
            {},
            ...visits.map((ref) =>
              h(
                "tr",
                { class: ref === chosen ? "selected" : "" },
                h("td", {}, formatDate(ref.route.date, "en")),
                h("td", {}, busName(index, ref.route.busId)),
                h("td", {}, clockOf(ref.visit.arrival)),
                h("td", {}, `${clockOf(ref.visit.serviceStart)}–${clockOf(ref.visit.serviceEnd)}`),
                h("td", {}, `${formatMinutes(ref.visit.travelMinutes)}, ${formatNumber(ref.visit.km)} km`),
                h("td", {}, formatNumber(ref.visit.value)),
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
      h("a", { href: `/calendars/stops/${encodeURIComponent(stop.id)}.ics` }, "Calendar feed of this stop (.ics)"),
    ),
  );
  heading.focus();
}

async function showDirections(target: HTMLElement, index: PlanIndex, ref: VisitRef, lang: string): Promise<void> {
  replaceChildren(target, h("p", {}, "Loading directions…"));
  const url = `/api/v1/plans/${encodeURIComponent(index.loaded.planId)}/directions/${encodeURIComponent(ref.route.busId)}/${ref.route.date}?lang=${lang}`;
  try {
    const body = await getJson<RouteDirections>(url);
    const legs = body.route.directions ?? [];
    const leg = legs.find((l) => l.to === ref.visit.stopId) ?? legs[ref.index];
    if (!leg) {
      replaceChildren(target, h("p", {}, "No directions for this leg."));
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
            h("span", { class: "muted" }, ` (${formatDistance(s.distanceM)}, ${formatMinutes(s.durationS / 60)})`),
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
        `Directions unavailable: ${error instanceof Error ? error.message : String(error)}`,
      ),
    );
  }
}
