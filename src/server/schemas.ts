import { AGENCY_LEVELS } from '../engine/agencies.js';
import { COMMAND_NAMES } from '../engine/roles.js';
import { KPI_DIMENSIONS } from '../engine/kpi.js';
import { CHANNELS } from '../workflow/ir.js';

/**
 * The JSON Schemas of the HTTP API's routes: Fastify validates requests against them (ajv,
 * unknown properties refused) and @fastify/swagger turns them into the OpenAPI 3 document.
 * One definition serves both, so the document cannot drift from what is enforced.
 */

const id = { type: 'string', minLength: 1, maxLength: 200, pattern: '^[A-Za-z0-9._:~-]+$' } as const;
const text = { type: 'string', minLength: 1, maxLength: 2000 } as const;
const ids = { type: 'array', maxItems: 100, items: { type: 'string', minLength: 1, maxLength: 100, pattern: '^[a-z0-9][a-z0-9-]*$' } } as const;
const agency = { type: 'string', pattern: '^[0-9A-Z]{3}\\.[0-9A-Z]{2}\\.[0-9A-Z]{2}\\.[A-Z][0-9A-Z]{2}$', description: 'Mã định danh cơ quan (V1V2V3.Z1Z2.Y1Y2.MX1X2). — Agency identifier.' } as const;
const isoMoment = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?)?$' } as const;

export const errorSchema = {
  $id: 'Error',
  type: 'object',
  description: 'Lỗi có mã (TTHC6xx). — A coded error.',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'id', 'message', 'hint'],
      properties: {
        code: { type: 'string', example: 'TTHC603' },
        id: { type: 'string', example: 'version-conflict' },
        message: { type: 'string' },
        hint: { type: 'string' },
        data: { type: 'object', additionalProperties: true },
      },
    },
  },
} as const;

const errors = (...codes: number[]): Record<string, unknown> =>
  Object.fromEntries(codes.map((c) => [String(c), { description: 'Lỗi có mã. — A coded error.', $ref: 'Error#' }]));

const result = {
  type: 'object',
  properties: {
    dossierId: { type: 'string' }, number: { type: 'string' }, version: { type: 'integer' }, state: { type: 'string' },
    replayed: { type: 'boolean' }, documents: { type: 'array', items: { type: 'object', additionalProperties: true } },
  },
  additionalProperties: true,
} as const;

export const createSchema = {
  summary: 'Nộp hồ sơ — submit a dossier',
  description: 'Người nộp nộp trực tuyến hồ sơ của mình; cán bộ tiếp nhận nhập hồ sơ nộp trực tiếp hoặc qua bưu chính. Số hồ sơ theo Thông tư 01/2018/TT-VPCP, Điều 19. — An applicant files online; reception enters in-person and postal dossiers. Numbered per Circular 01/2018/TT-VPCP art. 19.',
  tags: ['dossiers'],
  body: {
    type: 'object',
    additionalProperties: false,
    required: ['commandId', 'procedure', 'agency', 'channel'],
    properties: {
      commandId: { ...id, description: 'Mã lệnh do bên gửi tạo (ví dụ UUID); gửi lại trả kết quả lần đầu. — Client command id; resending returns the first result.' },
      procedure: { type: 'string', pattern: '^[0-9][0-9A-Za-z.]{1,60}$', description: 'Mã thủ tục. — Procedure code.' },
      agency,
      channel: { enum: [...CHANNELS] },
      applicant: { type: 'string', minLength: 1, maxLength: 100, description: 'Người nộp (cán bộ tiếp nhận ghi). — The applicant (entered by reception).' },
      facts: { type: 'object', maxProperties: 50, additionalProperties: { type: ['string', 'number', 'boolean'] } },
      cases: ids,
      components: ids,
    },
  },
  response: { 201: result, 200: result, ...errors(400, 401, 403, 404, 409, 413, 422) },
} as const;

