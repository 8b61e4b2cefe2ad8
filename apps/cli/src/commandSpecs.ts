/**
 * Every command's synopsis and options in one light module: `carebus <command> --help` prints
 * from here without loading the command (and so without the solver or the server), and each
 * command parses its arguments from the same list, so the help cannot drift from the parser.
 */

/** One option of a command. */
export interface OptionSpec {
  name: string;
  /** a value-taking option names its value (`S`, `FILE`); a flag has none */
  value?: string;
  /** the default, as the user would type it, or a phrase ("stdout", "the scenario's") */
  default?: string;
  description: string;
  /** may be given more than once */
  multiple?: boolean;
  short?: string;
}

/** One command of the tool. */
export interface CommandSpec {
  name: string;
  summary: string;
  /** what comes after the command name, before the options */
  positionals: string;
  options: OptionSpec[];
}

// Options several commands share, each defined once; what differs between commands (the
// default, what is written or spoken) is a parameter.
const HELP: OptionSpec = { name: "help", short: "h", description: "print this help and exit" };
const JSON_OUTPUT = (what: string): OptionSpec => ({ name: "json", description: `print ${what} as JSON` });
const OUT = (what: string): OptionSpec => ({
  name: "out",
  value: "FILE",
  default: "stdout",
  description: `write ${what} here`,
});
const LANG = (what: string, byDefault: string): OptionSpec => ({
  name: "lang",
  value: "es|en",
  default: byDefault,
  description: `language of ${what}`,
});
const SCENARIO = (description: string): OptionSpec => ({
  name: "scenario",
  value: "FILE",
  default: "data/bogota/scenario.json",
  description,
});
const PLAN_SCENARIO = SCENARIO("the plan's scenario");
const DATABASE = (byDefault: string, description: string): OptionSpec => ({
  name: "database",
  value: "postgresql://…",
  default: byDefault,
  description,
});
const TIME_LIMIT = (byDefault: string): OptionSpec => ({
  name: "time-limit",
  value: "S",
  default: byDefault,
  description: "seconds of search",
});
const ITERATIONS = (description: string): OptionSpec => ({
  name: "iterations",
  value: "N",
  default: "none",
  description,
});
const SEED = (byDefault: string): OptionSpec => ({
  name: "seed",
  value: "K",
  default: byDefault,
  description: "random seed",
});
const INPUT_FILE = (name: string, byDefault: string, description: string): OptionSpec => ({
  name,
  value: "FILE",
  default: byDefault,
  description,
});

