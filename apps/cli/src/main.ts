#!/usr/bin/env node
/**
 * The `carebus` command line. Each command lives in commands/<name>.ts and exports
 * `run(args: string[]): Promise<number>` returning the exit code; they load lazily, and help
 * and the version come from light modules, so that `carebus --help` and `carebus validate`
 * do not pay for the solver or the server at start-up.
 * Exit codes: 0 ok, 1 internal error, 2 bad input, 3 geography/routing unavailable.
 */
import { readFileSync } from "node:fs";
import { COMMAND_SPECS, commandHelp, toolHelp } from "./commandSpecs.js";

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
  return `carebus ${pkg.version}\n`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === "--version" || name === "-V" || name === "version") {
    process.stdout.write(version());
    return 0;
  }
  if (!name || name === "--help" || name === "-h" || name === "help") {
    const topic = name === "help" ? args[0] : undefined;
    if (topic !== undefined && Object.hasOwn(COMMAND_SPECS, topic))
      process.stdout.write(commandHelp(COMMAND_SPECS[topic]!));
    else process.stdout.write(toolHelp());
    return name ? 0 : 2;
  }
  if (!Object.hasOwn(COMMAND_SPECS, name)) {
    process.stderr.write(`carebus: unknown command ${JSON.stringify(name)}\n\n${toolHelp()}`);
    return 2;
  }
  if (args.includes("--help") || args.includes("-h")) {
    process.stdout.write(commandHelp(COMMAND_SPECS[name]!));
    return 0;
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
