/**
 * `carebus diff <a.json> <b.json> [--json]`: how plan b differs from plan a — caregivers and
 * value in total, per locality and per zone, stops added and removed, visits moved (from
 * bus/day/time to bus/day/time), travel. Plain text by default, the comparison object with
 * --json. Exit 0 whether or not they differ; 2 for unreadable or invalid plans.
 */
import { PlanError, diffPlans, parsePlan, type Delta, type Plan, type PlanDiff, type VisitSlot } from "@carebus/model";
import { InputFileError, PROCESS_IO, readJsonFile, type CommandIo } from "../commandIo.js";
import { exactPositionals, readCommandArgs } from "../commandArgs.js";
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
  io.stdout(read.args.json ? `${JSON.stringify(diff, null, 2)}\n` : formatDiff(diff));
  return 0;
}

const num = (x: number) => x.toLocaleString("en-US", { maximumFractionDigits: 1 });
const signed = (x: number) => (x > 0 ? `+${num(x)}` : num(x));
const change = (d: Delta) => `${num(d.a)} → ${num(d.b)} (${signed(d.delta)})`;
const slot = (s: VisitSlot | null) => (s ? `${s.busId} ${s.date} ${s.start}` : "—");

/** The comparison as text, one section per kind of change. */
export function formatDiff(diff: PlanDiff): string {
  if (diff.same) return "the plans are the same: no visit moved, same totals\n";
  const lines = [
    `caregivers reached  ${change(diff.caregivers)}`,
    `value               ${change(diff.value)}`,
    `visits              ${change(diff.visits)}`,
    `travel minutes      ${change(diff.travelMinutes)}`,
    `km                  ${change(diff.km)}`,
  ];
  const changed = <T extends { caregivers: Delta; value: Delta }>(list: T[]) =>
    list.filter((x) => x.caregivers.delta !== 0 || x.value.delta !== 0);
  const localities = changed(diff.byLocality);
  if (localities.length > 0) {
    lines.push("", "by locality:");
    for (const l of localities)
      lines.push(`  ${l.locality}: caregivers ${change(l.caregivers)}, value ${change(l.value)}`);
  }
  const zones = changed(diff.byZone);
  if (zones.length > 0) {
    lines.push("", "by zone:");
    for (const z of zones) lines.push(`  ${z.zone}: caregivers ${change(z.caregivers)}, value ${change(z.value)}`);
  }
  if (diff.stopsAdded.length > 0)
    lines.push("", `stops added (${diff.stopsAdded.length}): ${diff.stopsAdded.join(", ")}`);
  if (diff.stopsRemoved.length > 0)
    lines.push("", `stops removed (${diff.stopsRemoved.length}): ${diff.stopsRemoved.join(", ")}`);
  if (diff.moves.length > 0) {
    lines.push("", `visits moved (${diff.movedVisits} of the first plan's; — = none):`);
    for (const m of diff.moves) lines.push(`  ${m.stopId}: ${slot(m.from)} → ${slot(m.to)}`);
  }
  return `${lines.join("\n")}\n`;
}
