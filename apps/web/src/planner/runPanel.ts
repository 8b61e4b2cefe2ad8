/**
 * Running a new plan from the page: start a solve with a time limit, follow its progress live
 * (Server-Sent Events, with polling as a fallback), cancel it, compare the result with the
 * published plan, and publish it. Every write asks for the API token once per tab.
 */
import { ApiError, getJson, requestJson } from "../shared/api.js";
import { byId, h, replaceChildren } from "../shared/dom.js";
import { formatGap, formatNumber } from "../shared/format.js";
import type { Plan, PlanJob, SolveProgress } from "../shared/types.js";
import type { ChangeSet } from "@carebus/model";
import { comparePlans } from "./comparePlans.js";
import { fetchDiff, renderDiff } from "./planDiffView.js";
import { ensureToken, forgetToken } from "./token.js";
import type { Words } from "./words.js";

/** What the run panel needs from the page. */
export interface RunPanelHost {
  scenarioId(): string | null;
  publishedPlan(): Plan | null;
  stopName(stopId: string): string;
  /** the page's current language and locale */
  words(): Words;
  /** A finished plan to show, with its job (number, start time). */
  onPlanReady(planId: string, plan: Plan, job?: PlanJob): void;
  /** The plan was published. */
  onPublished(planId: string): void;
}

/** Job statuses (apps/api): queued → running → done | failed | cancelled. */
function isTerminal(status: string): boolean {
  return status === "done" || status === "failed" || status === "cancelled";
}

/**
 * Calls a write route with the token, asking again once if the server refuses it.
 * @throws ApiError for any other failure; resolves null if no token was given.
 */
async function withToken<T>(words: Words, call: (token: string) => Promise<T>): Promise<T | null> {
  let token = await ensureToken(words.t.tokenNeeded);
  if (!token) return null;
  try {
    return await call(token);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401) throw error;
    forgetToken();
    token = await ensureToken(words.t.tokenRefused, true);
    if (!token) return null;
    return call(token);
  }
}

/** Wires the run form (#run-form) and its controls. */
export class RunPanel {
  private readonly form = byId<HTMLFormElement>("run-form");
  private readonly runButton = byId<HTMLButtonElement>("run-button");
  private readonly cancelButton = byId<HTMLButtonElement>("cancel-button");
  private readonly publishButton = byId<HTMLButtonElement>("publish-button");
  private readonly bar = byId<HTMLProgressElement>("run-progress");
  private readonly status = byId("run-status");
  private readonly compare = byId("compare");
  private jobId: string | null = null;
  /** the plan a running re-plan started from, to show what moved when it ends */
  private basePlanId: string | null = null;
  private finishedPlanId: string | null = null;
  private finishedPlan: Plan | null = null;
  private events: EventSource | null = null;
  private poll: number | null = null;
  private limit = { ms: 0, iterations: 0 };
  private lastText = 0;

  constructor(private readonly host: RunPanelHost) {
    this.form.addEventListener("submit", (event) => {
      event.preventDefault();
      void this.run();
    });
    this.cancelButton.addEventListener("click", () => void this.cancel());
    this.publishButton.addEventListener("click", () => void this.publish());
  }

  /** Re-draws the comparison (after the published plan changed). */
  refreshComparison(): void {
    if (this.finishedPlan) this.renderComparison(this.finishedPlan);
  }

  private say(text: string, kind: "info" | "error" = "info"): void {
    this.status.textContent = text;
    this.status.classList.toggle("error", kind === "error");
  }

  private get words(): Words {
    return this.host.words();
  }

  private why(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
  }

