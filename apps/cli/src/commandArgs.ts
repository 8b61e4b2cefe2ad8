/**
 * Parsing a command's arguments from its spec (commandSpecs.ts) with messages of the tool's
 * own: `--time-limit -5` is a value, not an unknown option (Node's parser would call it
 * "ambiguous"), an unknown option names the command's help, and numbers are checked here once.
 */
import { parseArgs } from "node:util";
import type { CommandIo } from "./commandIo.js";
import { commandHelp, type CommandSpec } from "./commandSpecs.js";

/** A command line that cannot be used; the message is meant for the user as it is. */
export class UsageError extends Error {}

/** Parsed values: a string, strings for a repeatable option, true for a flag. */
export interface ParsedArgs {
  values: Record<string, string | string[] | boolean | undefined>;
  positionals: string[];
}

/**
 * `args` parsed against `spec`.
 * @throws UsageError for an unknown option, a missing value, or a value given to a flag
 */
export function parseCommandArgs(spec: CommandSpec, args: readonly string[]): ParsedArgs {
  const valued = new Set(spec.options.filter((o) => o.value).map((o) => `--${o.name}`));
  // "--opt -5" → "--opt=-5": a value that looks like an option is still the value
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const next = args[i + 1];
    if (valued.has(arg) && next?.startsWith("-") && next !== "--" && !isOption(spec, next)) {
      joined.push(`${arg}=${next}`);
      i++;
    } else joined.push(arg);
  }
  const options = Object.fromEntries(
    spec.options.map((o) => [
      o.name,
      {
        type: o.value ? ("string" as const) : ("boolean" as const),
        ...(o.multiple ? { multiple: true } : {}),
        ...(o.short ? { short: o.short } : {}),
      },
    ]),
  );
  try {
    const { values, positionals } = parseArgs({ args: joined, options, allowPositionals: true, strict: true });
    return { values: values as ParsedArgs["values"], positionals };
  } catch (error) {
    throw new UsageError(usageMessage(spec, error as Error & { code?: string }));
  }
}

/** The line shown under a usage error: the synopsis, and where every option is listed. */
export function usageLine(spec: CommandSpec): string {
  const synopsis = `carebus ${spec.name}${spec.positionals ? ` ${spec.positionals}` : ""}`;
  return `usage: ${synopsis} [options]  (carebus ${spec.name} --help lists them)`;
}

/**
 * A command's arguments: parsed against `spec`, then read into what the command needs by
 * `read` (which throws UsageError for its own rules: how many files, which values). The command
 * line is answered here when that is all there is to do: --help prints the spec's help (exit 0),
 * a usage error prints `carebus <command>: message` and the usage line (exit 2).
 * @returns `{ args }` to run with, or `{ exitCode }` when the command is done
 */
export function readCommandArgs<T>(
  spec: CommandSpec,
  args: readonly string[],
  io: CommandIo,
  read: (parsed: ParsedArgs) => T,
): { args: T } | { exitCode: number } {
  try {
    const parsed = parseCommandArgs(spec, args);
    if (parsed.values.help) {
      io.stdout(commandHelp(spec));
      return { exitCode: 0 };
    }
    return { args: read(parsed) };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`carebus ${spec.name}: ${error.message}\n${usageLine(spec)}\n`);
    return { exitCode: 2 };
  }
}

/**
 * The positional arguments when there are exactly `count` of them ("plan file", "scenario file").
 * @throws UsageError naming what was expected and how many came
 */
export function exactPositionals(parsed: ParsedArgs, count: number, what: string): string[] {
  if (parsed.positionals.length !== count) {
    const expected = count === 1 ? `exactly one ${what}` : `${count} ${what}s`;
    throw new UsageError(`expected ${expected}, got ${parsed.positionals.length}`);
  }
  return parsed.positionals;
}

/**
 * The arguments of a command that takes options only.
 * @throws UsageError naming the first argument that is not an option
 */
export function optionsOnly(parsed: ParsedArgs): ParsedArgs {
  if (parsed.positionals.length > 0)
    throw new UsageError(`unexpected argument ${JSON.stringify(parsed.positionals[0])}`);
  return parsed;
}

function isOption(spec: CommandSpec, text: string): boolean {
  const name = text.replace(/^--?/, "").split("=")[0];
  return spec.options.some((o) => o.name === name || o.short === name);
}

function usageMessage(spec: CommandSpec, error: Error & { code?: string }): string {
  const option = /'(-[^']*)'/.exec(error.message)?.[1];
  switch (error.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `unknown option ${option ?? ""} (see carebus ${spec.name} --help)`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return option && /argument missing/.test(error.message)
        ? `${option.split(" ")[0]} needs a value`
        : `${option?.split(" ")[0] ?? "an option"} takes no value`;
    default:
      return error.message;
  }
}

/** A positive number of seconds (or any positive quantity). */
export function positiveNumber(flag: string, text: string): number {
  const n = Number(text);
  if (text.trim() === "" || !Number.isFinite(n) || n <= 0)
    throw new UsageError(`--${flag} must be a number greater than 0, got ${JSON.stringify(text)}`);
  return n;
}

/** A whole number ≥ 0. */
export function nonNegativeInteger(flag: string, text: string): number {
  if (!/^\d+$/.test(text)) throw new UsageError(`--${flag} must be a whole number ≥ 0, got ${JSON.stringify(text)}`);
  return Number(text);
}

/** A whole number ≥ 1. */
export function positiveInteger(flag: string, text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1)
    throw new UsageError(`--${flag} must be a whole number ≥ 1, got ${JSON.stringify(text)}`);
  return Number(text);
}

/** One of a few words. */
export function oneOf<T extends string>(flag: string, text: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(text))
    throw new UsageError(`--${flag} must be ${allowed.join(" or ")}, got ${JSON.stringify(text)}`);
  return text as T;
}

/** The string value of a single-valued option. */
export function stringValue(parsed: ParsedArgs, name: string): string | undefined {
  const v = parsed.values[name];
  return typeof v === "string" ? v : undefined;
}

/** The values of a repeatable option. */
export function stringValues(parsed: ParsedArgs, name: string): string[] {
  const v = parsed.values[name];
  return Array.isArray(v) ? v : [];
}
