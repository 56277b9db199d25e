import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { loadCatalogue } from '../../catalogue/catalogue.js';
import { calendarOf } from '../../calendar/index.js';
import { EngineError } from '../../engine/errors.js';
import { KPI_DIMENSIONS, type KpiDimension } from '../../engine/kpi.js';
import { compileProcedure, type CompiledProcedure } from '../../engine/procedures.js';
import { openEmbeddedStore } from '../../engine/store/embedded-store.js';
import { MemoryStore } from '../../engine/store/memory-store.js';
import { dropPostgresSchema, openPostgresStore } from '../../engine/store/postgres-store.js';
import type { Store } from '../../engine/store/types.js';
import type { Lang } from '../../i18n/lang.js';
import { formatSimulation, type SimulationFormat } from '../../report/simulation.js';
import { simulate, type SimulationResult } from '../../simulate/run.js';
import { applyWhatIfs, parseWhatIf, WhatIfError, type WhatIf } from '../../simulate/what-if.js';
import { EXIT, LANG_OPTION, UsageError, type Io, type OptionDef } from '../context.js';
import { HELP_OPTION, type CommandHelp } from '../help.js';
import { CATALOGUE_OPTION, catalogueFolder, printEngineError } from './engine-setup.js';

const OPTIONS: Record<string, OptionDef> = {
  seed: { type: 'string', default: '1', description: { vi: 'Hạt giống ngẫu nhiên (cùng hạt giống, cùng kết quả).', en: 'Random seed (same seed, same run).' } },
  dossiers: { type: 'string', default: '10000', description: { vi: 'Số hồ sơ trong năm (một tỉnh: khoảng 700000).', en: 'Dossiers in the year (one province: about 700000).' } },
  year: { type: 'string', default: '2026', description: { vi: 'Năm mô phỏng.', en: 'Year simulated.' } },
  store: { type: 'string', values: ['memory', 'embedded', 'postgres'], default: 'memory', description: { vi: 'Kho: memory, embedded (PGlite), postgres.', en: 'Store: memory, embedded (PGlite), postgres.' } },
  data: { type: 'string', description: { vi: 'Thư mục PGlite (mặc định: thư mục tạm, xóa sau khi chạy).', en: 'PGlite folder (default: a temporary one, removed afterwards).' } },
  'database-url': { type: 'string', description: { vi: 'Địa chỉ PostgreSQL cho --store postgres.', en: 'PostgreSQL address for --store postgres.' } },
  schema: { type: 'string', description: { vi: 'Lược đồ PostgreSQL (mặc định: lược đồ tạm, xóa sau khi chạy).', en: 'PostgreSQL schema (default: a temporary one, dropped afterwards).' } },
  by: { type: 'string', values: KPI_DIMENSIONS, default: 'level', description: { vi: 'Nhóm số liệu theo.', en: 'Group the figures by.' } },
  'what-if': { type: 'string', multiple: true, description: { vi: 'Phương án so sánh: four-on-spot=<mã>, stage-budget=<mã>:<giai đoạn>:<ngày>, period=<mã>:<ngày> (lặp lại được).', en: 'A what-if to compare: four-on-spot=<code>, stage-budget=<code>:<stage>:<days>, period=<code>:<days> (repeatable).' } },
  batch: { type: 'string', default: '2000', description: { vi: 'Số lệnh tối đa mỗi giao dịch.', en: 'Most commands per transaction.' } },
  catalogue: CATALOGUE_OPTION,
  format: { type: 'string', values: ['stylish', 'json', 'markdown'], default: 'stylish', alias: 'f', description: { vi: 'Định dạng: stylish, json, markdown.', en: 'Format: stylish, json, markdown.' } },
  lang: LANG_OPTION,
  help: HELP_OPTION,
};

/** `tthc simulate` help. */
export const SIMULATE_HELP: CommandHelp = {
  name: 'simulate',
  usage: 'tthc simulate --seed N --dossiers N [--store memory|embedded|postgres] [--what-if <change> …] [--by level|…] [--format stylish|json|markdown]',
  description: {
    vi: 'Mô phỏng một năm hồ sơ của một tỉnh qua bộ máy (thời gian mô phỏng): phân bố theo thủ tục, kênh nộp, bổ sung, từ chối, thời gian xử lý có đuôi dài nên có hồ sơ trễ hạn; in bảng số liệu. --what-if so sánh trước/sau.',
    en: 'Simulate a province-year of dossiers through the engine (simulated time): procedures, channels, supplements, rejections, processing times with a tail so some are late; prints the KPI table. --what-if compares before and after.',
  },
  options: OPTIONS,
  examples: [
    'tthc simulate --seed 1 --dossiers 700000',
    'tthc simulate --seed 1 --dossiers 50000 --what-if four-on-spot=1.004873',
    'tthc simulate --seed 2 --dossiers 20000 --by stage --what-if stage-budget=1.013978:ubnd-xa-kiem-tra:5',
  ],
};

