/**
 * The planner page (/): loads the configuration, the scenarios and the published plan, and
 * wires the map, the week grid, the coverage figures, the stop details and the run panel
 * around whichever plan is on show (the published one, a new run, or ?plan=<id>).
 */
import "./styles/base.css";
import "./styles/planner.css";
import { ApiError, getJson, loadWebConfig } from "./shared/api.js";
import { createBaseMap } from "./shared/baseMap.js";
import { byId, h, replaceChildren } from "./shared/dom.js";
import { formatDate } from "./shared/format.js";
import { busColour } from "./shared/style.js";
import type { LoadedPlan, Plan, PlanJob, PublishedPlan, Scenario, ScenarioSummary } from "./shared/types.js";
import { renderCoverage } from "./planner/coveragePanel.js";
import { PlannerMap, type ContextLayer } from "./planner/mapView.js";
import { indexPlan, stopName, type PlanIndex, type VisitRef } from "./planner/planIndex.js";
import { RunPanel } from "./planner/runPanel.js";
import { renderStopDetails } from "./planner/stopDetails.js";
import { pinButton, renderWeekGrid } from "./planner/weekGrid.js";
import { ChangesPanel } from "./planner/changesPanel.js";
import { changesText } from "./planner/changesText.js";
import { ComparePanel, renderDownloads } from "./planner/planDiffView.js";

interface PageState {
  scenario: Scenario | null;
  published: PublishedPlan | null;
  candidate: { planId: string; plan: Plan } | null;
  showing: "published" | "candidate";
  index: PlanIndex | null;
}

const state: PageState = { scenario: null, published: null, candidate: null, showing: "published", index: null };
const pageStatus = byId("page-status");
const scenarioSelect = byId<HTMLSelectElement>("scenario-select");
const planSelect = byId<HTMLSelectElement>("plan-select");
const params = new URLSearchParams(location.search);

function say(text: string, kind: "info" | "error" = "info"): void {
  pageStatus.textContent = text;
  pageStatus.classList.toggle("error", kind === "error");
}

async function main(): Promise<void> {
  const config = await loadWebConfig();
  const { map } = createBaseMap(byId("map"), config, "Map of the plan: stops, routes, demand and Care Blocks");
  const plannerMap = new PlannerMap(map, (stopId) => openStop(stopId, null));

  const text = changesText();
  const lang = new URLSearchParams(location.search).get("lang") === "en" ? "en" : "es";
  let current: { stopId: string; ref: VisitRef | null } | null = null;
  const openStop = (stopId: string, ref: VisitRef | null) => {
    if (!state.index) return;
    current = { stopId, ref };
    const details = byId("stop-details");
    renderStopDetails(details, state.index, stopId, ref);
    const name = stopName(state.index, stopId);
    details.append(
      h(
        "p",
        { class: "change-tools" },
        ref ? pinButton(changes, text, { stopId, busId: ref.route.busId, date: ref.route.date }, name) : "",
        " ",
        h(
          "button",
          {
            type: "button",
            class: "exclude-stop",
            "aria-pressed": String(changes.isExcludedStop(stopId)),
            onclick: () => changes.toggleStop(stopId),
          },
          changes.isExcludedStop(stopId) ? text.includeStop : text.excludeStop,
        ),
      ),
    );
    // Mark the stop's visits in the week grid (a border and aria-current, not colour alone).
    for (const button of document.querySelectorAll<HTMLButtonElement>(".week-grid button.visit")) {
      if (button.dataset.stopId === stopId) button.setAttribute("aria-current", "true");
      else button.removeAttribute("aria-current");
    }
    plannerMap.focusStop(state.index, stopId);
  };

  const runPanel = new RunPanel({
    scenarioId: () => state.scenario?.id ?? null,
    publishedPlan: () => state.published?.plan ?? null,
    stopName: (id) => (state.index ? stopName(state.index, id) : id),
    onPlanReady: (planId, plan) => {
      state.candidate = { planId, plan };
      state.showing = "candidate";
      show(false);
    },
    onPublished: async (planId) => {
      if (!state.scenario) return;
      state.published = await loadPublished(state.scenario.id);
      if (state.published?.planId === planId) state.candidate = null;
      state.showing = "published";
      runPanel.refreshComparison();
      show(false);
      await refreshScenarioList(state.scenario.id);
    },
  });

  const changes = new ChangesPanel(
    {
      stopName: (id) => (state.index ? stopName(state.index, id) : id),
      busName: (id) => state.scenario?.buses.find((b) => b.id === id)?.name ?? id,
      planOnShow: () => currentPlan()?.planId ?? null,
      changed: () => {
        if (!state.index) return;
        renderWeekGrid(byId("week-grid"), state.index, (ref) => openStop(ref.visit.stopId, ref), changes, text);
        if (current) openStop(current.stopId, current.ref);
      },
      replan: (basePlanId, changeSet) => {
        say(text.replanning);
        void runPanel.run({ basePlanId, changes: changeSet });
      },
    },
    text,
  );
  const comparePanel = new ComparePanel(text, (id) => (state.index ? stopName(state.index, id) : id));

  const show = (fit: boolean) => {
    const loaded = currentPlan();
    renderDownloads(byId("downloads"), loaded?.planId ?? null, lang);
    if (state.scenario) void comparePanel.load(state.scenario.id, loaded?.planId ?? null).catch(() => undefined);
    syncPlanSelect();
    if (!loaded) {
      state.index = null;
      say(
        state.scenario
          ? `No plan is published for “${state.scenario.name}” yet: run one below.`
          : "No scenario loaded.",
      );
      replaceChildren(byId("week-grid"), h("p", {}, "No plan on show."));
      return;
    }
    const index = indexPlan(loaded);
    state.index = index;
    plannerMap.show(index, fit);
    renderWeekGrid(byId("week-grid"), index, (ref) => openStop(ref.visit.stopId, ref), changes, text);
    renderCoverage(byId("coverage-summary"), byId("left-out"), index, (stopId) => openStop(stopId, null));
    buildRouteToggles(index, plannerMap);
    const label =
      state.showing === "published" && state.published
        ? `published plan ${state.published.planId} (${new Date(state.published.publishedAt).toLocaleString("en")})`
        : `new plan ${loaded.planId} (not published)`;
    byId("plan-label").textContent = label;
    say(`Showing the ${label}: ${loaded.plan.routes.length} bus-days, ${loaded.plan.totals.visits} visits.`);
  };

  for (const input of document.querySelectorAll<HTMLInputElement>("#layer-toggles input[data-layer]")) {
    input.addEventListener("change", () =>
      plannerMap.setLayerVisible(input.dataset.layer as ContextLayer, input.checked),
    );
  }
  planSelect.addEventListener("change", () => {
    state.showing = planSelect.value === "candidate" ? "candidate" : "published";
    show(false);
  });
  scenarioSelect.addEventListener("change", () => {
    loadScenario(scenarioSelect.value).then(
      () => show(true),
      (error: unknown) =>
        say(`Could not load the scenario: ${error instanceof Error ? error.message : String(error)}`, "error"),
    );
  });

  const scenarios = await refreshScenarioList(params.get("scenario") ?? config.defaultScenarioId);
  const chosen = scenarioSelect.value || scenarios[0]?.id;
  if (!chosen) {
    say("The server has no scenarios yet.", "error");
    return;
  }
  await loadScenario(chosen);
  const planParam = params.get("plan");
  if (planParam) {
    const job = await getJson<PlanJob>(`/api/v1/plans/${encodeURIComponent(planParam)}`);
    if (job.plan) {
      state.candidate = { planId: planParam, plan: job.plan };
      state.showing = "candidate";
    } else say(`Plan ${planParam} has no result yet (${job.status}).`, "error");
  }
  show(true);
}

