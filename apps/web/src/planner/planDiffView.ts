/**
 * Comparing plans on the page: any two stored plans of the scenario (GET /api/v1/plans lists
 * them, GET /api/v1/plans/:a/diff/:b compares), drawn as the totals' changes, the stops added
 * and removed and every visit that moved; plus the download links of the plan on show.
 */
import type { PlanDiff, VisitSlot } from "@carebus/model";
import { getJson } from "../shared/api.js";
import { byId, h, replaceChildren } from "../shared/dom.js";
import { formatDate, formatNumber } from "../shared/format.js";
import type { ChangesText } from "./messages.js";

interface PlanListItem {
  id: string;
  status: string;
  createdAt: string;
  value: number | null;
}

/** The comparison of plan b with plan a, as the API answers it. */
export function fetchDiff(a: string, b: string): Promise<PlanDiff> {
  return getJson<PlanDiff>(`/api/v1/plans/${encodeURIComponent(a)}/diff/${encodeURIComponent(b)}`);
}

/** Draws `diff` into `container`: totals, stops added and removed, visits moved. */
export function renderDiff(
  container: HTMLElement,
  diff: PlanDiff,
  text: ChangesText,
  stopName: (id: string) => string,
  heading: string,
): void {
  if (diff.same) {
    replaceChildren(container, h("h3", {}, heading), h("p", {}, text.same));
    return;
  }
  const change = (label: string, d: { a: number; b: number; delta: number }) =>
    h(
      "li",
      {},
      `${label}: ${formatNumber(d.a, "es")} → ${formatNumber(d.b, "es")} (${d.delta > 0 ? "+" : ""}${formatNumber(d.delta, "es")})`,
    );
  const slot = (s: VisitSlot | null, none: string) => (s ? `${s.busId} ${formatDate(s.date, "es")} ${s.start}` : none);
  const names = (ids: string[]) => ids.map(stopName).join(", ") || "—";
  replaceChildren(
    container,
    h("h3", {}, heading),
    h(
      "ul",
      {},
      change(text.value, diff.value),
      change(text.caregivers, diff.caregivers),
      change(text.travel, diff.travelMinutes),
    ),
    h("p", {}, `${text.added}: ${names(diff.stopsAdded)}`),
    h("p", {}, `${text.removed}: ${names(diff.stopsRemoved)}`),
    h("h4", {}, text.moved(diff.movedVisits)),
    h(
      "ul",
      { class: "moves" },
      ...diff.moves.map((m) =>
        h(
          "li",
          { "data-stop-id": m.stopId },
          `${stopName(m.stopId)}: ${slot(m.from, text.isNew)} → ${slot(m.to, text.nowhere)}`,
        ),
      ),
    ),
  );
}

/** The compare form (#compare-a, #compare-b, #compare-button) and its output (#plan-diff). */
export class ComparePanel {
  private readonly a = byId<HTMLSelectElement>("compare-a");
  private readonly b = byId<HTMLSelectElement>("compare-b");
  private readonly out = byId("plan-diff");

  constructor(
    private readonly words: () => { text: ChangesText; locale: string },
    private readonly stopName: (id: string) => string,
  ) {
    byId("compare-button").addEventListener("click", () => void this.compare());
  }

  /** Lists the scenario's finished plans in both selects, newest first. */
  async load(scenarioId: string, onShow: string | null): Promise<void> {
    const { plans } = await getJson<{ plans: PlanListItem[] }>(
      `/api/v1/plans?scenarioId=${encodeURIComponent(scenarioId)}`,
    );
    const { text, locale } = this.words();
    const done = plans.filter((p) => p.status === "done");
    const options = () =>
      done.map((p) =>
        h("option", { value: p.id }, text.plan(p.id, p.value, new Date(p.createdAt).toLocaleString(locale))),
      );
    replaceChildren(this.a, ...options());
    replaceChildren(this.b, ...options());
    if (done[1]) this.a.value = done[1].id;
    if (onShow && done.some((p) => p.id === onShow)) this.b.value = onShow;
  }

  private async compare(): Promise<void> {
    const { text } = this.words();
    if (!this.a.value || !this.b.value) {
      replaceChildren(this.out, h("p", { class: "error" }, text.needTwo));
      return;
    }
    try {
      renderDiff(this.out, await fetchDiff(this.a.value, this.b.value), text, this.stopName, text.compareHeading);
    } catch (error) {
      replaceChildren(this.out, h("p", { class: "error" }, error instanceof Error ? error.message : String(error)));
    }
  }
}

/** Download links of the plan on show: CSV, XLSX and the drivers' PDF sheets. */
export function renderDownloads(
  container: HTMLElement,
  planId: string | null,
  lang: "es" | "en",
  text: ChangesText,
): void {
  if (!planId) {
    replaceChildren(container);
    return;
  }
  const link = (format: string, label: string) =>
    h(
      "a",
      {
        class: "button",
        href: `/api/v1/plans/${encodeURIComponent(planId)}/export.${format}?lang=${lang}`,
        download: `plan-${planId}.${format}`,
        "data-format": format,
      },
      label,
    );
  replaceChildren(container, link("csv", text.csv), " ", link("xlsx", text.xlsx), " ", link("pdf", text.routeSheets));
}
