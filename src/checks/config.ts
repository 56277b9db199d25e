import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { Bilingual } from '../i18n/lang.js';
import { RULES } from './registry.js';

/**
 * The check configuration (`tthc.config.yaml` in the working folder, or `--config <file>`):
 *
 *     rules:
 *       once-only: error          # off | error | warning | info
 *     overrides:
 *       - files: ["procedures/national/**"]
 *         rules: { missing-mandatory-part: off }
 *
 * Later overrides win over earlier ones, and both over `rules`.
 */

export type RuleSetting = 'off' | 'error' | 'warning' | 'info';

export interface CheckConfig {
  rules: Record<string, RuleSetting>;
  overrides: { files: string[]; rules: Record<string, RuleSetting> }[];
  /** Where the config was read from (paths in `files` are relative to its folder). */
  dir: string;
}

/** A configuration problem (a usage error: exit 2). */
export class ConfigError extends Error {
  constructor(readonly text: Bilingual) {
    super(text.en);
  }
}

const SETTINGS: readonly RuleSetting[] = ['off', 'error', 'warning', 'info'];

function ruleMap(value: unknown, where: string): Record<string, RuleSetting> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new ConfigError({ vi: `${where}: "rules" phải là một bảng ruleId: mức.`, en: `${where}: "rules" must map rule ids to settings.` });
  const out: Record<string, RuleSetting> = {};
  for (const [id, setting] of Object.entries(value as Record<string, unknown>)) {
    if (!RULES.some((r) => r.id === id)) {
      throw new ConfigError({ vi: `${where}: không có quy tắc "${id}". Các quy tắc: ${RULES.map((r) => r.id).join(', ')}.`, en: `${where}: there is no rule "${id}". Rules: ${RULES.map((r) => r.id).join(', ')}.` });
    }
    if (typeof setting !== 'string' || !(SETTINGS as readonly string[]).includes(setting)) {
      throw new ConfigError({ vi: `${where}: "${id}" nhận off, error, warning hoặc info.`, en: `${where}: "${id}" takes off, error, warning or info.` });
    }
    out[id] = setting as RuleSetting;
  }
  return out;
}

/** Reads a configuration file; undefined when `file` is not given and the default does not exist. */
export function loadConfig(cwd: string, file?: string): CheckConfig | undefined {
  const target = path.resolve(cwd, file ?? 'tthc.config.yaml');
  if (!existsSync(target)) {
    if (file === undefined) return undefined;
    throw new ConfigError({ vi: `Không có tệp cấu hình ${file}.`, en: `The config file ${file} does not exist.` });
  }
  let raw: unknown;
  try {
    raw = parse(readFileSync(target, 'utf8'));
  } catch (error) {
    throw new ConfigError({ vi: `${target}: YAML không hợp lệ (${(error as Error).message.split('\n')[0] ?? ''}).`, en: `${target}: invalid YAML (${(error as Error).message.split('\n')[0] ?? ''}).` });
  }
  const value = (raw ?? {}) as Record<string, unknown>;
  const unknown = Object.keys(value).filter((k) => k !== 'rules' && k !== 'overrides');
  if (unknown.length > 0) throw new ConfigError({ vi: `${target}: khóa không hợp lệ ${unknown.join(', ')}; chỉ có rules, overrides.`, en: `${target}: unknown keys ${unknown.join(', ')}; only rules and overrides.` });
  const overrides = Array.isArray(value['overrides']) ? value['overrides'] : value['overrides'] === undefined ? [] : null;
  if (overrides === null) throw new ConfigError({ vi: `${target}: "overrides" phải là một danh sách.`, en: `${target}: "overrides" must be a list.` });
  return {
    dir: path.dirname(target),
    rules: ruleMap(value['rules'], target),
    overrides: overrides.map((o: unknown, i: number) => {
      const entry = (o ?? {}) as Record<string, unknown>;
      const files = entry['files'];
      if (!Array.isArray(files) || !files.every((f) => typeof f === 'string')) {
        throw new ConfigError({ vi: `${target}: overrides[${i}].files phải là danh sách mẫu đường dẫn.`, en: `${target}: overrides[${i}].files must be a list of path patterns.` });
      }
      return { files: files as string[], rules: ruleMap(entry['rules'], `${target} overrides[${i}]`) };
    }),
  };
}

/** A glob ("procedures/national/**", "*.yaml") as a regular expression over posix paths. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i] as string;
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        re += '.*';
        i++;
        if (glob[i + 1] === '/') i++;
      } else re += '[^/]*';
    } else if (ch === '?') re += '[^/]';
    else re += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** The setting of a rule for a file (absolute path), or undefined for the rule's default. */
export function settingFor(config: CheckConfig | undefined, ruleId: string, file: string): RuleSetting | undefined {
  if (config === undefined) return undefined;
  let setting = config.rules[ruleId];
  const rel = path.relative(config.dir, file).split(path.sep).join('/');
  for (const o of config.overrides) {
    if (o.files.some((g) => globToRegExp(g).test(rel)) && o.rules[ruleId] !== undefined) setting = o.rules[ruleId];
  }
  return setting;
}
