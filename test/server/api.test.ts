import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimulatedClock } from '../../src/engine/clock.js';
import { DossierEngine } from '../../src/engine/engine.js';
import { COMMAND_NAMES, type CommandName, type Role } from '../../src/engine/roles.js';
import { MemoryStore } from '../../src/engine/store/memory-store.js';
import { msOf } from '../../src/engine/time.js';
import { buildServer } from '../../src/server/app.js';
import { hashToken, TokenVerifier, type TokenEntry } from '../../src/server/operator-file.js';
import { agencies, birthFiling, calendar, COMMUNE, DEPARTMENT, OTHER_COMMUNE, procedures, START } from '../engine/fixtures.js';

/** Tokens of the test: one per role and agency, an expired one. */
const T = {
  owner: 'tthc_owner-applicant-token-0000000001',
  stranger: 'tthc_other-applicant-token-000000002',
  reception: 'tthc_reception-commune-token-0000003',
  receptionOther: 'tthc_reception-other-token-00000004',
  receptionDept: 'tthc_reception-dept-token-000000005',
  specialist: 'tthc_specialist-commune-token-00006',
  specialistOther: 'tthc_specialist-other-token-000007',
  specialistDept: 'tthc_specialist-dept-token-0000008',
  approver: 'tthc_approver-commune-token-0000009',
  approverOther: 'tthc_approver-other-token-00000010',
  approverDept: 'tthc_approver-dept-token-000000011',
  admin: 'tthc_administrator-token-0000000012',
  expired: 'tthc_expired-reception-token-00013',
} as const;

const entries: TokenEntry[] = [
  { id: '001099000001', role: 'applicant', sha256: hashToken(T.owner) },
  { id: '001099000002', role: 'applicant', sha256: hashToken(T.stranger) },
  { id: 'tn-xa', role: 'reception', agency: COMMUNE, sha256: hashToken(T.reception) },
  { id: 'tn-xa-khac', role: 'reception', agency: OTHER_COMMUNE, sha256: hashToken(T.receptionOther) },
  { id: 'tn-so', role: 'reception', agency: DEPARTMENT, sha256: hashToken(T.receptionDept) },
  { id: 'cv-xa', role: 'specialist', agency: COMMUNE, sha256: hashToken(T.specialist) },
  { id: 'cv-xa-khac', role: 'specialist', agency: OTHER_COMMUNE, sha256: hashToken(T.specialistOther) },
  { id: 'cv-so', role: 'specialist', agency: DEPARTMENT, sha256: hashToken(T.specialistDept) },
  { id: 'ld-xa', role: 'approver', agency: COMMUNE, sha256: hashToken(T.approver) },
  { id: 'ld-xa-khac', role: 'approver', agency: OTHER_COMMUNE, sha256: hashToken(T.approverOther) },
  { id: 'ld-so', role: 'approver', agency: DEPARTMENT, sha256: hashToken(T.approverDept) },
  { id: 'quan-tri', role: 'administrator', sha256: hashToken(T.admin) },
  { id: 'tn-het-han', role: 'reception', agency: COMMUNE, sha256: hashToken(T.expired), expires: '2020-01-01' },
];

/**
 * Who may send which command — written out here as data, independently of src/engine/roles.ts,
 * so a change of the rules there fails this test until the table is changed on purpose.
 */
const ALLOWED: Record<CommandName, { roles: Role[]; scope: 'reception' | 'handling' }> = {
  receive: { roles: ['reception'], scope: 'reception' },
  'request-completion': { roles: ['reception'], scope: 'reception' },
  'submit-completion': { roles: ['applicant', 'reception'], scope: 'reception' },
  refuse: { roles: ['reception'], scope: 'reception' },
  'process-on-spot': { roles: ['reception', 'specialist'], scope: 'reception' },
  'return-on-spot': { roles: ['approver'], scope: 'reception' },
  transfer: { roles: ['reception'], scope: 'reception' },
  appraise: { roles: ['specialist'], scope: 'handling' },
  approve: { roles: ['approver'], scope: 'handling' },
  'complete-stage': { roles: ['specialist', 'approver'], scope: 'handling' },
  'request-supplement': { roles: ['specialist'], scope: 'handling' },
  'provide-supplement': { roles: ['applicant', 'reception'], scope: 'reception' },
  'request-payment': { roles: ['specialist', 'approver'], scope: 'handling' },
  'confirm-payment': { roles: ['reception'], scope: 'reception' },
  reject: { roles: ['specialist', 'approver'], scope: 'handling' },
  stop: { roles: ['approver'], scope: 'handling' },
  withdraw: { roles: ['applicant', 'reception'], scope: 'reception' },
  'present-originals': { roles: ['reception'], scope: 'reception' },
  return: { roles: ['reception'], scope: 'reception' },
};