export { OPTIONS as SIMULATE_OPTIONS };

function integer(o: Record<string, unknown>, name: string, min: number, max: number): number {
  const n = Number(o[name]);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError({ vi: `--${name} phải là số nguyên từ ${min} đến ${max}.`, en: `--${name} must be an integer from ${min} to ${max}.` });
  return n;
}

interface Opened {
  store: Store;
  cleanup: () => Promise<void>;
}

async function open(o: Record<string, unknown>, io: Io, suffix: string): Promise<Opened> {
  const kind = o['store'];
  if (kind === 'memory') return { store: new MemoryStore(), cleanup: async () => undefined };
  if (kind === 'embedded') {
    const given = typeof o['data'] === 'string' ? path.resolve(io.cwd, `${o['data']}${suffix}`) : undefined;
    const folder = given ?? mkdtempSync(path.join(tmpdir(), 'tthc-sim-'));
    const store = await openEmbeddedStore({ folder });
    return { store, cleanup: async () => (given === undefined ? rmSync(folder, { recursive: true, force: true }) : undefined) };
  }
  const url = o['database-url'];
  if (typeof url !== 'string') throw new UsageError({ vi: '--store postgres cần --database-url.', en: '--store postgres needs --database-url.' });
  const given = typeof o['schema'] === 'string' ? `${o['schema']}${suffix.replace(/-/g, '_')}` : undefined;
  const schema = given ?? `tthc_sim_${process.pid}_${Date.now().toString(36)}${suffix.replace(/-/g, '_')}`;
  const store = await openPostgresStore({ url, schema });
  return { store, cleanup: async () => (given === undefined ? dropPostgresSchema(url, schema) : undefined) };
}

/**
 * The heap an in-memory simulation needs, and Node's limit, in MB. Measured: a province-year
 * (700,000 dossiers) peaked at 10.9 GB resident, about 11 KB of heap per dossier plus the
 * loaded catalogue; 14 KB per dossier and 400 MB leave a margin.
 */
export function memoryNeed(dossiers: number): { need: number; limit: number } {
  return { need: Math.ceil(400 + (dossiers * 14) / 1024), limit: Math.floor(getHeapStatistics().heap_size_limit / 1024 / 1024) };
}

/** Runs `tthc simulate`. */
export async function runSimulate(o: Record<string, unknown>, io: Io, lang: Lang): Promise<number> {
  const seed = integer(o, 'seed', 0, 2 ** 31 - 1);
  const dossiers = integer(o, 'dossiers', 1, 10_000_000);
  const year = integer(o, 'year', 2000, 2100);
  const batch = integer(o, 'batch', 1, 100_000);
  let whatIfs: WhatIf[];
  const specs = (o['what-if'] as string[] | undefined) ?? [];
  try {
    whatIfs = specs.map(parseWhatIf);
  } catch (error) {
    if (error instanceof WhatIfError) throw new UsageError(error.text);
    throw error;
  }
  if (o['store'] === 'memory') {
    // The in-memory store holds the whole year: refuse before minutes of work end in a crash.
    const { need, limit } = memoryNeed(dossiers);
    if (need > limit) {
      printEngineError(new EngineError('simulation-heap-too-small', {
        dossiers: dossiers.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-US'), need: String(need), limit: String(limit), suggest: String(Math.ceil((need * 1.25) / 1024) * 1024),
      }), io, lang);
      return EXIT.findings;
    }
  }
  const catalogue = loadCatalogue({ paths: [catalogueFolder(o['catalogue'], io, lang)] });
  const procedures: CompiledProcedure[] = [];
  for (const code of [...catalogue.procedures.keys()].sort()) {
    const resolved = catalogue.resolve(code);
    if (resolved !== undefined) procedures.push(compileProcedure(resolved.procedure));
  }
  let changed: CompiledProcedure[] | null = null;
  try {
    changed = whatIfs.length === 0 ? null : applyWhatIfs(procedures, whatIfs);
  } catch (error) {
    if (error instanceof WhatIfError) throw new UsageError(error.text);
    throw error;
  }
  const calendar = calendarOf(catalogue.registries);
  const run = async (list: CompiledProcedure[], suffix: string): Promise<SimulationResult> => {
    const { store, cleanup } = await open(o, io, suffix);
    try {
      return await simulate({ seed, dossiers, year, procedures: list, workload: procedures, calendar, store, batch, by: o['by'] as KpiDimension });
    } finally {
      await store.close();
      await cleanup();
    }
  };
  try {
    const baseline = await run(procedures, '');
    const variant = changed === null ? null : await run(changed, '-what-if');
    io.stdout(formatSimulation(baseline, variant, specs, o['format'] as SimulationFormat, lang));
    return EXIT.ok;
  } catch (error) {
    if (error instanceof EngineError) {
      printEngineError(error, io, lang);
      return EXIT.findings;
    }
    throw error;
  }
}
