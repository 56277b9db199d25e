import { AgencyDirectory } from '../../engine/agencies.js';
import { SimulatedClock } from '../../engine/clock.js';
import { EngineError } from '../../engine/errors.js';
import { msOf } from '../../engine/time.js';
import { engineVersion } from '../../engine/version.js';
import type { Lang } from '../../i18n/lang.js';
import { buildServer } from '../../server/app.js';
import { TokenVerifier } from '../../server/operator-file.js';
import { EXIT, LANG_OPTION, UsageError, type Io, type OptionDef } from '../context.js';
import { HELP_OPTION, type CommandHelp } from '../help.js';
import { CATALOGUE_OPTION, catalogueFolder, makeEngine, openStore, operatorFile, printEngineError, STORE_OPTIONS } from './engine-setup.js';

const OPTIONS: Record<string, OptionDef> = {
  ...STORE_OPTIONS,
  port: { type: 'string', default: '8080', description: { vi: 'Cổng HTTP.', en: 'HTTP port.' } },
  host: { type: 'string', default: '127.0.0.1', description: { vi: 'Địa chỉ lắng nghe.', en: 'Address to listen on.' } },
  tokens: { type: 'string', description: { vi: 'Tệp cơ quan và mã truy cập (bắt buộc; tạo bằng tthc token add).', en: 'Agencies and access tokens file (required; made with tthc token add).' } },
  catalogue: CATALOGUE_OPTION,
  'sweep-interval': { type: 'string', default: '60', description: { vi: 'Số giây giữa hai lần kiểm tra hạn (0: không tự chạy).', en: 'Seconds between deadline sweeps (0: none).' } },
  'simulated-clock': { type: 'string', description: { vi: 'Chạy theo giờ mô phỏng bắt đầu từ thời điểm này (thử nghiệm; POST /clock đặt giờ).', en: 'Run on simulated time from this moment (trials; POST /clock moves it).' } },
  lang: LANG_OPTION,
  help: HELP_OPTION,
};

/** `tthc serve` help. */
export const SERVE_HELP: CommandHelp = {
  name: 'serve',
  usage: 'tthc serve [--data <folder> | --database-url <url>] [--port N] --tokens <file> [--simulated-clock ISO]',
  description: {
    vi: 'Chạy API HTTP của bộ máy hồ sơ: nộp hồ sơ, thực hiện lệnh, xem hồ sơ, danh sách, số liệu (GET /openapi.json mô tả đầy đủ). Mặc định dùng kho nhúng trong thư mục tthc-data (không cần cài máy chủ cơ sở dữ liệu).',
    en: 'Run the dossier engine\'s HTTP API: submit, apply commands, read, list, KPIs (GET /openapi.json describes it all). The default store is embedded in the folder tthc-data (no database server to install).',
  },
  options: OPTIONS,
  examples: [
    'tthc serve --tokens tokens.yaml',
    'tthc serve --database-url postgres://postgres@127.0.0.1:5432/test --port 8081 --tokens tokens.yaml',
    'tthc serve --tokens tokens.yaml --simulated-clock 2026-03-02T08:00',
  ],
};

export { OPTIONS as SERVE_OPTIONS };

/**
 * Runs `tthc serve` until SIGINT or SIGTERM, then closes the server and the store (which
 * releases the data folder's lock). Returns the exit code.
 */
export async function runServe(o: Record<string, unknown>, io: Io, lang: Lang, stop?: Promise<void>): Promise<number> {
  const port = Number(o['port']);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError({ vi: `Cổng không hợp lệ: ${String(o['port'])}.`, en: `Invalid port: ${String(o['port'])}.` });
  const interval = Number(o['sweep-interval']);
  if (!Number.isFinite(interval) || interval < 0) throw new UsageError({ vi: 'sweep-interval phải là số giây ≥ 0.', en: 'sweep-interval must be seconds ≥ 0.' });
  let clock: SimulatedClock | undefined;
  if (typeof o['simulated-clock'] === 'string') {
    try {
      clock = new SimulatedClock(msOf(o['simulated-clock']));
    } catch {
      throw new UsageError({ vi: `Thời điểm không hợp lệ: ${o['simulated-clock']}.`, en: `Invalid moment: ${o['simulated-clock']}.` });
    }
  }
  let file;
  try {
    file = operatorFile(o['tokens'], io);
  } catch (error) {
    if (error instanceof EngineError) {
      printEngineError(error, io, lang);
      return EXIT.usage;
    }
    throw error;
  }
  const folder = catalogueFolder(o['catalogue'], io, lang);
  let store;
  try {
    store = await openStore(o, io);
  } catch (error) {
    if (error instanceof EngineError) {
      printEngineError(error, io, lang);
      return EXIT.findings;
    }
    throw error;
  }
  const engine = makeEngine(store, folder, new AgencyDirectory(file.agencies), clock);
  const app = await buildServer({ engine, tokens: new TokenVerifier(file.tokens), version: engineVersion(), ...(clock === undefined ? {} : { simulatedClock: clock }) });
  const address = await app.listen({ port, host: String(o['host']) });
  io.stdout(lang === 'vi'
    ? `tthc serve: đang lắng nghe tại ${address} (kho ${store.kind}${clock === undefined ? '' : ', giờ mô phỏng'}); GET ${address}/openapi.json\n`
    : `tthc serve: listening on ${address} (${store.kind} store${clock === undefined ? '' : ', simulated clock'}); GET ${address}/openapi.json\n`);
  let sweeping = false;
  const timer = interval > 0 ? setInterval(() => {
    if (sweeping) return;
    sweeping = true;
    engine.sweep().catch((error: unknown) => io.stderr(`tthc serve: sweep: ${(error as Error).message}\n`)).finally(() => {
      sweeping = false;
    });
  }, interval * 1000) : undefined;
  await (stop ?? new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  }));
  if (timer !== undefined) clearInterval(timer);
  await app.close();
  await store.close();
  return EXIT.ok;
}