export const COMMAND_SPECS: Record<string, CommandSpec> = {
  validate: {
    name: "validate",
    summary: "check a scenario (or plan) file and print its summary or every problem",
    positionals: "<scenario.json | plan.json>  |  carebus validate --schema [scenario|plan]",
    options: [{ name: "schema", description: "print the JSON Schema (of a scenario, or `plan`) instead" }, HELP],
  },
  solve: {
    name: "solve",
    summary: "plan a scenario, optionally from a plan with pins and exclusions",
    positionals: "<scenario.json>",
    options: [
      TIME_LIMIT("the scenario's, else 10"),
      ITERATIONS("stop after N iterations (repeatable runs)"),
      SEED("the scenario's, else 1"),
      OUT("the plan JSON"),
      { name: "directions", value: "es|en", default: "none", description: "add turn-by-turn directions" },
      LANG("the summary", "the scenario's locale, else es"),
      {
        name: "from",
        value: "plan.json",
        default: "none",
        description: "re-plan from this plan, moving as little as possible",
      },
      {
        name: "pin",
        value: "STOP@DATE|WEEKDAY[/BUS]",
        multiple: true,
        default: "none",
        description: "visit STOP on a date (2026-11-24) or every such weekday (tue), by BUS if given",
      },
      { name: "exclude-stop", value: "STOP", multiple: true, default: "none", description: "do not visit STOP" },
      {
        name: "exclude-bus",
        value: "BUS[@DATE]",
        multiple: true,
        default: "none",
        description: "BUS does not work (on DATE only, if given)",
      },
      HELP,
    ],
  },
  diff: {
    name: "diff",
    summary: "compare two plans: caregivers, value, stops added and removed, visits moved, travel",
    positionals: "<a.json> <b.json>",
    options: [JSON_OUTPUT("the comparison"), LANG("the comparison", "es"), HELP],
  },
  export: {
    name: "export",
    summary: "write a plan as a visit table (CSV, XLSX) or driver sheets (PDF)",
    positionals: "<plan.json>",
    options: [
      PLAN_SCENARIO,
      { name: "format", value: "csv|xlsx|pdf", default: "csv", description: "what to write" },
      OUT("the table or the sheets"),
      LANG("the headings and sheets", "es"),
      HELP,
    ],
  },
  toptw: {
    name: "toptw",
    summary: "solve a literature TOPTW benchmark file",
    positionals: "<instance.txt>",
    options: [
      { name: "vehicles", value: "M", default: "required", description: "number of routes" },
      TIME_LIMIT("1"),
      SEED("1"),
      ITERATIONS("stop after N iterations"),
      {
        name: "distance",
        value: "trunc1|trunc2|round2|exact",
        default: "trunc1",
        description: "how the file's distances are rounded",
      },
      { name: "recombine", description: "also recombine the best routes with HiGHS" },
      JSON_OUTPUT("one object"),
      HELP,
    ],
  },
  geojson: {
    name: "geojson",
    summary: "print a plan as a GeoJSON FeatureCollection",
    positionals: "<plan.json>",
    options: [PLAN_SCENARIO, { name: "pretty", description: "indent the JSON" }, HELP],
  },
  import: {
    name: "import",
    summary: "build a scenario from CSV/GeoJSON files a planner keeps",
    positionals: "",
    options: [
      INPUT_FILE("stops", "required", "stops (CSV or GeoJSON)"),
      INPUT_FILE("demand", "required", "where caregivers live (CSV or GeoJSON)"),
      INPUT_FILE("care-blocks", "none", "Care Blocks (CSV or GeoJSON)"),
      INPUT_FILE("buses", "none", "buses (CSV)"),
      INPUT_FILE("depots", "none", "depots (CSV)"),
      INPUT_FILE("settings", "none", "horizon and other settings (JSON)"),
      OUT("the scenario JSON"),
      HELP,
    ],
  },
  "export-scenario": {
    name: "export-scenario",
    summary: "write a scenario as the CSV files and settings `carebus import` reads",
    positionals: "<scenario.json>",
    options: [
      { name: "out-dir", value: "DIR", default: "required", description: "folder to write the files in" },
      HELP,
    ],
  },
  worker: {
    name: "worker",
    summary: "run solve jobs of servers sharing a PostgreSQL database",
    positionals: "",
    options: [
      DATABASE("required (CAREBUS_DATABASE_URL)", "the servers' database"),
      {
        name: "concurrency",
        value: "N",
        default: "1",
        description: "solves at once on this host (1-64; more than one per core only slows each)",
      },
      HELP,
    ],
  },
  serve: {
    name: "serve",
    summary: "start the server (planner page, API, calendar feeds)",
    positionals: "",
    options: [
      { name: "port", value: "N", default: "3000 (CAREBUS_PORT)", description: "port to listen on" },
      { name: "host", value: "H", default: "127.0.0.1 (CAREBUS_HOST)", description: "address to listen on" },
      { name: "data-dir", value: "DIR", default: ".carebus (CAREBUS_DATA_DIR)", description: "where the store lives" },
      DATABASE(
        "none: SQLite in --data-dir (CAREBUS_DATABASE_URL)",
        "store and solve queue in PostgreSQL; solves then run in carebus worker",
      ),
      SCENARIO("scenario stored on first start"),
      {
        name: "plan",
        value: "FILE",
        default: "none",
        description: "publish this plan of the scenario instead of planning it again",
      },
      { name: "plan-seconds", value: "S", default: "20", description: "seconds to plan the scenario on first start" },
      {
        name: "log-level",
        value: "LEVEL",
        default: "info (CAREBUS_LOG_LEVEL)",
        description: "server log level (fatal, error, warn, info, debug, trace, silent)",
      },
      HELP,
    ],
  },
};

/** The help text of one command: synopsis, then every option with its default. */
export function commandHelp(spec: CommandSpec): string {
  const label = (o: OptionSpec) =>
    `${o.short ? `-${o.short}, ` : ""}--${o.name}${o.value ? ` ${o.value}` : ""}${o.multiple ? " ..." : ""}`;
  const width = Math.max(...spec.options.map((o) => label(o).length));
  const lines = spec.options.map((o) => {
    const byDefault = o.value ? ` (default: ${o.default ?? "none"})` : "";
    return `  ${label(o).padEnd(width)}  ${o.description}${byDefault}`;
  });
  return `usage: carebus ${spec.name}${spec.positionals ? ` ${spec.positionals}` : ""} [options]\n\n${spec.summary}\n\noptions:\n${lines.join("\n")}\n`;
}

/** The tool's own help: every command with its summary. */
export function toolHelp(): string {
  const lines = Object.values(COMMAND_SPECS).map((c) => `  ${c.name.padEnd(15)} ${c.summary}`);
  return `usage: carebus <command> [options]\n       carebus <command> --help\n       carebus --version\n\ncommands:\n${lines.join("\n")}\n`;
}
