/**
 * The planner page (/): loads the configuration, the scenarios and the published plan, and
 * wires the map, the week grid, the coverage figures, the stop details and the run panel
 * around whichever plan is on show (the published one, a new run, or ?plan=<id>). Spanish by
 * default, English on a switch remembered per browser; dates and numbers in the scenario's
 * locale. Plans are named by their number, date and run time; ids stay in a details section.
 */
import "./styles/base.css";
import "./styles/planner.css";
import { ApiError, getJson, loadWebConfig } from "./shared/api.js";
import { createBaseMap } from "./shared/baseMap.js";
import { byId, h, replaceChildren } from "./shared/dom.js";
import { displayLocale, formatDate, formatInstant, formatNumber } from "./shared/format.js";
import { applyStaticTexts, initialLang, rememberLang, storedLang, type Lang } from "./shared/language.js";
import { busColour } from "./shared/style.js";
import type { LoadedPlan, Plan, PlanJob, PublishedPlan, Scenario, ScenarioSummary } from "./shared/types.js";
import { renderCoverage } from "./planner/coveragePanel.js";
import { PlannerMap, type ContextLayer } from "./planner/mapView.js";
import { plannerMessages } from "./planner/messages.js";
import { indexPlan, stopName, type PlanIndex, type VisitRef } from "./planner/planIndex.js";
import { RunPanel } from "./planner/runPanel.js";
import { renderStopDetails } from "./planner/stopDetails.js";
import { pinButton, renderWeekGrid } from "./planner/weekGrid.js";
import { ChangesPanel } from "./planner/changesPanel.js";
import { ComparePanel, renderDownloads } from "./planner/planDiffView.js";
import type { Words } from "./planner/words.js";

const DEFAULT_TIME_ZONE = "America/Bogota";

interface PageState {
  lang: Lang;
  scenarios: ScenarioSummary[];
  scenario: Scenario | null;
  published: PublishedPlan | null;
  candidate: { planId: string; plan: Plan; number?: number; startedAt?: string } | null;
  showing: "published" | "candidate";
  index: PlanIndex | null;
  /** the stop whose details are open, to re-render them in another language */
  openStop: { stopId: string; ref: VisitRef | null } | null;
}

const state: PageState = {
  lang: initialLang(location.search, storedLang()),
  scenarios: [],
  scenario: null,
  published: null,
  candidate: null,
  showing: "published",
  index: null,
  openStop: null,
};
const pageStatus = byId("page-status");
const scenarioSelect = byId<HTMLSelectElement>("scenario-select");
const planSelect = byId<HTMLSelectElement>("plan-select");
const params = new URLSearchParams(location.search);

/** The current language, its messages and the locale of the scenario on show. */
function words(): Words {
  return {
    lang: state.lang,
    locale: displayLocale(state.lang, state.scenario?.locale ?? "es-CO"),
    t: plannerMessages(state.lang),
  };
}

function say(text: string, kind: "info" | "error" = "info"): void {
  pageStatus.textContent = text;
  pageStatus.classList.toggle("error", kind === "error");
}

