import type { Fact } from '../../../generated/types/catalogue.js';
import { loadCatalogue } from '../../catalogue/catalogue.js';
import type { FactValues } from '../../catalogue/evaluate.js';
import { calendarOf } from '../../calendar/index.js';
import { formatMoment, momentOf, parseMoment, type LocalMoment } from '../../calendar/dates.js';
import { formatChecklist } from '../../report/checklist.js';
import { formatStylish } from '../../report/stylish.js';
import type { Lang } from '../../i18n/lang.js';
import { entriesOf } from '../../util/records.js';
import { closest } from '../../util/suggest.js';
import { checklist } from '../../workflow/checklist.js';
import { CHANNELS, type ChannelKey } from '../../workflow/ir.js';
import { EXIT, LANG_OPTION, UsageError, type Io, type OptionDef, noteBundledRegistry } from '../context.js';
import { HELP_OPTION, type CommandHelp } from '../help.js';

const OPTIONS: Record<string, OptionDef> = {
  fact: {
    type: 'string',
    multiple: true,
    description: { vi: 'Câu trả lời cho một câu hỏi của thủ tục: ten=giá-trị (lặp lại được).', en: 'An answer to one of the procedure\'s facts: name=value (repeatable).' },
  },
  case: {
    type: 'string',
    multiple: true,
    description: { vi: 'Trường hợp áp dụng (mã trường hợp), với các trường hợp không có điều kiện.', en: 'A case that applies (case id), for cases without a condition.' },
  },
  channel: {
    type: 'string',
    values: CHANNELS,
    default: 'in-person',
    description: { vi: 'Kênh nộp: in-person, online, postal.', en: 'Channel: in-person, online, postal.' },
  },
  at: {
    type: 'string',
    description: { vi: 'Thời điểm nộp (ISO, giờ Việt Nam nếu không ghi múi giờ); mặc định: bây giờ.', en: 'Submission moment (ISO; Vietnam time when no offset is given); default: now.' },
  },
  catalogue: {
    type: 'string',
    default: 'procedures',
    description: { vi: 'Thư mục danh mục.', en: 'Catalogue folder.' },
  },
  format: {
    type: 'string',
    values: ['stylish', 'json'],
    default: 'stylish',
    alias: 'f',
    description: { vi: 'Định dạng: stylish hoặc json.', en: 'Format: stylish or json.' },
  },
  lang: LANG_OPTION,
  help: HELP_OPTION,
};

/** `tthc checklist` help. */
export const CHECKLIST_HELP: CommandHelp = {
  name: 'checklist',
  usage: 'tthc checklist <code> [--fact name=value …] [--case id …] [--channel in-person|online|postal] [--at ISO] [--format stylish|json]',
  description: {
    vi: 'Danh sách giấy tờ phải nộp, xuất trình theo câu trả lời của người nộp, phí, lệ phí theo kênh và ngày hẹn trả kết quả (tính theo ngày làm việc).',
    en: 'The documents to submit and present for an applicant\'s answers, the fees per channel, and the due date (in working days).',
  },
  options: OPTIONS,
  examples: [
    'tthc checklist 1.001193 --fact birthEvidence=paper-birth-notice --fact applicant=authorised',
    'tthc checklist 1.001193 --channel online --at 2026-02-13T15:30 --format json',
  ],
};

export { OPTIONS as CHECKLIST_OPTIONS };

