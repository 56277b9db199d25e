import type { Bilingual, Lang } from '../i18n/lang.js';
import type { OptionDef } from './context.js';

/** What `--help` shows for one command. */
export interface CommandHelp {
  name: string;
  usage: string;
  description: Bilingual;
  options: Readonly<Record<string, OptionDef>>;
  examples?: readonly string[];
}

/** Renders a command's help in one language. */
export function renderHelp(help: CommandHelp, lang: Lang): string {
  const t = (b: Bilingual) => b[lang];
  const lines = [t(help.description), '', `${lang === 'vi' ? 'Cách dùng' : 'Usage'}: ${help.usage}`, ''];
  const entries = Object.entries(help.options);
  if (entries.length > 0) {
    lines.push(lang === 'vi' ? 'Tùy chọn:' : 'Options:');
    const left = entries.map(([name, def]) => {
      const alias = def.alias !== undefined ? `-${def.alias}, ` : '';
      const value = def.type === 'string' ? ` <${def.values?.join('|') ?? (lang === 'vi' ? 'giá trị' : 'value')}>` : '';
      return `  ${alias}--${name}${value}`;
    });
    const width = Math.max(...left.map((l) => l.length)) + 2;
    entries.forEach(([, def], i) => {
      const dflt = def.default !== undefined && typeof def.default !== 'boolean' ? ` (${lang === 'vi' ? 'mặc định' : 'default'}: ${String(def.default)})` : '';
      lines.push(`${(left[i] as string).padEnd(width)}${t(def.description)}${dflt}`);
    });
    lines.push('');
  }
  if (help.examples !== undefined && help.examples.length > 0) {
    lines.push(lang === 'vi' ? 'Ví dụ:' : 'Examples:');
    for (const e of help.examples) lines.push(`  ${e}`);
    lines.push('');
  }
  return lines.join('\n');
}

/** The `--help` option every command has. */
export const HELP_OPTION: OptionDef = {
  type: 'boolean',
  alias: 'h',
  description: { vi: 'Hiện hướng dẫn này.', en: 'Show this help.' },
};
