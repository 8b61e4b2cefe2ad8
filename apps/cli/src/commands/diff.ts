/**
 * `carebus diff <a.json> <b.json> [--json] [--lang es|en]`: how plan b differs from plan a — caregivers and
 * value in total, per locality and per zone, stops added and removed, visits moved (from
 * bus/day/time to bus/day/time), travel. Plain text in Spanish by default (`--lang en` for
 * English), the comparison object with --json. Exit 0 whether or not they differ; 2 for unreadable or invalid plans.
 */
import {
  PlanError,
  diffPlans,
  formatCalendarDate,
  formatFigure,
  localeForLanguage,
  parsePlan,
  type Delta,
  type Language,
  type Plan,
  type PlanDiff,
  type VisitSlot,
  type Zone,
} from "@carebus/model";
import { InputFileError, PROCESS_IO, readJsonFile, type CommandIo } from "../commandIo.js";
import { exactPositionals, oneOf, readCommandArgs, stringValue } from "../commandArgs.js";
import { COMMAND_SPECS } from "../commandSpecs.js";

const SPEC = COMMAND_SPECS.diff!;

/**
 * Runs `carebus diff`.
 * @returns 0 with the comparison on stdout, 2 for bad arguments or plans
 */
export async function run(args: string[], io: CommandIo = PROCESS_IO): Promise<number> {
  const read = readCommandArgs(SPEC, args, io, (parsed) => ({
    files: exactPositionals(parsed, 2, "plan file"),
    json: parsed.values.json === true,
    lang: oneOf("lang", stringValue(parsed, "lang") ?? "es", LANGUAGES),
  }));
  if ("exitCode" in read) return read.exitCode;
  const plans: Plan[] = [];
  for (const file of read.args.files) {
    try {
      plans.push(parsePlan(await readJsonFile(file, "plan")));
    } catch (error) {
      if (error instanceof InputFileError) io.stderr(`carebus diff: ${error.message}\n`);
      else if (error instanceof PlanError)
        io.stderr(
          `${error.issues.map((i) => `${i.path}: ${i.message}\n`).join("")}carebus diff: ${file}: not a plan\n`,
        );
      else throw error;
      return 2;
    }
  }
  const diff = diffPlans(plans[0]!, plans[1]!);
  io.stdout(read.args.json ? `${JSON.stringify(diff, null, 2)}\n` : formatDiff(diff, read.args.lang));
  return 0;
}

/** The words of the comparison. */
interface DiffWords {
  same: string;
  caregivers: string;
  value: string;
  visits: string;
  travel: string;
  km: string;
  byLocality: string;
  byZone: string;
  caregiversOf: string;
  valueOf: string;
  zone: (zone: Zone) => string;
  stopsAdded: (n: number) => string;
  stopsRemoved: (n: number) => string;
  moved: (n: number) => string;
  /** a bus-day and start, in the reader's way */
  slot: (s: VisitSlot, locale: string) => string;
}

const LANGUAGES: readonly Language[] = ["es", "en"];

const WORDS: Record<Language, DiffWords> = {
  es: {
    same: "los planes son iguales: ninguna visita cambió y los totales coinciden",
    caregivers: "cuidadoras alcanzadas",
    value: "valor ponderado",
    visits: "visitas",
    travel: "minutos de conducción",
    km: "km",
    byLocality: "por localidad:",
    byZone: "por zona:",
    caregiversOf: "cuidadoras",
    valueOf: "valor",
    zone: (zone) => (zone === "urban" ? "urbana" : "rural"),
    stopsAdded: (n) => `paradas nuevas (${n})`,
    stopsRemoved: (n) => `paradas que salen (${n})`,
    moved: (n) => `visitas movidas (${n} del primer plan; — = ninguna):`,
    slot: (s, locale) => `${s.busId} ${formatCalendarDate(s.date, locale)} ${s.start}`,
  },
  en: {
    same: "the plans are the same: no visit moved, same totals",
    caregivers: "caregivers reached",
    value: "value",
    visits: "visits",
    travel: "travel minutes",
    km: "km",
    byLocality: "by locality:",
    byZone: "by zone:",
    caregiversOf: "caregivers",
    valueOf: "value",
    zone: (zone) => zone,
    stopsAdded: (n) => `stops added (${n})`,
    stopsRemoved: (n) => `stops removed (${n})`,
    moved: (n) => `visits moved (${n} of the first plan's; — = none):`,
    slot: (s) => `${s.busId} ${s.date} ${s.start}`,
  },
};

/** The comparison as text, one section per kind of change, in `lang` (Spanish unless asked). */
export function formatDiff(diff: PlanDiff, lang: Language = "es"): string {
  const w = WORDS[lang];
  const locale = localeForLanguage(lang);
  const num = (x: number) => formatFigure(x, locale);
  const signed = (x: number) => (x > 0 ? `+${num(x)}` : num(x));
  const change = (d: Delta) => `${num(d.a)} → ${num(d.b)} (${signed(d.delta)})`;
  const slot = (s: VisitSlot | null) => (s ? w.slot(s, locale) : "—");
  if (diff.same) return `${w.same}\n`;
  const width = Math.max(w.caregivers.length, w.value.length, w.visits.length, w.travel.length, w.km.length) + 2;
  const row = (label: string, d: Delta) => `${label.padEnd(width)}${change(d)}`;
  const lines = [
    row(w.caregivers, diff.caregivers),
    row(w.value, diff.value),
    row(w.visits, diff.visits),
    row(w.travel, diff.travelMinutes),
    row(w.km, diff.km),
  ];
  const changed = <T extends { caregivers: Delta; value: Delta }>(list: T[]) =>
    list.filter((x) => x.caregivers.delta !== 0 || x.value.delta !== 0);
  const localities = changed(diff.byLocality);
  if (localities.length > 0) {
    lines.push("", w.byLocality);
    for (const l of localities)
      lines.push(`  ${l.locality}: ${w.caregiversOf} ${change(l.caregivers)}, ${w.valueOf} ${change(l.value)}`);
  }
  const zones = changed(diff.byZone);
  if (zones.length > 0) {
    lines.push("", w.byZone);
    for (const z of zones)
      lines.push(`  ${w.zone(z.zone)}: ${w.caregiversOf} ${change(z.caregivers)}, ${w.valueOf} ${change(z.value)}`);
  }
  if (diff.stopsAdded.length > 0)
    lines.push("", `${w.stopsAdded(diff.stopsAdded.length)}: ${diff.stopsAdded.join(", ")}`);
  if (diff.stopsRemoved.length > 0)
    lines.push("", `${w.stopsRemoved(diff.stopsRemoved.length)}: ${diff.stopsRemoved.join(", ")}`);
  if (diff.moves.length > 0) {
    lines.push("", w.moved(diff.movedVisits));
    for (const m of diff.moves) lines.push(`  ${m.stopId}: ${slot(m.from)} → ${slot(m.to)}`);
  }
  return `${lines.join("\n")}\n`;
}