/** Every caller of the matrix: role, agency, token. */
const CALLERS: { name: string; role: Role; agency: string | null; token: string; owner?: boolean }[] = [
  { name: 'owner', role: 'applicant', agency: null, token: T.owner, owner: true },
  { name: 'another applicant', role: 'applicant', agency: null, token: T.stranger },
  { name: 'reception (commune)', role: 'reception', agency: COMMUNE, token: T.reception },
  { name: 'reception (other commune)', role: 'reception', agency: OTHER_COMMUNE, token: T.receptionOther },
  { name: 'reception (department)', role: 'reception', agency: DEPARTMENT, token: T.receptionDept },
  { name: 'specialist (commune)', role: 'specialist', agency: COMMUNE, token: T.specialist },
  { name: 'specialist (other commune)', role: 'specialist', agency: OTHER_COMMUNE, token: T.specialistOther },
  { name: 'specialist (department)', role: 'specialist', agency: DEPARTMENT, token: T.specialistDept },
  { name: 'approver (commune)', role: 'approver', agency: COMMUNE, token: T.approver },
  { name: 'approver (other commune)', role: 'approver', agency: OTHER_COMMUNE, token: T.approverOther },
  { name: 'approver (department)', role: 'approver', agency: DEPARTMENT, token: T.approverDept },
  { name: 'administrator', role: 'administrator', agency: null, token: T.admin },
];

let seq = 0;
const id = (): string => `api-${++seq}-${Math.random().toString(36).slice(2, 8)}`;