  /**
   * Runs a plan with the form's limits; `replan` makes it a re-plan from a plan with pins and
   * exclusions, whose end shows what moved.
   */
  async run(replan?: { basePlanId: string; changes: ChangeSet }): Promise<void> {
    const { t } = this.words;
    const scenarioId = this.host.scenarioId();
    if (!scenarioId) return this.say(t.chooseScenarioFirst, "error");
    const data = new FormData(this.form);
    const seconds = Number(data.get("timeLimitSeconds"));
    if (!(seconds > 0 && seconds <= 86400)) return this.say(t.badTimeLimit, "error");
    const options: Record<string, number> = { timeLimitSeconds: seconds };
    const iterations = String(data.get("iterationLimit") ?? "").trim();
    if (iterations) {
      if (!/^\d+$/.test(iterations)) return this.say(t.badIterations, "error");
      options.iterationLimit = Number(iterations);
    }
    const seed = String(data.get("seed") ?? "").trim();
    if (seed) {
      if (!/^\d+$/.test(seed)) return this.say(t.badSeed, "error");
      options.seed = Number(seed);
    }
    this.limit = { ms: seconds * 1000, iterations: options.iterationLimit ?? 0 };
    this.finishedPlan = null;
    this.finishedPlanId = null;
    this.publishButton.disabled = true;
    replaceChildren(this.compare);
    try {
      const job = await withToken(this.words, (token) =>
        requestJson<{ id: string; status: string }>("POST", "/api/v1/plans", {
          body: { scenarioId, options, ...(replan ? { basePlanId: replan.basePlanId, ...replan.changes } : {}) },
          token,
        }),
      );
      this.basePlanId = replan?.basePlanId ?? null;
      if (!job) return this.say(t.notStartedNoToken);
      this.jobId = job.id;
      this.runButton.disabled = true;
      this.cancelButton.disabled = false;
      this.bar.hidden = false;
      this.bar.removeAttribute("value");
      this.say(t.jobStatus(t.statuses[job.status] ?? job.status));
      this.follow(job.id);
    } catch (error) {
      this.say(t.startFailed(this.why(error)), "error");
    }
  }

  private follow(id: string): void {
    if (typeof EventSource === "function") {
      const events = new EventSource(`/api/v1/plans/${encodeURIComponent(id)}/events`);
      this.events = events;
      events.addEventListener("progress", (event) => {
        const progress = parseData<SolveProgress>(event);
        if (progress) this.showProgress(progress, "running");
      });
      events.addEventListener("status", (event) => {
        const data = parseData<{ status?: string; progress?: SolveProgress | null }>(event);
        if (data?.progress) this.showProgress(data.progress, data.status ?? "running");
        if (data?.status && isTerminal(data.status)) void this.finish(id);
      });
      // A closed or failed stream is not fatal: fall back to polling the job.
      events.onerror = () => {
        events.close();
        if (this.jobId === id) this.startPolling(id);
      };
    } else this.startPolling(id);
  }

  private startPolling(id: string): void {
    if (this.poll !== null) return;
    const tick = async () => {
      try {
        const job = await getJson<PlanJob>(`/api/v1/plans/${encodeURIComponent(id)}`);
        if (job.progress) this.showProgress(job.progress, job.status);
        if (isTerminal(job.status)) return void this.finish(id, job);
      } catch (error) {
        this.say(this.words.t.lostContact(this.why(error)), "error");
      }
      if (this.jobId === id) this.poll = window.setTimeout(tick, 1000);
    };
    this.poll = window.setTimeout(tick, 0);
  }

  private stopFollowing(): void {
    this.events?.close();
    this.events = null;
    if (this.poll !== null) window.clearTimeout(this.poll);
    this.poll = null;
  }

  private showProgress(p: SolveProgress, status: string): void {
    if (this.limit.iterations > 0) {
      this.bar.max = this.limit.iterations;
      this.bar.value = Math.min(p.iterations, this.limit.iterations);
    } else if (this.limit.ms > 0) {
      this.bar.max = this.limit.ms;
      this.bar.value = Math.min(p.elapsedMs, this.limit.ms);
    }
    // Screen readers hear the live region; rewriting it on every event would flood them.
    const now = performance.now();
    if (now - this.lastText < 700 && !isTerminal(status)) return;
    this.lastText = now;
    const { t, locale } = this.words;
    const bound =
      p.bound !== null && p.bound > 0
        ? t.progressBound(
            formatNumber(p.bound, locale),
            t.gap(formatGap((p.bound - p.value) / p.bound, locale)),
            p.boundKind === "quick",
          )
        : "";
    this.say(
      t.progressLine(
        t.statuses[status] ?? status,
        formatNumber(p.elapsedMs / 1000, locale),
        formatNumber(p.iterations, locale, 0),
        formatNumber(p.value, locale),
        bound,
      ),
    );
  }

