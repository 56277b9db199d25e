import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defineCommand, runCommand, type CommandDef } from 'citty';
import type { Lang } from '../i18n/lang.js';
import { packageRoot } from '../util/package-root.js';
import { EXIT, parseCommandLine, pickLang, UsageError, type Io, type OptionDef } from './context.js';
import { renderHelp, type CommandHelp } from './help.js';

/** The cache flags of a command's parsed options. */
function cacheArgs(o: Record<string, unknown>): { cache: boolean; cacheDir?: string } {
  return { cache: o['cache'] !== false, ...(typeof o['cache-dir'] === 'string' ? { cacheDir: o['cache-dir'] } : {}) };
}

function version(): string {
  return (JSON.parse(readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}

const COMMANDS = ['validate', 'check', 'watch', 'stats', 'generate', 'import', 'checklist', 'site', 'explain', 'serve', 'kpi', 'simulate', 'token', 'lsp'] as const;

function rootHelp(lang: Lang): string {
  const vi = lang === 'vi';
  const rows: [string, string][] = [
    ['validate', vi ? 'Kiểm tra tệp danh mục (YAML, lược đồ, tham chiếu).' : 'Validate catalogue files (YAML, schema, references).'],
    ['check', vi ? 'Rà soát: giấy tờ thừa, không thống nhất, cơ hội đơn giản hóa.' : 'Review: redundant documents, inconsistencies, opportunities.'],
    ['watch', vi ? 'Theo dõi tệp: kiểm tra và rà soát lại mỗi lần lưu, chỉ in thay đổi.' : 'Watch files: validate and check on every save, print only changes.'],
    ['stats', vi ? 'Thống kê theo cấp, 4 tại chỗ, trực tuyến, lĩnh vực; chi phí tuân thủ.' : 'Statistics per level, 4 tại chỗ, online, field; compliance cost.'],
    ['generate', vi ? 'Sinh mã trong generated/; --check cho CI.' : 'Generate generated/; --check for CI.'],
    ['import', vi ? 'Nhập bản ghi của Cổng Dịch vụ công quốc gia thành tệp danh mục.' : 'Import national-portal records as catalogue files.'],
    ['checklist', vi ? 'Giấy tờ, phí và ngày hẹn của một thủ tục theo câu trả lời của người nộp.' : 'Documents, fees and due date of a procedure for an applicant\'s answers.'],
    ['site', vi ? 'Trang web tĩnh của danh mục: tìm kiếm, hồ sơ theo câu trả lời, bảng rà soát.' : 'The catalogue as a static site: search, live checklist, review dashboard.'],
    ['explain', vi ? 'Giải thích một mã chẩn đoán.' : 'Explain a diagnostic code.'],
    ['serve', vi ? 'Chạy API HTTP của bộ máy hồ sơ (kho nhúng hoặc PostgreSQL).' : 'Run the dossier engine\'s HTTP API (embedded store or PostgreSQL).'],
    ['kpi', vi ? 'Số liệu giải quyết hồ sơ: đúng hạn, trực tuyến, 4 tại chỗ, phiếu xin lỗi.' : 'Dossier figures: on time, online, 4 tại chỗ, apology slips.'],
    ['simulate', vi ? 'Mô phỏng một năm hồ sơ của một tỉnh qua bộ máy; so sánh phương án.' : 'Simulate a province-year of dossiers through the engine; compare what-ifs.'],
    ['token', vi ? 'Cấp mã truy cập cho API (tệp chỉ lưu mã băm).' : 'Issue API access tokens (the file keeps hashes only).'],
    ['lsp', vi ? 'Máy chủ ngôn ngữ cho trình soạn thảo: phát hiện khi gõ, sửa nhanh, thông tin khi rê chuột.' : 'Language server for editors: findings as you type, quick fixes, hover.'],
  ];
  return [
    vi
      ? 'tthc — danh mục thủ tục hành chính dưới dạng mã: kiểm tra, sinh máy trạng thái, rà soát.'
      : 'tthc — Vietnam\'s administrative procedures as code: validate, compile, review.',
    '',
    `${vi ? 'Cách dùng' : 'Usage'}: tthc <${vi ? 'lệnh' : 'command'}> [${vi ? 'tùy chọn' : 'options'}]`,
    '',
    vi ? 'Lệnh:' : 'Commands:',
    ...rows.map(([n, d]) => `  ${n.padEnd(10)}${d}`),
    '',
    vi ? 'Chạy "tthc <lệnh> --help" để xem chi tiết. --lang vi|en chọn ngôn ngữ.' : 'Run "tthc <command> --help" for details. --lang vi|en picks the language.',
    '',
  ].join('\n');
}

/** Wraps a command body with strict parsing and --help, as a citty command. */
function command(
  help: CommandHelp,
  options: Readonly<Record<string, OptionDef>>,
  io: Io,
  result: { code: number },
  body: (positionals: string[], opts: Record<string, unknown>, lang: Lang) => number | Promise<number>,
): CommandDef {
  return defineCommand({
    meta: { name: help.name, description: help.description.en },
    async run({ rawArgs }) {
      const lang = pickLang(rawArgs, io.env);
      const parsed = parseCommandLine(rawArgs, options);
      if (parsed.options['help'] === true) {
        io.stdout(renderHelp(help, lang));
        result.code = EXIT.ok;
        return;
      }
      result.code = await body(parsed.positionals, parsed.options, lang);
    },
  });
}

/**
 * Runs the `tthc` command line and returns its exit code: 0 when nothing at error
 * severity was found, 1 when something was, 2 on usage errors. Never throws for bad
 * input: usage problems are printed (in the chosen language) on stderr.
 *
 * @example
 * const code = await main(['validate', 'procedures', '--format', 'json']);
 */
export async function main(argv: readonly string[], partial: Partial<Io> = {}): Promise<number> {
  const io: Io = {
    stdout: partial.stdout ?? ((t) => process.stdout.write(t)),
    stderr: partial.stderr ?? ((t) => process.stderr.write(t)),
    cwd: partial.cwd ?? process.cwd(),
    env: partial.env ?? process.env,
    isTTY: partial.isTTY ?? process.stdout.isTTY === true,
  };
  const lang = pickLang(argv, io.env);
  const first = argv[0];
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    io.stdout(rootHelp(lang));
    return first === undefined ? EXIT.usage : EXIT.ok;
  }
  if (first === '--version' || first === '-v') {
    io.stdout(`${version()}\n`);
    return EXIT.ok;
  }
  const result = { code: EXIT.ok as number };
  const root = defineCommand({
    meta: { name: 'tthc', version: version() },
    subCommands: {
      validate: async () => {
        const { VALIDATE_HELP, VALIDATE_OPTIONS, runValidate } = await import('./commands/validate.js');
        return command(VALIDATE_HELP, VALIDATE_OPTIONS, io, result, (paths, o, l) =>
          runValidate(paths, { format: o['format'] as string, lang: l, ...cacheArgs(o) }, io));
      },
      generate: async () => {
        const { GENERATE_HELP, GENERATE_OPTIONS, runGenerate } = await import('./commands/generate.js');
        return command(GENERATE_HELP, GENERATE_OPTIONS, io, result, (paths, o, l) => {
          if (paths.length > 0) throw new UsageError({ vi: `generate không nhận đường dẫn: ${paths.join(' ')}.`, en: `generate takes no paths: ${paths.join(' ')}.` });
          return runGenerate({ check: o['check'] === true, out: o['out'] as string, lang: l }, io);
        });
      },
      check: async () => {
        const { CHECK_HELP, CHECK_OPTIONS, runCheck } = await import('./commands/check.js');
        return command(CHECK_HELP, CHECK_OPTIONS, io, result, (paths, o, l) =>
          runCheck(paths, {
            format: o['format'] as string,
            outputs: (o['output'] as string[] | undefined) ?? [],
            failOn: o['fail-on'] as string,
            ...(typeof o['config'] === 'string' ? { config: o['config'] } : {}),
            fix: o['fix'] === true,
            fixDryRun: o['fix-dry-run'] === true,
            ...(typeof o['today'] === 'string' ? { today: o['today'] } : {}),
            ...(typeof o['baseline'] === 'string' ? { baseline: o['baseline'] } : {}),
            updateBaseline: o['update-baseline'] === true,
            lang: l,
            version: version(),
            ...cacheArgs(o),
          }, io));
      },
      watch: async () => {
        const { WATCH_HELP, WATCH_OPTIONS, runWatch } = await import('./commands/watch.js');
        return command(WATCH_HELP, WATCH_OPTIONS, io, result, (paths, o, l) => {
          const controller = new AbortController();
          const stop = (): void => controller.abort();
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
          return runWatch(paths, {
            lang: l,
            ...(typeof o['config'] === 'string' ? { config: o['config'] } : {}),
            ...(typeof o['today'] === 'string' ? { today: o['today'] } : {}),
            ...cacheArgs(o),
          }, io, { signal: controller.signal }).finally(() => {
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
          });
        });
      },
      stats: async () => {
        const { STATS_HELP, STATS_OPTIONS, runStats } = await import('./commands/check.js');
        return command(STATS_HELP, STATS_OPTIONS, io, result, (paths, o, l) =>
          runStats(paths, {
            format: o['format'] as string,
            ...(typeof o['config'] === 'string' ? { config: o['config'] } : {}),
            ...(typeof o['today'] === 'string' ? { today: o['today'] } : {}),
            ...(typeof o['baseline'] === 'string' ? { baseline: o['baseline'] } : {}),
            lang: l,
            ...cacheArgs(o),
          }, io));
      },
      import: async () => {
        const { IMPORT_HELP, IMPORT_OPTIONS, runImport } = await import('./commands/import.js');
        return command(IMPORT_HELP, IMPORT_OPTIONS, io, result, (args, o, l) =>
          runImport(args, {
            ...(typeof o['out'] === 'string' ? { out: o['out'] } : {}),
            ...(typeof o['catalogue'] === 'string' ? { catalogue: o['catalogue'] } : {}),
            overwrite: o['overwrite'] === true,
            format: o['format'] as string,
            lang: l,
          }, io));
      },
      checklist: async () => {
        const { CHECKLIST_HELP, CHECKLIST_OPTIONS, runChecklist } = await import('./commands/checklist.js');
        return command(CHECKLIST_HELP, CHECKLIST_OPTIONS, io, result, (args, o, l) =>
          runChecklist(args, {
            facts: (o['fact'] as string[] | undefined) ?? [],
            cases: (o['case'] as string[] | undefined) ?? [],
            channel: o['channel'] as string,
            ...(typeof o['at'] === 'string' ? { at: o['at'] } : {}),
            catalogue: o['catalogue'] as string,
            format: o['format'] as string,
            lang: l,
          }, io));
      },
      site: async () => {
        const { SITE_HELP, SITE_OPTIONS, runSite } = await import('./commands/site.js');
        return command(SITE_HELP, SITE_OPTIONS, io, result, (paths, o, l) =>
          runSite(paths, {
            ...(typeof o['out'] === 'string' ? { out: o['out'] } : {}),
            ...(typeof o['today'] === 'string' ? { today: o['today'] } : {}),
            ...(typeof o['config'] === 'string' ? { config: o['config'] } : {}),
            ...(typeof o['api'] === 'string' ? { api: o['api'] } : {}),
            diagrams: o['diagrams'] !== false,
            chromium: o['chromium'] as string,
            format: o['format'] as string,
            lang: l,
          }, io));
      },
      explain: async () => {
        const { EXPLAIN_HELP, EXPLAIN_OPTIONS, runExplain } = await import('./commands/explain.js');
        return command(EXPLAIN_HELP, EXPLAIN_OPTIONS, io, result, (args, _o, l) => runExplain(args, { lang: l }, io));
      },
      serve: async () => {
        const { SERVE_HELP, SERVE_OPTIONS, runServe } = await import('./commands/serve.js');
        return command(SERVE_HELP, SERVE_OPTIONS, io, result, (args, o, l) => {
          if (args.length > 0) throw new UsageError({ vi: `serve không nhận đối số: ${args.join(' ')}.`, en: `serve takes no arguments: ${args.join(' ')}.` });
          return runServe(o, io, l);
        });
      },
      kpi: async () => {
        const { KPI_HELP, KPI_OPTIONS, runKpi } = await import('./commands/kpi.js');
        return command(KPI_HELP, KPI_OPTIONS, io, result, (args, o, l) => {
          if (args.length > 0) throw new UsageError({ vi: `kpi không nhận đối số: ${args.join(' ')}.`, en: `kpi takes no arguments: ${args.join(' ')}.` });
          return runKpi(o, io, l);
        });
      },
      simulate: async () => {
        const { SIMULATE_HELP, SIMULATE_OPTIONS, runSimulate } = await import('./commands/simulate.js');
        return command(SIMULATE_HELP, SIMULATE_OPTIONS, io, result, (args, o, l) => {
          if (args.length > 0) throw new UsageError({ vi: `simulate không nhận đối số: ${args.join(' ')}.`, en: `simulate takes no arguments: ${args.join(' ')}.` });
          return runSimulate(o, io, l);
        });
      },
      token: async () => {
        const { TOKEN_HELP, TOKEN_OPTIONS, runToken } = await import('./commands/token.js');
        return command(TOKEN_HELP, TOKEN_OPTIONS, io, result, (args, o, l) => runToken(args, o, io, l));
      },
      lsp: async () => {
        const { LSP_HELP, LSP_OPTIONS, runLsp } = await import('./commands/lsp.js');
        return command(LSP_HELP, LSP_OPTIONS, io, result, (args, o, l) => {
          if (args.length > 0) throw new UsageError({ vi: `lsp không nhận đối số: ${args.join(' ')}.`, en: `lsp takes no arguments: ${args.join(' ')}.` });
          return runLsp({ lang: l, ...cacheArgs(o) });
        });
      },
    },
  });
  try {
    if (first.startsWith('-')) {
      throw new UsageError({ vi: `Thiếu lệnh trước "${first}". Các lệnh: ${COMMANDS.join(', ')}.`, en: `A command must come before "${first}". Commands: ${COMMANDS.join(', ')}.` });
    }
    if (!(COMMANDS as readonly string[]).includes(first)) {
      throw new UsageError({ vi: `Không có lệnh "${first}". Các lệnh: ${COMMANDS.join(', ')}.`, en: `Unknown command "${first}". Commands: ${COMMANDS.join(', ')}.` });
    }
    await runCommand(root, { rawArgs: [...argv] });
    return result.code;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`tthc: ${error.text[lang]}\n${lang === 'vi' ? 'Xem "tthc --help".' : 'See "tthc --help".'}\n`);
      return EXIT.usage;
    }
    throw error;
  }
}