describe('the HTTP API', () => {
  let app: FastifyInstance;
  let clock: SimulatedClock;

  const call = async (method: 'GET' | 'POST', url: string, token: string | null, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await app.inject({
      method, url, ...(body === undefined ? {} : { payload: body as object }),
      headers: { ...(token === null ? {} : { authorization: `Bearer ${token}` }), ...headers },
    });
    return { status: res.statusCode, json: () => res.json() as Record<string, any>, body: res.body, headers: res.headers };
  };

  /** A dossier of the owner, received at the commune (version 2), or handled by the department after transfer. */
  async function dossier(handledBy: 'commune' | 'department' = 'commune'): Promise<string> {
    const created = await call('POST', '/dossiers', T.owner, { commandId: id(), procedure: '1.001193', agency: COMMUNE, channel: 'online', ...birthFiling });
    expect(created.status).toBe(201);
    const dossierId = created.json()['dossierId'] as string;
    expect((await call('POST', `/dossiers/${dossierId}/commands`, T.reception, { commandId: id(), command: 'receive' })).status).toBe(200);
    if (handledBy === 'department') {
      expect((await call('POST', `/dossiers/${dossierId}/commands`, T.reception, { commandId: id(), command: 'transfer', agency: DEPARTMENT })).status).toBe(200);
    }
    return dossierId;
  }

  beforeAll(async () => {
    clock = new SimulatedClock(START);
    const engine = new DossierEngine({ store: new MemoryStore(), procedures, agencies, calendar, clock });
    app = await buildServer({ engine, tokens: new TokenVerifier(entries), simulatedClock: clock, version: '0.0.0-test' });
  });
  afterAll(async () => {
    await app.close();
  });

  it('serves /health and an OpenAPI 3 document generated from the route schemas, without a token', async () => {
    const health = await call('GET', '/health', null);
    expect(health.status).toBe(200);
    expect(health.json()).toMatchObject({ status: 'ok', store: 'memory', simulatedClock: true });
    const doc = await call('GET', '/openapi.json', null);
    expect(doc.status).toBe(200);
    const spec = doc.json();
    expect(spec['openapi']).toMatch(/^3\./);
    expect(Object.keys(spec['paths'])).toEqual(expect.arrayContaining(['/dossiers', '/dossiers/{id}', '/dossiers/{id}/commands', '/kpi', '/health']));
    const commandBody = spec['paths']['/dossiers/{id}/commands']['post']['requestBody']['content']['application/json']['schema'];
    expect(commandBody['additionalProperties']).toBe(false);
    expect(commandBody['properties']['command']['enum']).toEqual(COMMAND_NAMES);
    expect(spec['components']['securitySchemes']['bearer']).toEqual({ type: 'http', scheme: 'bearer' });
  });

  it('refuses missing, malformed, forged and expired tokens with their codes', async () => {
    const missing = await call('GET', '/dossiers', null);
    expect([missing.status, missing.json()['error']['code']]).toEqual([401, 'TTHC630']);
    for (const header of ['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer short', `Bearer ${T.reception}x`, `Bearer ${'a'.repeat(600)}`, 'tthc_reception-commune-token-0000003']) {
      const res = await app.inject({ method: 'GET', url: '/dossiers', headers: { authorization: header } });
      expect(res.statusCode).toBe(401);
      expect((res.json() as { error: { code: string } }).error.code).toBe('TTHC631');
    }
    const expired = await call('GET', '/dossiers', T.expired);
    expect([expired.status, expired.json()['error']['code']]).toEqual([401, 'TTHC632']);
    // The token's hash, sent as a token, is not the token.
    expect((await call('GET', '/dossiers', hashToken(T.reception))).status).toBe(401);
  });

  it('takes a dossier from online submission to the returned result and shows its history, documents and due dates', async () => {
    const dossierId = await dossier();
    for (const [token, command, extra] of [[T.reception, 'transfer', {}], [T.specialist, 'appraise', {}], [T.approver, 'approve', {}], [T.reception, 'present-originals', {}], [T.reception, 'return', { method: 'in-person' }]] as const) {
      const res = await call('POST', `/dossiers/${dossierId}/commands`, token, { commandId: id(), command, ...extra });
      expect(res.status, `${command}: ${res.body}`).toBe(200);
    }
    const view = await call('GET', `/dossiers/${dossierId}`, T.owner);
    expect(view.status).toBe(200);
    const v = view.json();
    expect(v['dossier']).toMatchObject({ state: 'returned', stateLabel: 'Đã trả kết quả', final: true, version: 7, channel: 'online', number: expect.stringMatching(/^000\.01\.21\.H12-260302-\d{4}$/) });
    expect(v['dossier']['due']).toEqual({ at: '2026-03-02T17:00:00+07:00', basis: 'announced' });
    expect(v['history'].map((h: { command: string }) => h.command)).toEqual(['submit', 'receive', 'transfer', 'appraise', 'approve', 'present-originals', 'return']);
    expect(v['documents'][0]).toMatchObject({ kind: 'receipt', title: 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả', appointment: '2026-03-02T17:00:00+07:00' });
  });

  it('refuses every forbidden role × command × agency combination, and changes nothing when it does', async () => {
    for (const phase of ['commune', 'department'] as const) {
      const dossierId = await dossier(phase);
      const before = (await call('GET', `/dossiers/${dossierId}`, T.admin)).json()['dossier']['version'];
      const handling = phase === 'commune' ? COMMUNE : DEPARTMENT;
      let forbidden = 0;
      for (const command of COMMAND_NAMES) {
        const rule = ALLOWED[command];
        for (const caller of CALLERS) {
          // A version the dossier never had: who may not act is refused (403/404) before the
          // version is looked at; who may act gets the conflict (409), so nothing moves.
          const body = { commandId: id(), command, expectedVersion: 999, reasons: ['Lý do thử nghiệm'], items: ['x'], method: 'in-person', components: [] };
          const res = await call('POST', `/dossiers/${dossierId}/commands`, caller.token, body);
          const code = res.json()['error']?.['code'];
          const roleOk = rule.roles.includes(caller.role);
          const agencyOk = caller.role === 'applicant' ? caller.owner === true : caller.agency === (rule.scope === 'reception' ? COMMUNE : handling);
          if (caller.role === 'applicant' && caller.owner !== true) {
            expect([command, caller.name, res.status, code]).toEqual([command, caller.name, 404, 'TTHC602']);
            forbidden++;
          } else if (!roleOk) {
            expect([command, caller.name, res.status, code]).toEqual([command, caller.name, 403, 'TTHC610']);
            forbidden++;
          } else if (!agencyOk) {
            expect([command, caller.name, res.status, code]).toEqual([command, caller.name, 403, 'TTHC611']);
            forbidden++;
          } else {
            expect([command, caller.name, res.status, code]).toEqual([command, caller.name, 409, 'TTHC603']);
          }
        }
      }
      expect(forbidden).toBeGreaterThan(150);
      expect((await call('GET', `/dossiers/${dossierId}`, T.admin)).json()['dossier']['version']).toBe(before);
    }
  });

  it('refuses oversized, malformed and non-JSON bodies, unknown fields and wrong types with 4xx codes', async () => {
    const dossierId = await dossier();
    const url = `/dossiers/${dossierId}/commands`;
    const big = await call('POST', url, T.reception, { commandId: id(), command: 'transfer', reasons: ['x'.repeat(70 * 1024)] });
    expect([big.status, big.json()['error']['code']]).toEqual([413, 'TTHC635']);
    const malformed = await app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${T.reception}`, 'content-type': 'application/json' }, payload: '{"commandId": "a", "command": ' });
    expect([malformed.statusCode, (malformed.json() as { error: { code: string } }).error.code]).toEqual([400, 'TTHC634']);
    const text = await app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${T.reception}`, 'content-type': 'text/plain' }, payload: 'transfer' });
    expect(text.statusCode).toBeGreaterThanOrEqual(400);
    expect(text.statusCode).toBeLessThan(500);
    expect((text.json() as { error: { code: string } }).error.code).toBe('TTHC634');
    const unknown = await call('POST', url, T.reception, { commandId: id(), command: 'transfer', priority: 'high' });
    expect([unknown.status, unknown.json()['error']['code']]).toEqual([400, 'TTHC634']);
    expect(unknown.json()['error']['message']).toContain('priority');
    const english = await call('POST', url, T.reception, { commandId: id(), command: 'transfer', priority: 'high' }, { 'accept-language': 'en-GB,en;q=0.8' });
    expect(english.json()['error']['message']).toBe('Invalid request: body: unknown property "priority"');
    for (const bad of [{ command: 'transfer' }, { commandId: id(), command: 'teleport' }, { commandId: id(), command: 'transfer', expectedVersion: '2' }, { commandId: 'has space', command: 'transfer' }, [], 'transfer', null]) {
      const res = await call('POST', url, T.reception, bad);
      expect([JSON.stringify(bad), res.status, res.json()['error']['code']]).toEqual([JSON.stringify(bad), 400, 'TTHC634']);
    }
    const createUnknown = await call('POST', '/dossiers', T.owner, { commandId: id(), procedure: '1.001193', agency: COMMUNE, channel: 'online', secret: 1 });
    expect([createUnknown.status, createUnknown.json()['error']['code']]).toEqual([400, 'TTHC634']);
    const query = await call('GET', '/dossiers?colour=red', T.admin);
    expect([query.status, query.json()['error']['code']]).toEqual([400, 'TTHC634']);
    const route = await call('GET', '/nowhere', T.admin);
    expect([route.status, route.json()['error']['code']]).toEqual([404, 'TTHC636']);
    expect((await call('GET', `/dossiers/${dossierId}`, T.admin)).json()['dossier']['version']).toBe(2);
  });

  it('returns the first result for a replayed command id and refuses the id reused for another command', async () => {
    const dossierId = await dossier();
    const commandId = id();
    const first = await call('POST', `/dossiers/${dossierId}/commands`, T.reception, { commandId, command: 'transfer' });
    const again = await call('POST', `/dossiers/${dossierId}/commands`, T.reception, { commandId, command: 'transfer' });
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.json()).toEqual({ ...first.json(), replayed: true });
    const reused = await call('POST', `/dossiers/${dossierId}/commands`, T.reception, { commandId, command: 'withdraw' });
    expect([reused.status, reused.json()['error']['code']]).toEqual([409, 'TTHC609']);
    const createId = id();
    const c1 = await call('POST', '/dossiers', T.owner, { commandId: createId, procedure: '1.001193', agency: COMMUNE, channel: 'online', ...birthFiling });
    const c2 = await call('POST', '/dossiers', T.owner, { commandId: createId, procedure: '1.001193', agency: COMMUNE, channel: 'online', ...birthFiling });
    expect([c1.status, c2.status]).toEqual([201, 200]);
    expect(c2.json()['dossierId']).toBe(c1.json()['dossierId']);
  });

  it('lets exactly one of 200 concurrent commands on one dossier win per version, and keeps the log consistent', async () => {
    const dossierId = await dossier();
    const results = await Promise.all(Array.from({ length: 200 }, () =>
      call('POST', `/dossiers/${dossierId}/commands`, T.reception, { commandId: id(), command: 'transfer', expectedVersion: 2 })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409 && r.json()['error']['code'] === 'TTHC603')).toHaveLength(199);
    // Without an expected version, the same command: one wins, the others find the dossier moved on.
    const same = await Promise.all(Array.from({ length: 200 }, () =>
      call('POST', `/dossiers/${dossierId}/commands`, T.specialist, { commandId: id(), command: 'appraise' })));
    expect(same.filter((r) => r.status === 200)).toHaveLength(1);
    expect(same.every((r) => r.status === 200 || r.status === 409)).toBe(true);
    // Different commands racing: each winner applied to its own version, the log has no gap.
    const mixed = await Promise.all(Array.from({ length: 200 }, (_, i) =>
      call('POST', `/dossiers/${dossierId}/commands`, T.approver, { commandId: id(), command: i % 2 === 0 ? 'request-payment' : 'stop', reasons: ['Dừng theo yêu cầu'] })));
    const won = mixed.filter((r) => r.status === 200).map((r) => r.json()['version'] as number);
    expect(new Set(won).size).toBe(won.length);
    expect(mixed.every((r) => r.status === 200 || r.status === 409)).toBe(true);
    const view = (await call('GET', `/dossiers/${dossierId}`, T.admin)).json();
    expect(view['history'].map((h: { seq: number }) => h.seq)).toEqual(Array.from({ length: 4 + won.length }, (_, i) => i + 1));
    expect(view['dossier']['version']).toBe(4 + won.length);
  });

  it('lists dossiers by who asks, by state and overdue, and moves simulated time for administrators only, with apology slips', async () => {
    const late = await dossier();
    await call('POST', `/dossiers/${late}/commands`, T.reception, { commandId: id(), command: 'transfer' });
    const own = (await call('GET', '/dossiers', T.owner)).json()['dossiers'] as { applicant: string }[];
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((d) => d.applicant === '001099000001')).toBe(true);
    expect((await call('GET', '/dossiers', T.stranger)).json()['dossiers']).toEqual([]);
    expect((await call('GET', '/dossiers', T.receptionOther)).json()['dossiers']).toEqual([]);
    expect((await call('GET', `/dossiers/${late}`, T.stranger)).status).toBe(404);
    expect((await call('GET', `/dossiers/${late}`, T.receptionOther)).status).toBe(404);
    const forbidden = await call('POST', '/clock', T.reception, { to: '2026-03-04T08:00' });
    expect([forbidden.status, forbidden.json()['error']['code']]).toEqual([403, 'TTHC610']);
    const moved = await call('POST', '/clock', T.admin, { to: '2026-03-04T08:00' });
    expect(moved.status).toBe(200);
    expect(moved.json()['swept']['fired']).toBeGreaterThan(0);
    expect(clock.now()).toBe(msOf('2026-03-04T08:00'));
    const back = await call('POST', '/clock', T.admin, { to: '2026-03-01T08:00' });
    expect([back.status, back.json()['error']['code']]).toEqual([409, 'TTHC638']);
    const view = (await call('GET', `/dossiers/${late}`, T.owner)).json();
    expect(view['dossier']['state']).toBe('appraisal');
    expect(view['documents'].at(-1)).toMatchObject({ kind: 'apology', form: '04', title: 'Phiếu xin lỗi và hẹn lại ngày trả kết quả' });
    const overdue = (await call('GET', '/dossiers?overdue=true', T.reception)).json()['dossiers'] as { id: string; overdue: boolean }[];
    expect(overdue.map((d) => d.id)).toContain(late);
    expect(overdue.every((d) => d.overdue)).toBe(true);
    const sweep = await call('POST', '/admin/sweep', T.admin);
    expect(sweep.status).toBe(200);
    expect((await call('POST', '/admin/sweep', T.approver)).status).toBe(403);
  });

  it('reports KPIs to officers and administrators in JSON, CSV and Markdown, and not to applicants', async () => {
    const json = await call('GET', '/kpi?by=level', T.admin);
    expect(json.status).toBe(200);
    expect(json.json()).toMatchObject({ by: 'level', total: { submitted: expect.any(Number) } });
    expect(json.json()['total']['submitted']).toBeGreaterThan(5);
    const csv = await call('GET', '/kpi?by=agency&format=csv', T.reception);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toBe('key,name,level,submitted,onTimeRate,resolvedOnTime,resolvedLate,inProgressWithinTime,inProgressOverdue,notRated,resolvedOnTimeRate,online,onlineShare,onSpot,onSpotShare,apologies,averageProcessingDays,averageStatutoryDays');
    const md = await call('GET', '/kpi?format=markdown', T.admin, undefined, { 'accept-language': 'en' });
    expect(md.body).toContain('| Level | Dossiers | On time |');
    const applicant = await call('GET', '/kpi', T.owner);
    expect([applicant.status, applicant.json()['error']['code']]).toEqual([403, 'TTHC610']);
    const badDate = await call('GET', '/kpi?from=yesterday', T.admin);
    expect([badDate.status, badDate.json()['error']['code']]).toEqual([400, 'TTHC634']);
  });
});
