import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadCatalogue } from '../../catalogue/catalogue.js';
import { calendarOf } from '../../calendar/index.js';
import { AgencyDirectory } from '../../engine/agencies.js';
import type { Clock } from '../../engine/clock.js';
import { DossierEngine } from '../../engine/engine.js';
import { EngineError } from '../../engine/errors.js';
import { catalogueSource } from '../../engine/procedures.js';
import { openEmbeddedStore } from '../../engine/store/embedded-store.js';
import { openPostgresStore } from '../../engine/store/postgres-store.js';
import type { Store } from '../../engine/store/types.js';
import type { Lang } from '../../i18n/lang.js';
import { packageRoot } from '../../util/package-root.js';
import { readOperatorFile, type OperatorFile } from '../../server/operator-file.js';
import { UsageError, type Io, type OptionDef } from '../context.js';

/**
 * What `tthc serve`, `tthc kpi` and `tthc simulate` share: where the store is, the catalogue
 * the engine compiles procedures from, and the operator file.
 */

/** Options that choose the store. */
export const STORE_OPTIONS: Record<string, OptionDef> = {
  data: {
    type: 'string',
    description: { vi: 'Thư mục dữ liệu của kho nhúng PGlite (mặc định tthc-data).', en: 'Data folder of the embedded PGlite store (default tthc-data).' },
  },
  'database-url': {
    type: 'string',
    description: { vi: 'Địa chỉ PostgreSQL (postgres://người-dùng@máy:cổng/csdl) thay cho kho nhúng.', en: 'PostgreSQL address (postgres://user@host:port/db) instead of the embedded store.' },
  },
  schema: {
    type: 'string',
    default: 'tthc',
    description: { vi: 'Lược đồ PostgreSQL chứa các bảng.', en: 'PostgreSQL schema holding the tables.' },
  },
};

/** The catalogue option. */
export const CATALOGUE_OPTION: OptionDef = {
  type: 'string',
  description: { vi: 'Thư mục danh mục (mặc định procedures/, nếu không có thì danh mục đi kèm).', en: 'Catalogue folder (default procedures/, else the bundled one).' },
};

/** Opens the store the options choose; store errors become usage-level messages. */
export async function openStore(o: Record<string, unknown>, io: Io): Promise<Store> {
  const url = o['database-url'];
  if (typeof url === 'string' && typeof o['data'] === 'string') {
    throw new UsageError({ vi: 'Chọn một: --data hoặc --database-url.', en: 'Choose one: --data or --database-url.' });
  }
  if (typeof url === 'string') return openPostgresStore({ url, schema: String(o['schema'] ?? 'tthc') });
  return openEmbeddedStore({ folder: path.resolve(io.cwd, typeof o['data'] === 'string' ? o['data'] : 'tthc-data') });
}

/** The catalogue folder: the one given, `procedures/` here, or the bundled one (said once on stderr). */
export function catalogueFolder(given: unknown, io: Io, lang: Lang): string {
  if (typeof given === 'string') {
    const p = path.resolve(io.cwd, given);
    if (!existsSync(p)) throw new UsageError({ vi: `Không có thư mục danh mục ${given}.`, en: `No catalogue folder ${given}.` });
    return p;
  }
  const here = path.resolve(io.cwd, 'procedures');
  if (existsSync(path.join(here, 'registry'))) return here;
  const bundled = path.join(packageRoot(), 'procedures');
  io.stderr(lang === 'vi' ? `tthc: dùng danh mục đi kèm gói (${bundled}).\n` : `tthc: using the catalogue bundled with the package (${bundled}).\n`);
  return bundled;
}

/** Reads the operator file, or says how to make one. */
export function operatorFile(file: unknown, io: Io): OperatorFile {
  if (typeof file !== 'string') {
    throw new UsageError({
      vi: 'Cần tệp mã truy cập: --tokens <tệp>. Tạo bằng "tthc token add --tokens <tệp> --id <mã> --role <vai trò> …" (không có mã mặc định).',
      en: 'A tokens file is needed: --tokens <file>. Create one with "tthc token add --tokens <file> --id <id> --role <role> …" (there are no default tokens).',
    });
  }
  return readOperatorFile(path.resolve(io.cwd, file));
}

/** An engine over a store and a catalogue. */
export function makeEngine(store: Store, catalogueDir: string, agencies: AgencyDirectory, clock?: Clock): DossierEngine {
  const catalogue = loadCatalogue({ paths: [catalogueDir] });
  return new DossierEngine({
    store, procedures: catalogueSource(catalogue), agencies, calendar: calendarOf(catalogue.registries), ...(clock === undefined ? {} : { clock }),
  });
}

/** An engine error as the CLI prints it: code, message, what to do. */
export function printEngineError(error: EngineError, io: Io, lang: Lang): void {
  io.stderr(`tthc: ${error.code} ${error.render(lang)}\n  ${error.hint(lang)}\n`);
}