  private async finish(id: string, known?: PlanJob): Promise<void> {
    if (this.jobId !== id) return;
    this.jobId = null;
    this.stopFollowing();
    this.runButton.disabled = false;
    this.cancelButton.disabled = true;
    const { t, locale } = this.words;
    try {
      const job = known?.plan ? known : await getJson<PlanJob>(`/api/v1/plans/${encodeURIComponent(id)}`);
      this.bar.hidden = true;
      if (job.plan && job.status === "done") {
        const stats = job.plan.stats;
        this.say(
          t.doneLine(
            formatNumber(job.plan.totals.caregiversReached, locale, 0),
            formatNumber(stats.value, locale),
            t.gap(formatGap(stats.gap, locale)),
            formatNumber(stats.elapsedMs / 1000, locale),
          ),
        );
        this.finishedPlanId = id;
        this.finishedPlan = job.plan;
        this.publishButton.disabled = false;
        if (this.basePlanId) {
          const text = this.words.t.changes;
          renderDiff(
            this.compare,
            await fetchDiff(this.basePlanId, id),
            text,
            (stopId) => this.host.stopName(stopId),
            text.whatMoved,
          );
        } else this.renderComparison(job.plan);
        this.host.onPlanReady(id, job.plan, job);
      } else if (job.status === "cancelled") {
        // A cancelled solve keeps its best plan: show it, but only a finished plan can be published.
        this.say(t.cancelledLine(job.plan ? formatNumber(job.plan.stats.value, locale) : null));
        if (job.plan) {
          this.finishedPlan = job.plan;
          this.renderComparison(job.plan);
          this.host.onPlanReady(id, job.plan, job);
        }
      } else {
        const reason = typeof job.error === "string" ? job.error : (job.error?.message ?? job.message ?? job.status);
        this.say(t.failedLine(reason), "error");
      }
    } catch (error) {
      this.say(t.readFailed(this.why(error)), "error");
    }
  }

  private async cancel(): Promise<void> {
    const id = this.jobId;
    if (!id) return;
    const { t } = this.words;
    try {
      const done = await withToken(this.words, (token) =>
        requestJson<unknown>("DELETE", `/api/v1/plans/${encodeURIComponent(id)}`, { token }),
      );
      if (done === null) return this.say(t.notCancelledNoToken);
      // The solve stops at its next check; the event stream (or polling) reports the end.
      this.say(t.cancelling);
    } catch (error) {
      this.say(t.cancelFailed(this.why(error)), "error");
    }
  }

  private async publish(): Promise<void> {
    const id = this.finishedPlanId;
    if (!id) return;
    const { t } = this.words;
    try {
      const done = await withToken(this.words, (token) =>
        requestJson<unknown>("POST", `/api/v1/plans/${encodeURIComponent(id)}/publish`, { token }),
      );
      if (done === null) return this.say(t.notPublishedNoToken);
      this.publishButton.disabled = true;
      this.say(t.nowPublished);
      this.host.onPublished(id);
    } catch (error) {
      this.say(t.publishFailed(this.why(error)), "error");
    }
  }

  private renderComparison(plan: Plan): void {
    const { t, locale } = this.words;
    const published = this.host.publishedPlan();
    if (!published) {
      replaceChildren(this.compare, h("p", {}, t.firstPublication));
      return;
    }
    const c = comparePlans(plan, published);
    const names = (ids: string[]) =>
      ids.length
        ? h("ul", { class: "stop-list" }, ...ids.map((id) => h("li", {}, this.host.stopName(id))))
        : h("p", { class: "muted" }, t.none);
    const sign = c.valueDelta > 0 ? "+" : c.valueDelta < 0 ? "−" : "±";
    replaceChildren(
      this.compare,
      h("h3", {}, t.comparedHeading),
      h(
        "p",
        { id: "compare-value" },
        t.compareValue(
          formatNumber(c.candidateValue, locale),
          formatNumber(c.referenceValue, locale),
          `${sign}${formatNumber(Math.abs(c.valueDelta), locale)}`,
        ),
      ),
      h("h4", {}, t.stopsAdded(c.added.length)),
      names(c.added),
      h("h4", {}, t.stopsRemoved(c.removed.length)),
      names(c.removed),
    );
  }
}

function parseData<T>(event: Event): T | null {
  try {
    return JSON.parse((event as MessageEvent<string>).data) as T;
  } catch {
    return null;
  }
}