export const commandSchema = {
  summary: 'Thực hiện lệnh trên hồ sơ — apply a command',
  tags: ['dossiers'],
  params: { type: 'object', additionalProperties: false, required: ['id'], properties: { id } },
  body: {
    type: 'object',
    additionalProperties: false,
    required: ['commandId', 'command'],
    properties: {
      commandId: id,
      command: { enum: COMMAND_NAMES },
      expectedVersion: { type: 'integer', minimum: 1, description: 'Phiên bản hồ sơ bên gửi đã thấy; khác là xung đột 409. — The version the sender saw; another is a 409 conflict.' },
      reasons: { type: 'array', maxItems: 20, items: text },
      components: ids,
      missing: ids,
      items: { type: 'array', maxItems: 50, items: text },
      agency,
      method: { enum: ['in-person', 'online', 'post'] },
      amount: { type: 'number', minimum: 0, maximum: 1e12 },
    },
  },
  response: { 200: result, ...errors(400, 401, 403, 404, 409, 413, 422) },
} as const;

export const dossierSchema = {
  summary: 'Xem hồ sơ, lịch sử, giấy tờ đã cấp, hạn — read a dossier with its history, documents and due dates',
  tags: ['dossiers'],
  params: { type: 'object', additionalProperties: false, required: ['id'], properties: { id } },
  response: { 200: { type: 'object', additionalProperties: true }, ...errors(401, 404) },
} as const;

export const listSchema = {
  summary: 'Danh sách hồ sơ — list dossiers',
  tags: ['dossiers'],
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      state: { type: 'string', maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' },
      procedure: { type: 'string', maxLength: 60 },
      agency,
      overdue: { enum: ['true', 'false'] },
      limit: { type: 'string', pattern: '^[1-9][0-9]{0,2}$' },
    },
  },
  response: { 200: { type: 'object', additionalProperties: true }, ...errors(400, 401) },
} as const;

export const kpiSchema = {
  summary: 'Số liệu giải quyết hồ sơ — KPIs',
  tags: ['kpi'],
  querystring: {
    type: 'object',
    additionalProperties: false,
    properties: {
      by: { enum: [...KPI_DIMENSIONS] },
      from: isoMoment,
      to: isoMoment,
      format: { enum: ['json', 'csv', 'markdown'] },
    },
  },
  response: { 200: { type: 'object', additionalProperties: true }, ...errors(400, 401, 403) },
} as const;

export const sweepSchema = {
  summary: 'Chạy kiểm tra hạn (quản trị) — run the deadline sweep (administrator)',
  tags: ['admin'],
  response: { 200: { type: 'object', properties: { fired: { type: 'integer' }, dossiers: { type: 'integer' } } }, ...errors(401, 403) },
} as const;

export const replaySchema = {
  summary: 'Chạy lại nhật ký hồ sơ và so với trạng thái đã lưu (quản trị) — replay a dossier\'s log against its stored state (administrator)',
  tags: ['admin'],
  params: { type: 'object', additionalProperties: false, required: ['id'], properties: { id } },
  response: {
    200: { type: 'object', properties: { dossierId: { type: 'string' }, events: { type: 'integer' }, state: { type: 'string' }, matches: { type: 'boolean' } } },
    ...errors(401, 403, 404, 500),
  },
} as const;

export const clockSchema = {
  summary: 'Đặt giờ mô phỏng (quản trị) — set the simulated clock (administrator)',
  tags: ['admin'],
  body: { type: 'object', additionalProperties: false, required: ['to'], properties: { to: isoMoment } },
  response: { 200: { type: 'object', additionalProperties: true }, ...errors(400, 401, 403, 409) },
} as const;

export const healthSchema = {
  summary: 'Tình trạng máy chủ — health',
  tags: ['meta'],
  response: { 200: { type: 'object', additionalProperties: true } },
} as const;

/** Levels, for documentation. */
export const LEVELS = AGENCY_LEVELS;
