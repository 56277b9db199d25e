import { existsSync } from 'node:fs';
import path from 'node:path';
import { AGENCY_CODE, AGENCY_LEVELS, type AgencyLevel } from '../../engine/agencies.js';
import { EngineError } from '../../engine/errors.js';
import { ROLES, type Role } from '../../engine/roles.js';
import type { Lang } from '../../i18n/lang.js';
import { hashToken, newToken, readOperatorFile, writeOperatorFile, type OperatorFile } from '../../server/operator-file.js';
import { EXIT, LANG_OPTION, UsageError, type Io, type OptionDef } from '../context.js';
import { HELP_OPTION, type CommandHelp } from '../help.js';
import { printEngineError } from './engine-setup.js';

const OPTIONS: Record<string, OptionDef> = {
  tokens: { type: 'string', description: { vi: 'Tệp cơ quan và mã truy cập (tạo mới nếu chưa có).', en: 'Agencies and tokens file (created if missing).' } },
  id: { type: 'string', description: { vi: 'Người giữ mã: mã cán bộ, hoặc số định danh cá nhân của người nộp.', en: 'Who holds it: an officer id, or the applicant\'s personal identification number.' } },
  role: { type: 'string', values: ROLES, description: { vi: 'Vai trò: applicant, reception, specialist, approver, administrator.', en: 'Role: applicant, reception, specialist, approver, administrator.' } },
  agency: { type: 'string', description: { vi: 'Mã định danh cơ quan của cán bộ.', en: 'The officer\'s agency identifier.' } },
  'agency-name': { type: 'string', description: { vi: 'Tên cơ quan, để thêm cơ quan chưa có trong tệp.', en: 'Agency name, to add an agency not yet in the file.' } },
  'agency-level': { type: 'string', values: AGENCY_LEVELS, description: { vi: 'Cấp của cơ quan thêm mới.', en: 'Level of the agency added.' } },
  expires: { type: 'string', description: { vi: 'Ngày hết hạn (YYYY-MM-DD).', en: 'Expiry date (YYYY-MM-DD).' } },
  lang: LANG_OPTION,
  help: HELP_OPTION,
};

/** `tthc token` help. */
export const TOKEN_HELP: CommandHelp = {
  name: 'token',
  usage: 'tthc token add --tokens <file> --id <id> --role <role> [--agency <code> [--agency-name <name> --agency-level <level>]] [--expires YYYY-MM-DD]',
  description: {
    vi: 'Cấp một mã truy cập: in mã một lần duy nhất, tệp chỉ lưu mã băm SHA-256.',
    en: 'Issue an access token: it is printed once; the file keeps only its SHA-256 hash.',
  },
  options: OPTIONS,
  examples: ['tthc token add --tokens tokens.yaml --id tiep-nhan-1 --role reception --agency 000.00.15.H12 --agency-name "Trung tâm Phục vụ hành chính công tỉnh" --agency-level province'],
};

export { OPTIONS as TOKEN_OPTIONS };

/** Runs `tthc token add`. Prints the new token on stdout. */
export function runToken(args: string[], o: Record<string, unknown>, io: Io, lang: Lang): number {
  if (args[0] !== 'add' || args.length !== 1) throw new UsageError({ vi: 'Cách dùng: tthc token add --tokens <tệp> --id <mã> --role <vai trò> …', en: 'Usage: tthc token add --tokens <file> --id <id> --role <role> …' });
  for (const required of ['tokens', 'id', 'role']) {
    if (typeof o[required] !== 'string') throw new UsageError({ vi: `Thiếu --${required}.`, en: `Missing --${required}.` });
  }
  const file = path.resolve(io.cwd, o['tokens'] as string);
  const role = o['role'] as Role;
  const agency = o['agency'] as string | undefined;
  const officer = role === 'reception' || role === 'specialist' || role === 'approver';
  if (officer && agency === undefined) throw new UsageError({ vi: 'Cán bộ cần --agency.', en: 'An officer needs --agency.' });
  if (!officer && agency !== undefined) throw new UsageError({ vi: 'Chỉ cán bộ thuộc một cơ quan (--agency).', en: 'Only officers belong to an agency (--agency).' });
  if (agency !== undefined && !AGENCY_CODE.test(agency)) throw new UsageError({ vi: `Mã định danh cơ quan không hợp lệ: ${agency} (dạng 000.00.15.H12).`, en: `Not an agency identifier: ${agency} (shape 000.00.15.H12).` });
  const expires = o['expires'] as string | undefined;
  if (expires !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(expires) || Number.isNaN(Date.parse(expires)))) throw new UsageError({ vi: `Ngày không hợp lệ: ${expires}.`, en: `Invalid date: ${expires}.` });
  try {
    const data: OperatorFile = existsSync(file) ? readOperatorFile(file) : { agencies: [], tokens: [] };
    if (agency !== undefined && !data.agencies.some((a) => a.code === agency)) {
      const name = o['agency-name'];
      const level = o['agency-level'];
      if (typeof name !== 'string' || typeof level !== 'string') {
        throw new UsageError({ vi: `Cơ quan ${agency} chưa có trong tệp: thêm --agency-name và --agency-level.`, en: `Agency ${agency} is not in the file: add --agency-name and --agency-level.` });
      }
      data.agencies.push({ code: agency, name, level: level as AgencyLevel });
    }
    if (data.tokens.some((t) => t.id === o['id'] && t.role === role)) {
      io.stderr(lang === 'vi' ? `tthc: ${String(o['id'])} đã có mã cho vai trò này; thêm một mã nữa.\n` : `tthc: ${String(o['id'])} already has a token for this role; adding another.\n`);
    }
    const token = newToken();
    data.tokens.push({ id: o['id'] as string, role, ...(agency === undefined ? {} : { agency }), sha256: hashToken(token), ...(expires === undefined ? {} : { expires }) });
    writeOperatorFile(file, data);
    io.stdout(`${token}\n`);
    io.stderr(lang === 'vi' ? 'tthc: mã chỉ in một lần; hãy lưu giữ an toàn (tệp chỉ giữ mã băm).\n' : 'tthc: the token is printed once; keep it safe (the file keeps only its hash).\n');
    return EXIT.ok;
  } catch (error) {
    if (error instanceof EngineError) {
      printEngineError(error, io, lang);
      return EXIT.usage;
    }
    throw error;
  }
}
