#!/usr/bin/env node
/**
 * The `carebus` command line. Each command lives in commands/<name>.ts and exports
 * `run(args: string[]): Promise<number>` returning the exit code; they load lazily so that
 * `carebus validate` does not pay for the solver or the server at start-up.
 * Exit codes: 0 ok, 1 internal error, 2 bad input, 3 geography/routing unavailable.
 */
const COMMANDS: Record<string, string> = {
  validate: "check a scenario file and print its summary (--schema prints the JSON Schema)",
  solve:
    "plan a scenario: carebus solve <scenario.json> [--time-limit S] [--iterations N] [--seed K] [--out plan.json] [--directions es|en]",
  toptw:
    "solve a literature TOPTW file: carebus toptw <instance.txt> --vehicles M [--time-limit S] [--seed K] [--distance trunc1|trunc2|round2|exact] [--iterations N] [--recombine] --json",
  geojson: "print a plan as a GeoJSON FeatureCollection: carebus geojson <plan.json>",
  serve:
    "start the server: carebus serve [--port N] [--host H] [--data-dir DIR] [--database postgresql://…] [--scenario FILE] [--plan-seconds S]",
  worker: "run solve jobs of servers sharing a PostgreSQL database: carebus worker --database URL [--concurrency N]",
  import:
    "build a scenario from CSV/GeoJSON files: carebus import --stops F --demand F [--care-blocks F] [--buses F] [--depots F] [--settings F] [--out scenario.json]",
  "export-scenario":
    "write a scenario as CSV files and settings: carebus export-scenario <scenario.json> --out-dir DIR",
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, text]) => `  ${name.padEnd(15)} ${text}`);
  return `usage: carebus <command> [options]\n\ncommands:\n${lines.join("\n")}\n`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  if (!Object.hasOwn(COMMANDS, name)) {
    process.stderr.write(`carebus: unknown command ${JSON.stringify(name)}\n\n${usage()}`);
    return 2;
  }
  const command = (await import(`./commands/${name}.js`)) as { run(args: string[]): Promise<number> };
  return command.run(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`carebus: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
