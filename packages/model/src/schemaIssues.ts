/**
 * Turns TypeBox's schema errors into issues a person can act on: a JS-style path and a plain
 * sentence ("must be a number", "is required", "must be one of urban, rural", "unknown field
 * \"foo\""). TypeBox reports a failed union as one error holding every branch's errors; for
 * unions of objects told apart by a literal field (`demand.kind`, `travel.provider`) only the
 * branch the value names is reported, so a typo inside one demand form does not drown in the
 * complaints of the other form. Semantic rules are not here: see scenarioRules.ts.
 */
import type { TSchema } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import { ValueErrorType, type ValueError } from "@sinclair/typebox/errors";
import type { Issue } from "./errors.js";
import { childPath, isRecord, pointerToPath } from "./issuePath.js";

/** The longest rendering of an offending value quoted in a message. */
const MAX_SHOWN = 40;

/**
 * Every schema problem of `value` against `schema`, in document order, one per path and
 * kind of problem. Never throws on a JSON value.
 * @example schemaIssues(ScenarioSchema, { format: "x" }) // [{ path: "format", message: 'must be "carebus-scenario" (got "x")' }, …]
 */
export function schemaIssues(schema: TSchema, value: unknown): Issue[] {
  const issues: Issue[] = [];
  collect(Value.Errors(schema, value), value, issues);
  return dedupe(issues);
}

function collect(errors: Iterable<ValueError>, document: unknown, out: Issue[]): void {
  for (const error of errors) {
    if (error.type === ValueErrorType.Union) collectUnion(error, document, out);
    else out.push(toIssue(error, document));
  }
}

/** A union error: discriminated branches report their own errors, other unions one sentence. */
function collectUnion(error: ValueError, document: unknown, out: Issue[]): void {
  const path = pointerToPath(error.path, document);
  const branches = (error.schema as { anyOf?: TSchema[] }).anyOf ?? [];
  const discriminator = discriminatorOf(branches);
  if (discriminator === undefined) {
    out.push({ path, message: `must be ${describeAlternatives(branches)}${shown(error.value)}` });
    return;
  }
  const tags = branches.map((b) => literalOf(b.properties[discriminator]));
  if (!isRecord(error.value)) {
    out.push({ path, message: `must be an object${shown(error.value)}` });
    return;
  }
  const tag = error.value[discriminator];
  const index = tags.indexOf(tag);
  const branchErrors = error.errors[index];
  if (index < 0 || branchErrors === undefined) {
    const field = childPath(path, discriminator);
    const options = tags.map(String).join(", ");
    out.push(
      tag === undefined
        ? { path: field, message: `is required (one of ${options})` }
        : { path: field, message: `must be one of ${options}${shown(tag)}` },
    );
    return;
  }
  collect(branchErrors, document, out);
}

/** The property every branch fixes to a distinct literal (e.g. `kind`), if there is one. */
function discriminatorOf(branches: readonly TSchema[]): string | undefined {
  if (branches.length < 2 || !branches.every((b) => b.type === "object" && isRecord(b.properties))) return undefined;
  const first = branches[0]!.properties as Record<string, TSchema>;
  return Object.keys(first).find((key) => {
    const tags = branches.map((b) => literalOf(b.properties[key]));
    return tags.every((t) => t !== undefined) && new Set(tags).size === tags.length;
  });
}

function literalOf(schema: TSchema | undefined): unknown {
  return schema !== undefined && "const" in schema ? schema.const : undefined;
}

function describeAlternatives(branches: readonly TSchema[]): string {
  if (branches.length > 0 && branches.every((b) => literalOf(b) !== undefined)) {
    return `one of ${branches.map((b) => String(literalOf(b))).join(", ")}`;
  }
  return branches.map(describeType).join(" or ");
}

function describeType(schema: TSchema): string {
  const literal = literalOf(schema);
  if (literal !== undefined) return JSON.stringify(literal);
  switch (schema.type) {
    case "string":
      return "a string";
    case "number":
      return "a number";
    case "integer":
      return "a whole number";
    case "boolean":
      return "true or false";
    case "null":
      return "null";
    case "array":
      return "an array";
    case "object":
      return "an object";
    default:
      return "a valid value";
  }
}