const why = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * A plan's name for people: "Plan n.º 3 · publicado el lun 30 nov, 07:49 · 10 s de cálculo"
 * (in the scenario's time zone), never its id.
 */
function planLabel(loaded: LoadedPlan, { t, locale }: Words): string {
  const timeZone = loaded.scenario.horizon.timeZone ?? DEFAULT_TIME_ZONE;
  const parts = [loaded.number !== undefined ? t.planNumber(loaded.number) : t.planUnnumbered];
  if (loaded.publishedAt) parts.push(t.publishedOn(formatInstant(loaded.publishedAt, locale, timeZone)));
  else if (loaded.startedAt) parts.push(t.startedOn(formatInstant(loaded.startedAt, locale, timeZone)));
  parts.push(t.ranFor(formatNumber(loaded.plan.stats.elapsedMs / 1000, locale)));
  if (!loaded.publishedAt) parts.push(t.notPublished);
  return parts.join(" · ");
}

/** The ids and run settings of the plan on show, for engineers, folded away. */
function renderPlanDetails(loaded: LoadedPlan | null, { t, locale }: Words): void {
  const details = byId("plan-details");
  if (!loaded) {
    replaceChildren(details);
    return;
  }
  const stats = loaded.plan.stats;
  const row = (name: string, value: string) => [h("dt", {}, name), h("dd", {}, value)];
  replaceChildren(
    details,
    h("summary", {}, t.planDetails),
    h(
      "dl",
      { class: "facts" },
      ...row(t.planId, loaded.planId),
      ...row(t.scenarioId, loaded.scenario.id),
      ...row(t.seed, String(stats.seed)),
      ...row(t.iterations, formatNumber(stats.iterations, locale, 0)),
      ...(stats.boundKind ? row(t.boundKind, t.boundKinds[stats.boundKind]) : []),
    ),
  );
}

async function main(): Promise<void> {
  applyStaticTexts(plannerMessages(state.lang), state.lang);
  document.title = plannerMessages(state.lang).pageTitle;
  const config = await loadWebConfig();
  const mapWords = () => ({ label: words().t.mapLabel, noTiles: words().t.mapNoTiles });
  const { map, setWords: setMapWords } = createBaseMap(byId("map"), config, mapWords());
  const plannerMap = new PlannerMap(map, (stopId) => openStop(stopId, null, true));

  const changeWords = () => ({ text: words().t.changes, locale: words().locale });
  const openStop = (stopId: string, ref: VisitRef | null, focus: boolean) => {
    if (!state.index) return;
    state.openStop = { stopId, ref };
    const details = byId("stop-details");
    renderStopDetails(details, state.index, stopId, ref, words(), focus);
    const { text, locale } = changeWords();
    const name = stopName(state.index, stopId);
    details.append(
      h(
        "p",
        { class: "change-tools" },
        ref ? pinButton(changes, text, { stopId, busId: ref.route.busId, date: ref.route.date }, name, locale) : "",
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
    if (focus) plannerMap.focusStop(state.index, stopId);
  };

  const runPanel = new RunPanel({
    scenarioId: () => state.scenario?.id ?? null,
    publishedPlan: () => state.published?.plan ?? null,
    stopName: (id) => (state.index ? stopName(state.index, id) : id),
    words,
    onPlanReady: (planId, plan, job) => {
      state.candidate = {
        planId,
        plan,
        ...(job?.number !== undefined ? { number: job.number } : {}),
        ...(job?.createdAt ? { startedAt: job.createdAt } : {}),
      };
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
        renderWeekGrid(
          byId("week-grid"),
          state.index,
          words(),
          (ref) => openStop(ref.visit.stopId, ref, true),
          changes,
          changeWords().text,
        );
        if (state.openStop) openStop(state.openStop.stopId, state.openStop.ref, false);
      },
      replan: (basePlanId, changeSet) => {
        say(changeWords().text.replanning);
        void runPanel.run({ basePlanId, changes: changeSet });
      },
    },
    changeWords,
  );
  const comparePanel = new ComparePanel(changeWords, (id) => (state.index ? stopName(state.index, id) : id));

  const show = (fit: boolean) => {
    const w = words();
    const loaded = currentPlan();
    renderDownloads(byId("downloads"), loaded?.planId ?? null, state.lang, w.t.changes);
    changes.render();
    if (state.scenario) void comparePanel.load(state.scenario.id, loaded?.planId ?? null).catch(() => undefined);
    syncPlanSelect(w);
    renderPlanDetails(loaded, w);
    if (!loaded) {
      state.index = null;
      say(state.scenario ? w.t.nothingPublished(state.scenario.name) : w.t.noScenarioLoaded);
      replaceChildren(byId("week-grid"), h("p", {}, w.t.noPlanOnShow));
      return;
    }
    const index = indexPlan(loaded);
    state.index = index;
    plannerMap.show(index, w, fit);
    renderWeekGrid(
      byId("week-grid"),
      index,
      w,
      (ref) => openStop(ref.visit.stopId, ref, true),
      changes,
      changeWords().text,
    );
    renderCoverage(byId("coverage-summary"), byId("left-out"), index, w, (stopId) => openStop(stopId, null, true));
    buildRouteToggles(index, plannerMap, w);
    const label = planLabel(loaded, w);
    byId("plan-label").textContent = label;
    say(w.t.showing(label, loaded.plan.routes.length, loaded.plan.totals.visits));
    if (state.openStop && index.stops.has(state.openStop.stopId))
      openStop(state.openStop.stopId, state.openStop.ref, false);
  };

  byId("lang-toggle").addEventListener("click", () => {
    state.lang = state.lang === "es" ? "en" : "es";
    rememberLang(state.lang);
    const { t } = words();
    applyStaticTexts(t, state.lang);
    document.title = t.pageTitle;
    setMapWords(mapWords());
    renderScenarioOptions();
    if (state.scenario) byId("scenario-name").textContent = state.scenario.name;
    runPanel.refreshComparison();
    show(false);
  });

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
      (error: unknown) => say(words().t.scenarioLoadFailed(why(error)), "error"),
    );
  });

  const scenarios = await refreshScenarioList(params.get("scenario") ?? config.defaultScenarioId);
  const chosen = scenarioSelect.value || scenarios[0]?.id;
  if (!chosen) {
    say(words().t.noScenarios, "error");
    return;
  }
  await loadScenario(chosen);
  const planParam = params.get("plan");
  if (planParam) {
    const job = await getJson<PlanJob>(`/api/v1/plans/${encodeURIComponent(planParam)}`);
    if (job.plan) {
      state.candidate = {
        planId: planParam,
        plan: job.plan,
        ...(job.number !== undefined ? { number: job.number } : {}),
        ...(job.createdAt ? { startedAt: job.createdAt } : {}),
      };
      state.showing = "candidate";
    } else say(words().t.planNoResult(words().t.statuses[job.status] ?? job.status), "error");
  }
  show(true);
}

