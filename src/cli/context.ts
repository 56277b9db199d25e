import { isLang, langFromEnv, type Bilingual, type Lang } from '../i18n/lang.js';

/** What a command may touch: its output streams, working folder and environment. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Whether stdout is a terminal (colours are only used there). */
  isTTY: boolean;
}

/** Exit codes of every command (DESIGN.md: the command-line contract). */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/** A usage error: bad flags or paths. Printed without a stack trace; exit code 2. */
export class UsageError extends Error {
  constructor(readonly text: Bilingual) {
    super(text.en);
  }
}

/** Definition of one option of a command. */
export interface OptionDef {
  type: 'string' | 'boolean';
  description: Bilingual;
  /** Allowed values of a string option. */
  values?: readonly string[];
  default?: string | boolean;
  alias?: string;
  /** The option may be given several times (`-o a -o b`). */
  multiple?: boolean;
}

/** Parsed command line of one command. */
export interface Parsed {
  positionals: string[];
  options: Record<string, string | boolean | string[] | undefined>;
}

/**
 * Parses a command's arguments strictly: an unknown option, a missing value or a value
 * outside the allowed list is a {@link UsageError}, never ignored.
 */
export function parseCommandLine(argv: readonly string[], defs: Readonly<Record<string, OptionDef>>): Parsed {
  const positionals: string[] = [];
  const options: Parsed['options'] = {};
  const byAlias = new Map<string, string>();
  for (const [name, def] of Object.entries(defs)) if (def.alias !== undefined) byAlias.set(def.alias, name);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const long = arg.startsWith('--');
    const [rawName = '', inline] = (long ? arg.slice(2) : arg.slice(1)).split(/=(.*)/s, 2);
    let name = long ? rawName : (byAlias.get(rawName) ?? rawName);
    let negated = false;
    if (long && !(name in defs) && name.startsWith('no-') && defs[name.slice(3)]?.type === 'boolean') {
      name = name.slice(3);
      negated = true;
    }
    const def = defs[name];
    if (def === undefined) {
      const known = Object.keys(defs).map((n) => `--${n}`).join(', ');
      throw new UsageError({ vi: `Không có tùy chọn "${arg}". Các tùy chọn: ${known}.`, en: `Unknown option "${arg}". Options: ${known}.` });
    }
    if (def.type === 'boolean') {
      if (inline !== undefined) {
        throw new UsageError({ vi: `Tùy chọn --${name} không nhận giá trị.`, en: `Option --${name} takes no value.` });
      }
      options[name] = !negated;
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('-') && next !== '-')) {
        throw new UsageError({ vi: `Tùy chọn --${name} cần một giá trị.`, en: `Option --${name} needs a value.` });
      }
      value = next;
      i += 1;
    }
    if (def.values !== undefined && !def.values.includes(value)) {
      throw new UsageError({
        vi: `Giá trị "${value}" không hợp lệ cho --${name}; chọn một trong: ${def.values.join(', ')}.`,
        en: `Invalid value "${value}" for --${name}; choose one of: ${def.values.join(', ')}.`,
      });
    }
    if (def.multiple) options[name] = [...((options[name] as string[] | undefined) ?? []), value];
    else options[name] = value;
  }
  for (const [name, def] of Object.entries(defs)) {
    if (options[name] === undefined && def.default !== undefined) options[name] = def.default;
  }
  return { positionals, options };
}

/** The language of a run: `--lang` if given, else from the environment (LANG…), else vi. */
export function pickLang(argv: readonly string[], env: Io['env']): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const value = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (value !== undefined && isLang(value)) return value;
  }
  return langFromEnv(env);
}

/** The `--lang` option shared by every command. */
export const LANG_OPTION: OptionDef = {
  type: 'string',
  values: ['vi', 'en'],
  description: { vi: 'Ngôn ngữ thông báo (mặc định theo biến LANG, nếu không thì vi).', en: 'Message language (default from LANG, else vi).' },
};

/**
 * Says once, on stderr, that the registry bundled with tthc was used because the paths given
 * have no `registry/` folder above them (a fresh import folder): never a silent fallback.
 */
export function noteBundledRegistry(catalogue: { bundledRegistry: string | undefined }, io: Io, lang: 'vi' | 'en'): void {
  if (catalogue.bundledRegistry === undefined) return;
  io.stderr(lang === 'vi'
    ? `tthc: không tìm thấy thư mục registry/ ở các đường dẫn đã cho; dùng danh mục tham chiếu đi kèm tthc (${catalogue.bundledRegistry}).\n`
    : `tthc: no registry/ folder above the given paths; using the reference data bundled with tthc (${catalogue.bundledRegistry}).\n`);
}