function currentPlan(): LoadedPlan | null {
  if (!state.scenario) return null;
  if (state.showing === "candidate" && state.candidate) return { ...state.candidate, scenario: state.scenario };
  if (state.published) return { planId: state.published.planId, plan: state.published.plan, scenario: state.scenario };
  if (state.candidate) return { ...state.candidate, scenario: state.scenario };
  return null;
}

function syncPlanSelect(): void {
  const options = [];
  if (state.published) options.push(h("option", { value: "published" }, "Published plan"));
  if (state.candidate) options.push(h("option", { value: "candidate" }, `New plan ${state.candidate.planId}`));
  replaceChildren(planSelect, ...options);
  planSelect.value = state.showing === "candidate" && state.candidate ? "candidate" : "published";
  planSelect.disabled = options.length < 2;
}

async function refreshScenarioList(preferred: string | null): Promise<ScenarioSummary[]> {
  const { scenarios } = await getJson<{ scenarios: ScenarioSummary[] }>("/api/v1/scenarios");
  replaceChildren(
    scenarioSelect,
    ...scenarios.map((s) =>
      h("option", { value: s.id }, `${s.name}${s.publishedPlanId ? "" : " (nothing published)"}`),
    ),
  );
  if (preferred && scenarios.some((s) => s.id === preferred)) scenarioSelect.value = preferred;
  return scenarios;
}

async function loadPublished(scenarioId: string): Promise<PublishedPlan | null> {
  try {
    return await getJson<PublishedPlan>(`/api/v1/scenarios/${encodeURIComponent(scenarioId)}/published`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

async function loadScenario(id: string): Promise<void> {
  say("Loading the scenario and its published plan…");
  const [scenario, published] = await Promise.all([
    getJson<Scenario>(`/api/v1/scenarios/${encodeURIComponent(id)}`),
    loadPublished(id),
  ]);
  state.scenario = scenario;
  state.published = published;
  state.candidate = null;
  state.showing = "published";
  byId("scenario-name").textContent = scenario.name;
}

/** Checkboxes to show or hide routes by bus and by day (rebuilt per plan). */
function buildRouteToggles(index: PlanIndex, plannerMap: PlannerMap): void {
  const { plan, scenario } = index.loaded;
  const dates = [...new Set(plan.routes.map((r) => r.date))].sort();
  const toggle = (id: string, label: Node | string, checked: boolean, onChange: (on: boolean) => void) => {
    const input = h("input", { type: "checkbox", id, checked });
    input.addEventListener("change", () => onChange(input.checked));
    return h("label", { for: id, class: "check" }, input, label);
  };
  replaceChildren(
    byId("bus-toggles"),
    h("legend", {}, "Routes by bus"),
    ...scenario.buses.map((bus, i) =>
      toggle(
        `bus-${i}`,
        h(
          "span",
          {},
          h("span", { class: "swatch", style: `background:${busColour(i)}`, "aria-hidden": "true" }),
          bus.name || bus.id,
        ),
        plannerMap.isBusVisible(bus.id),
        (on) => plannerMap.setBusVisible(bus.id, on),
      ),
    ),
  );
  replaceChildren(
    byId("day-toggles"),
    h("legend", {}, "Routes by day"),
    ...dates.map((d, i) =>
      toggle(`day-${i}`, formatDate(d, "en"), plannerMap.isDayVisible(d), (on) => plannerMap.setDayVisible(d, on)),
    ),
  );
}

main().catch((error: unknown) => {
  say(`The planner could not load: ${error instanceof Error ? error.message : String(error)}`, "error");
});