function currentPlan(): LoadedPlan | null {
  const { scenario, published, candidate } = state;
  if (!scenario) return null;
  const fromCandidate = (c: NonNullable<PageState["candidate"]>): LoadedPlan => ({
    planId: c.planId,
    plan: c.plan,
    scenario,
    ...(c.number !== undefined ? { number: c.number } : {}),
    ...(c.startedAt ? { startedAt: c.startedAt } : {}),
  });
  if (state.showing === "candidate" && candidate) return fromCandidate(candidate);
  if (published)
    return {
      planId: published.planId,
      plan: published.plan,
      scenario,
      publishedAt: published.publishedAt,
      ...(published.number !== undefined ? { number: published.number } : {}),
    };
  if (candidate) return fromCandidate(candidate);
  return null;
}

function syncPlanSelect({ t }: Words): void {
  const options = [];
  if (state.published) options.push(h("option", { value: "published" }, t.publishedOption));
  if (state.candidate) {
    const label = state.candidate.number !== undefined ? t.planNumber(state.candidate.number) : t.planUnnumbered;
    options.push(h("option", { value: "candidate" }, t.newPlanOption(label)));
  }
  replaceChildren(planSelect, ...options);
  planSelect.value = state.showing === "candidate" && state.candidate ? "candidate" : "published";
  planSelect.disabled = options.length < 2;
}

function renderScenarioOptions(): void {
  const { t } = words();
  const selected = scenarioSelect.value;
  replaceChildren(
    scenarioSelect,
    ...state.scenarios.map((s) =>
      h("option", { value: s.id }, s.publishedPlanId ? s.name : t.scenarioNothingPublished(s.name)),
    ),
  );
  if (selected) scenarioSelect.value = selected;
}

async function refreshScenarioList(preferred: string | null): Promise<ScenarioSummary[]> {
  const { scenarios } = await getJson<{ scenarios: ScenarioSummary[] }>("/api/v1/scenarios");
  state.scenarios = scenarios;
  renderScenarioOptions();
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
  say(words().t.loadingScenario);
  const [scenario, published] = await Promise.all([
    getJson<Scenario>(`/api/v1/scenarios/${encodeURIComponent(id)}`),
    loadPublished(id),
  ]);
  state.scenario = scenario;
  state.published = published;
  state.candidate = null;
  state.showing = "published";
  state.openStop = null;
  byId("scenario-name").textContent = scenario.name;
}

/** Checkboxes to show or hide routes by bus and by day (rebuilt per plan and language). */
function buildRouteToggles(index: PlanIndex, plannerMap: PlannerMap, { t, locale }: Words): void {
  const { plan, scenario } = index.loaded;
  const dates = [...new Set(plan.routes.map((r) => r.date))].sort();
  const toggle = (id: string, label: Node | string, checked: boolean, onChange: (on: boolean) => void) => {
    const input = h("input", { type: "checkbox", id, checked });
    input.addEventListener("change", () => onChange(input.checked));
    return h("label", { for: id, class: "check" }, input, label);
  };
  replaceChildren(
    byId("bus-toggles"),
    h("legend", {}, t.routesByBus),
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
    h("legend", {}, t.routesByDay),
    ...dates.map((d, i) =>
      toggle(`day-${i}`, formatDate(d, locale), plannerMap.isDayVisible(d), (on) => plannerMap.setDayVisible(d, on)),
    ),
  );
}

main().catch((error: unknown) => {
  say(words().t.pageLoadFailed(why(error)), "error");
});