function toIssue(error: ValueError, document: unknown): Issue {
  const path = pointerToPath(error.path, document);
  const s = error.schema as Record<string, unknown>;
  const got = shown(error.value);
  switch (error.type) {
    case ValueErrorType.ObjectRequiredProperty:
      return { path, message: "is required" };
    case ValueErrorType.ObjectAdditionalProperties: {
      // Report the unknown field on its parent object: the field itself has no schema.
      const slash = error.path.lastIndexOf("/");
      const key = error.path
        .slice(slash + 1)
        .replace(/~1/g, "/")
        .replace(/~0/g, "~");
      return {
        path: pointerToPath(error.path.slice(0, slash), document),
        message: `unknown field ${JSON.stringify(key)}`,
      };
    }
    case ValueErrorType.Object:
      return { path, message: `must be an object${got}` };
    case ValueErrorType.Array:
      return { path, message: `must be an array${got}` };
    case ValueErrorType.ArrayMinItems:
      return {
        path,
        message: s.minItems === 1 ? "must not be empty" : `must have at least ${String(s.minItems)} items`,
      };
    case ValueErrorType.ArrayMaxItems:
      return { path, message: `must have at most ${String(s.maxItems)} items` };
    case ValueErrorType.String:
      return { path, message: `must be a string${got}` };
    case ValueErrorType.StringMinLength:
      return {
        path,
        message: s.minLength === 1 ? "must not be empty" : `must be at least ${String(s.minLength)} characters long`,
      };
    case ValueErrorType.StringMaxLength:
      return { path, message: `must be at most ${String(s.maxLength)} characters long` };
    case ValueErrorType.StringPattern:
      return { path, message: `must be ${patternName(s)}${got}` };
    case ValueErrorType.Number:
      return { path, message: `must be a number${got}` };
    case ValueErrorType.Integer:
      return { path, message: `must be a whole number${got}` };
    case ValueErrorType.Boolean:
      return { path, message: `must be true or false${got}` };
    case ValueErrorType.Null:
      return { path, message: `must be null${got}` };
    case ValueErrorType.NumberMinimum:
    case ValueErrorType.IntegerMinimum:
      return { path, message: `must be at least ${String(s.minimum)}${got}` };
    case ValueErrorType.NumberMaximum:
    case ValueErrorType.IntegerMaximum:
      return { path, message: `must be at most ${String(s.maximum)}${got}` };
    case ValueErrorType.NumberExclusiveMinimum:
    case ValueErrorType.IntegerExclusiveMinimum:
      return { path, message: `must be more than ${String(s.exclusiveMinimum)}${got}` };
    case ValueErrorType.NumberExclusiveMaximum:
    case ValueErrorType.IntegerExclusiveMaximum:
      return { path, message: `must be less than ${String(s.exclusiveMaximum)}${got}` };
    case ValueErrorType.Literal:
      return { path, message: `must be ${JSON.stringify(s.const)}${got}` };
    default:
      return { path, message: `${error.message.charAt(0).toLowerCase()}${error.message.slice(1)}${got}` };
  }
}

/** Names the well-known string patterns instead of printing a regular expression. */
function patternName(schema: Record<string, unknown>): string {
  const pattern = String(schema.pattern);
  if (pattern.includes("\\d{4}-\\d{2}-\\d{2}")) return "a date YYYY-MM-DD";
  if (pattern.includes("[01]\\d|2[0-3]")) return "a time of day HH:MM between 00:00 and 23:59";
  return `text matching ${pattern}`;
}

/** " (got …)": the offending value, shortened; nothing when the value is absent. */
function shown(value: unknown): string {
  if (value === undefined) return "";
  const text = preview(value);
  return ` (got ${text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text})`;
}

/**
 * JSON-like text of `value`, cut once it passes MAX_SHOWN characters. Every level of nesting
 * writes at least one character, so the recursion is never deeper than MAX_SHOWN: a value
 * nested thousands of levels deep (which overflows JSON.stringify and Array#toString) prints
 * its first few levels instead of crashing the validator.
 */
function preview(value: unknown): string {
  let out = "";
  const full = () => out.length > MAX_SHOWN;
  const write = (v: unknown): void => {
    if (full()) return;
    if (Array.isArray(v)) {
      out += "[";
      for (let i = 0; i < v.length && !full(); i++) {
        if (i > 0) out += ",";
        write(v[i]);
      }
      out += "]";
    } else if (isRecord(v)) {
      out += "{";
      let first = true;
      for (const key in v) {
        if (full()) break;
        if (!Object.hasOwn(v, key)) continue;
        out += `${first ? "" : ","}${JSON.stringify(key)}:`;
        first = false;
        write(v[key]);
      }
      out += "}";
    } else {
      out += JSON.stringify(v) ?? String(v);
    }
  };
  write(value);
  return out;
}

/**
 * A missing field is reported once as "is required": TypeBox also reports the `undefined`
 * it then finds there against the field's type, which says nothing more.
 */
function dedupe(issues: Issue[]): Issue[] {
  const missing = new Set(
    issues.filter((i) => i.message === "is required" || i.message.startsWith("is required (")).map((i) => i.path),
  );
  const seen = new Set<string>();
  return issues.filter((issue) => {
    if (missing.has(issue.path) && !issue.message.startsWith("is required")) return false;
    const key = `${issue.path}\u0000${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
