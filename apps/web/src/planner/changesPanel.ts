/**
 * What the planner already knows, gathered on the page: pinned visits (from the week grid or a
 * stop's details), stops not to visit, bus-days out of service. The panel lists them, each
 * removable, and its button re-plans from the plan on show with them (POST /api/v1/plans with
 * basePlanId, pins and exclude); the run panel follows the job and shows what moved.
 */
import type { ChangeSet } from "@carebus/model";
import { byId, h, replaceChildren } from "../shared/dom.js";
import { formatDate } from "../shared/format.js";
import type { ChangesText } from "./messages.js";

/** One pinned visit: a stop on a bus-day. */
export interface Pin {
  stopId: string;
  busId: string;
  date: string;
}

/** What the panel needs from the page. */
export interface ChangesHost {
  stopName(stopId: string): string;
  busName(busId: string): string;
  /** the id of the plan on show, the base of a re-plan */
  planOnShow(): string | null;
  /** redraw what shows the changes (the week grid) */
  changed(): void;
  replan(basePlanId: string, changes: ChangeSet): void;
}

const dayKey = (busId: string, date: string) => `${busId}|${date}`;
const pinKey = (p: Pin) => `${p.stopId}|${p.busId}|${p.date}`;

export class ChangesPanel {
  private readonly pins = new Map<string, Pin>();
  private readonly stops = new Set<string>();
  private readonly busDays = new Map<string, { busId: string; date: string }>();
  private readonly list = byId("changes-list");
  private readonly button = byId<HTMLButtonElement>("replan-button");

  constructor(
    private readonly host: ChangesHost,
    private readonly words: () => { text: ChangesText; locale: string },
  ) {
    this.button.addEventListener("click", () => {
      const base = this.host.planOnShow();
      if (base) this.host.replan(base, this.changeSet());
    });
    this.render();
  }

  isPinned(pin: Pin): boolean {
    return this.pins.has(pinKey(pin));
  }

  togglePin(pin: Pin): void {
    if (!this.pins.delete(pinKey(pin))) this.pins.set(pinKey(pin), pin);
    this.update();
  }

  isExcludedDay(busId: string, date: string): boolean {
    return this.busDays.has(dayKey(busId, date));
  }

  toggleDay(busId: string, date: string): void {
    if (!this.busDays.delete(dayKey(busId, date))) this.busDays.set(dayKey(busId, date), { busId, date });
    this.update();
  }

  isExcludedStop(stopId: string): boolean {
    return this.stops.has(stopId);
  }

  toggleStop(stopId: string): void {
    if (!this.stops.delete(stopId)) this.stops.add(stopId);
    this.update();
  }

  /** The change set as the API takes it. */
  changeSet(): ChangeSet {
    const exclude = {
      ...(this.stops.size ? { stops: [...this.stops] } : {}),
      ...(this.busDays.size ? { busDays: [...this.busDays.values()] } : {}),
    };
    return {
      ...(this.pins.size
        ? { pins: [...this.pins.values()].map((p) => ({ stopId: p.stopId, date: p.date, busId: p.busId })) }
        : {}),
      ...(Object.keys(exclude).length ? { exclude } : {}),
    };
  }

  private update(): void {
    this.render();
    this.host.changed();
  }

  /** Redraws the list (after the page's language changed). */
  render(): void {
    const { text: t, locale } = this.words();
    const day = (date: string) => formatDate(date, locale);
    const item = (label: string, remove: () => void) =>
      h("li", {}, label, " ", h("button", { type: "button", class: "link", onclick: remove }, t.remove));
    const items = [
      ...[...this.pins.values()].map((p) =>
        item(t.pinned(this.host.stopName(p.stopId), this.host.busName(p.busId), day(p.date)), () => this.togglePin(p)),
      ),
      ...[...this.stops].map((id) => item(t.excludedStop(this.host.stopName(id)), () => this.toggleStop(id))),
      ...[...this.busDays.values()].map((d) =>
        item(t.excludedDay(this.host.busName(d.busId), day(d.date)), () => this.toggleDay(d.busId, d.date)),
      ),
    ];
    replaceChildren(
      this.list,
      items.length ? h("ul", { class: "stop-list" }, ...items) : h("p", { class: "muted" }, t.none),
    );
  }
}
