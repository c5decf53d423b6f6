import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * The flags of the command lines (the browser host, exchange, generate, verify), read with Node's own
 * `parseArgs`: `--name value` or `--name=value` for the flags that take a value (each may be given again:
 * all values are kept, in order), `--name` for switches, and anything else as a positional argument where
 * the command takes them. A flag it does not know, a switch given a value, or a value missing is a message
 * in Vietnamese naming it, with the usage (parseArgs' own errors are in English and stop at the first).
 */
export interface Flags {
  /** Values of each value flag given, in order. */
  readonly values: ReadonlyMap<string, readonly string[]>;
  readonly switches: ReadonlySet<string>;
  readonly positional: readonly string[];
}

export interface FlagSpec {
  readonly values: readonly string[];
  readonly switches?: readonly string[];
  readonly positional?: boolean;
  /** The command's usage, added to every message. */
  readonly usage: string;
}

export function parseFlags(argv: readonly string[], spec: FlagSpec): { ok: true; value: Flags } | { ok: false; message: string } {
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const name of spec.values) options[name] = { type: 'string', multiple: true };
  for (const name of spec.switches ?? []) options[name] = { type: 'boolean' };
  // Not strict: every token comes back, so each refusal below names the argument as it was typed.
  const { tokens } = parseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  const values = new Map<string, string[]>();
  const switches = new Set<string>();
  const positional: string[] = [];
  const invalid = (arg: string) => ({ ok: false as const, message: `Tham số không hợp lệ: ${arg}\n${spec.usage}` });
  for (const token of tokens) {
    if (token.kind === 'option-terminator') return invalid('--');
    if (token.kind === 'positional') {
      if (!spec.positional) return invalid(token.value);
      positional.push(token.value);
    } else if (spec.values.includes(token.name)) {
      if (token.value === undefined) return { ok: false, message: `Thiếu giá trị cho ${token.rawName}\n${spec.usage}` };
      values.set(token.name, [...(values.get(token.name) ?? []), token.value]);
    } else if (spec.switches?.includes(token.name) && !token.inlineValue) switches.add(token.name);
    else return invalid(token.inlineValue ? `${token.rawName}=${token.value ?? ''}` : token.rawName);
  }
  return { ok: true, value: { values, switches, positional } };
}

/** The last value given for a flag, if any. */
export function lastValue(flags: Flags, name: string): string | undefined {
  return flags.values.get(name)?.at(-1);
}
