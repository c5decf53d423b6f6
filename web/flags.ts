/**
 * The flags of the command lines (the browser host, exchange, generate, verify): `--name value` or `--name=value` for
 * the flags that take a value (each may be given again: all values are kept, in order), `--name` for
 * switches, and anything else not starting with `--` as a positional argument where the command takes
 * them. A flag it does not know, or a value missing, is a message naming it, with the usage.
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
  const values = new Map<string, string[]>();
  const switches = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    const flag = /^--([a-z]+)(?:=(.*))?$/s.exec(arg);
    if (flag && spec.values.includes(flag[1]!)) {
      const value = flag[2] ?? argv[++i];
      if (value === undefined) return { ok: false, message: `Thiếu giá trị cho --${flag[1]}\n${spec.usage}` };
      values.set(flag[1]!, [...(values.get(flag[1]!) ?? []), value]);
    } else if (flag && flag[2] === undefined && spec.switches?.includes(flag[1]!)) switches.add(flag[1]!);
    else if (!arg.startsWith('--') && spec.positional) positional.push(arg);
    else return { ok: false, message: `Tham số không hợp lệ: ${arg}\n${spec.usage}` };
  }
  return { ok: true, value: { values, switches, positional } };
}

/** The last value given for a flag, if any. */
export function lastValue(flags: Flags, name: string): string | undefined {
  return flags.values.get(name)?.at(-1);
}