function parseFact(raw: string, facts: Readonly<Record<string, Fact>>): [string, boolean | string | number] {
  const eq = raw.indexOf('=');
  if (eq <= 0) throw new UsageError({ vi: `--fact cần dạng ten=giá-trị, nhận được "${raw}".`, en: `--fact takes name=value, got "${raw}".` });
  const name = raw.slice(0, eq);
  const value = raw.slice(eq + 1);
  const fact = facts[name];
  if (fact === undefined) {
    const known = Object.keys(facts);
    const near = closest(name, known);
    const list = known.length === 0 ? '—' : known.join(', ');
    throw new UsageError({
      vi: `Thủ tục không có câu hỏi "${name}"${near !== undefined ? ` (có phải "${near}"?)` : ''}. Các câu hỏi: ${list}.`,
      en: `The procedure has no fact "${name}"${near !== undefined ? ` (did you mean "${near}"?)` : ''}. Facts: ${list}.`,
    });
  }
  switch (fact.type) {
    case 'boolean': {
      const v = value.toLowerCase();
      if (['true', 'yes', 'có', 'co', '1'].includes(v)) return [name, true];
      if (['false', 'no', 'không', 'khong', '0'].includes(v)) return [name, false];
      throw new UsageError({ vi: `"${name}" nhận true hoặc false, nhận được "${value}".`, en: `"${name}" takes true or false, got "${value}".` });
    }
    case 'number': {
      const n = Number(value);
      if (value.trim() === '' || !Number.isFinite(n)) throw new UsageError({ vi: `"${name}" nhận một số, nhận được "${value}".`, en: `"${name}" takes a number, got "${value}".` });
      return [name, n];
    }
    default: {
      const options = (fact.options ?? []).map((o) => o.value);
      if (!options.includes(value)) {
        throw new UsageError({ vi: `"${name}" nhận một trong: ${options.join(', ')}; nhận được "${value}".`, en: `"${name}" takes one of: ${options.join(', ')}; got "${value}".` });
      }
      return [name, value];
    }
  }
}

/** Runs `tthc checklist`; returns the exit code. */
export function runChecklist(args: string[], options: { facts: string[]; cases: string[]; channel: string; at?: string; catalogue: string; format: string; lang: Lang }, io: Io, now: () => Date = () => new Date()): number {
  const [code, ...rest] = args;
  if (code === undefined || rest.length > 0) throw new UsageError({ vi: 'Cần đúng một mã thủ tục, ví dụ: tthc checklist 1.001193.', en: 'Give exactly one procedure code, e.g. tthc checklist 1.001193.' });
  const catalogue = loadCatalogue({ paths: [options.catalogue], cwd: io.cwd });
  noteBundledRegistry(catalogue, io, options.lang);
  const errors = catalogue.diagnostics.filter((d) => d.severity === 'error' && catalogue.procedures.get(code)?.file === d.file);
  const resolved = catalogue.resolve(code);
  if (resolved === undefined) {
    const near = closest(code, [...catalogue.procedures.keys()]);
    throw new UsageError({
      vi: `Không có thủ tục "${code}" trong ${options.catalogue}${near !== undefined ? ` (có phải "${near}"?)` : ''}.`,
      en: `There is no procedure "${code}" in ${options.catalogue}${near !== undefined ? ` (did you mean "${near}"?)` : ''}.`,
    });
  }
  if (errors.length > 0) {
    io.stdout(formatStylish(errors, { lang: options.lang, cwd: io.cwd, color: false, fileCount: 1 }));
    return EXIT.findings;
  }
  const procedure = resolved.procedure;
  const declared = Object.fromEntries(entriesOf<Fact>(procedure.facts));
  const facts: Record<string, boolean | string | number> = {};
  for (const raw of options.facts) {
    const [name, value] = parseFact(raw, declared);
    facts[name] = value;
  }
  const caseIds = new Set((procedure.cases ?? []).map((k) => k.id));
  for (const c of options.cases) {
    if (!caseIds.has(c)) {
      throw new UsageError({ vi: `Thủ tục không có trường hợp "${c}". Các trường hợp: ${[...caseIds].join(', ') || '—'}.`, en: `The procedure has no case "${c}". Cases: ${[...caseIds].join(', ') || '—'}.` });
    }
  }
  let at: LocalMoment;
  try {
    at = options.at !== undefined ? parseMoment(options.at) : momentOf(now());
  } catch {
    throw new UsageError({ vi: `--at cần ngày giờ ISO, ví dụ 2026-02-13T15:30; nhận được "${options.at ?? ''}".`, en: `--at takes an ISO date-time, e.g. 2026-02-13T15:30; got "${options.at ?? ''}".` });
  }
  const result = checklist(procedure, { facts: facts as FactValues, cases: options.cases }, { channel: options.channel as ChannelKey, at, calendar: calendarOf(catalogue.registries) });
  if (options.format === 'json') io.stdout(`${JSON.stringify({ ...result, facts, submittedAt: formatMoment(at) }, null, 2)}\n`);
  else {
    const databaseName = (id: string): string => {
      const db = catalogue.registries.databases.get(id)?.value;
      if (db === undefined) return id;
      return options.lang === 'vi' ? db.name : (db.nameEn ?? db.name);
    };
    io.stdout(formatChecklist(result, { lang: options.lang, databaseName, facts: declared }));
  }
  return EXIT.ok;
}
