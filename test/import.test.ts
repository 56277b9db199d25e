import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ALL_CODES as CODES } from '../src/report/codes.js';
import { buildProcedure, RECORD_FIELDS, type PortalRecord } from '../src/import/dvc/build.js';
import { importDvc, schemaProblem, type ImportReport } from '../src/import/dvc/run.js';
import { main } from '../src/cli/main.js';
import { normaliseName } from '../src/import/dvc/sync.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const DATA = path.resolve(ROOT, 'data/dvc');
const tmp = mkdtempSync(path.join(tmpdir(), 'tthc-import-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));


function records(file: string): PortalRecord[] {
  return readFileSync(path.join(DATA, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as PortalRecord);
}

const allRecords = readdirSync(DATA)
  .filter((f) => f.endsWith('.jsonl'))
  .sort()
  .flatMap((f) => records(f).map((r) => ({ file: f, record: r })));

function dir(name: string): string {
  const d = path.join(tmp, name);
  mkdirSync(d, { recursive: true });
  return d;
}

function codesAt(report: ImportReport): string[] {
  return report.diagnostics.map((d) => `${path.basename(d.file)}:${d.range?.start.line ?? 0}:${d.range?.start.column ?? 0} ${d.code}`).sort();
}

function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) walk(full);
      else out.push(path.relative(root, full));
    }
  };
  walk(root);
  return out.sort();
}

describe('tthc import dvc on bad records', () => {
  const good = JSON.stringify(records('bo-tu-phap.jsonl')[0]);
  const goodCode = (records('bo-tu-phap.jsonl')[0] as PortalRecord).ma_thu_tuc as string;

  it('goes on past every bad line, reports each with its line, and exits 1', async () => {
    const d = dir('bad');
    const lines = [
      good, //                                                      1: written
      '{"ma_thu_tuc": "1.999001", "detail_url": ', //              2: TTHC501
      '[1, 2]', //                                                  3: TTHC502
      '{"detail_url": "https://dichvucong.gov.vn/x"}', //          4: TTHC503
      '{"ma_thu_tuc": "abc", "detail_url": "https://dichvucong.gov.vn/x"}', // 5: TTHC504
      good, //                                                      6: TTHC506 duplicate
      JSON.stringify({ ma_thu_tuc: '1.999002', detail_url: 'https://dichvucong.gov.vn/y', ten_thu_tuc: 'Thủ tục thử', cap_thuc_hien: 'Cấp xã', cach_thuc_thuc_hien: '', thanh_phan_ho_so: '', ten_thu_tc: 'typo' }), // 7: TTHC505 + TTHC507 ×2
      '', //                                                        8: blank, skipped
    ];
    writeFileSync(path.join(d, 'records.jsonl'), lines.join('\n'));
    const out = path.join(d, 'out');
    const report = importDvc({ inputs: [path.join(d, 'records.jsonl')], out, overwrite: false, cwd: d });
    expect(codesAt(report)).toEqual([
      'records.jsonl:2:42 TTHC501',
      'records.jsonl:3:1 TTHC502',
      'records.jsonl:4:1 TTHC503',
      'records.jsonl:5:2 TTHC504',
      'records.jsonl:6:2 TTHC506',
      'records.jsonl:7:122 TTHC507',
      'records.jsonl:7:147 TTHC507',
      'records.jsonl:7:169 TTHC505',
    ].sort());
    expect(report.coverage.recordsRead).toBe(7);
    expect(report.coverage.recordsRejected).toBe(5);
    expect(listFiles(out)).toEqual([`records/${goodCode}.yaml`, 'records/1.999002.yaml']);
    // The record without components is written, with review items saying what is missing.
    const thin = readFileSync(path.join(out, 'records/1.999002.yaml'), 'utf8');
    expect(thin).toContain('Cổng không công bố thành phần hồ sơ');
    expect(thin).toContain('Cổng không công bố cách thức thực hiện');

    const stdout: string[] = [];
    const code = await main(['import', 'dvc', path.join(d, 'records.jsonl'), '--out', path.join(d, 'out2'), '--format', 'json', '--lang', 'en'], { stdout: (t) => stdout.push(t), stderr: () => {}, cwd: d });
    expect(code).toBe(1);
    const json = JSON.parse(stdout.join('')) as { coverage: Record<string, number>; diagnostics: { code: string; line: number; message: string }[] };
    expect(json.coverage['recordsRejected']).toBe(5);
    expect(json.diagnostics.find((x) => x.code === 'TTHC503')).toMatchObject({ line: 4, message: expect.stringContaining('ma_thu_tuc') as unknown });
  });

  it('is a usage error (exit 2) without --out, without inputs, or for a missing path', async () => {
    const err: string[] = [];
    const io = { stdout: () => {}, stderr: (t: string) => err.push(t), cwd: tmp };
    expect(await main(['import', 'dvc', DATA], io)).toBe(2);
    expect(await main(['import', 'dvc', '--out', 'x'], io)).toBe(2);
    expect(await main(['import', 'dvc', 'nope.jsonl', '--out', 'x', '--lang', 'en'], io)).toBe(2);
    expect(await main(['import', 'csv', DATA, '--out', 'x'], io)).toBe(2);
    expect(err.join('')).toContain('nope.jsonl');
  });

  it('reports a file it cannot write, and leaves no half-written file', () => {
    const d = dir('unwritable');
    writeFileSync(path.join(d, 'r.jsonl'), good);
    writeFileSync(path.join(d, 'out'), 'a file where the folder should be');
    const report = importDvc({ inputs: [path.join(d, 'r.jsonl')], out: path.join(d, 'out'), overwrite: false, cwd: d });
    expect(report.diagnostics.map((x) => x.code)).toContain('TTHC510');
  });

  it('checks every built procedure against the schema before writing', () => {
    expect(schemaProblem({ code: '1.000001' })).toContain('provenance');
    expect(schemaProblem(buildProcedure(records('bo-tu-phap.jsonl')[0] as PortalRecord, 'x.jsonl').procedure)).toBeUndefined();
  });
});

describe('existing files are never overwritten silently', () => {
  const first = records('bo-tu-phap.jsonl').slice(0, 3);
  const code0 = first[0]?.ma_thu_tuc as string;

  it('leaves a hand-written file alone and reports what the portal says', () => {
    const d = dir('sync');
    mkdirSync(path.join(d, 'catalogue/registry'), { recursive: true });
    mkdirSync(path.join(d, 'catalogue/curated'), { recursive: true });
    const hand = path.join(d, 'catalogue/curated/mine.yaml');
    const handText = `code: "${code0}"\nname: Tên viết tay\nlevels: [province]\ncomponents:\n  - { id: don, name: Đơn viết tay, kind: submit }\nprovenance:\n  - url: https://example.org/a\n`;
    writeFileSync(hand, handText);
    writeFileSync(path.join(d, 'in.jsonl'), first.map((r) => JSON.stringify(r)).join('\n'));
    const out = path.join(d, 'catalogue/national');
    const report = importDvc({ inputs: [path.join(d, 'in.jsonl')], out, overwrite: true, cwd: d });
    expect(readFileSync(hand, 'utf8')).toBe(handText);
    const kept = report.files.find((f) => f.procedure === code0);
    expect(kept?.status).toBe('kept-hand-written');
    expect(kept?.changes).toContainEqual({ field: 'name', catalogue: 'Tên viết tay', portal: first[0]?.ten_thu_tuc });
    expect(kept?.changes).toContainEqual({ field: 'levels', catalogue: 'province', portal: 'commune' });
    expect(kept?.changes).toContainEqual({ field: 'components', catalogue: 'Đơn viết tay', portal: '—' });
    expect(existsSync(path.join(out, `in/${code0}.yaml`))).toBe(false);
    expect(report.diagnostics.map((x) => x.code)).toContain('TTHC509');
  });

  it('reports a changed portal record and rewrites only with --overwrite', () => {
    const d = dir('overwrite');
    const input = path.join(d, 'in.jsonl');
    writeFileSync(input, first.map((r) => JSON.stringify(r)).join('\n'));
    const out = path.join(d, 'out');
    const once = importDvc({ inputs: [input], out, overwrite: false, cwd: d });
    expect(once.coverage.written).toBe(3);
    const again = importDvc({ inputs: [input], out, overwrite: false, cwd: d });
    expect(again.coverage.unchanged).toBe(3);

    const changed = first.map((r, i) => (i === 0 ? { ...r, cach_thuc_thuc_hien: 'Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp9 Ngày làm việc50,000 VNĐ' } : r));
    writeFileSync(input, changed.map((r) => JSON.stringify(r)).join('\n'));
    const target = path.join(out, `in/${code0}.yaml`);
    const before = readFileSync(target, 'utf8');
    const report = importDvc({ inputs: [input], out, overwrite: false, cwd: d });
    expect(readFileSync(target, 'utf8')).toBe(before);
    const f = report.files.find((x) => x.procedure === code0);
    expect(f?.status).toBe('differs');
    expect(f?.changes).toContainEqual({ field: 'channels.in-person.duration', catalogue: expect.any(String) as unknown, portal: '9 working-days' });
    expect(f?.changes).toContainEqual({ field: 'channels.in-person.fees', catalogue: expect.any(String) as unknown, portal: '50000' });
    expect(report.diagnostics.map((x) => x.code)).toContain('TTHC508');

    const forced = importDvc({ inputs: [input], out, overwrite: true, cwd: d });
    expect(forced.coverage.updated).toBe(1);
    expect(readFileSync(target, 'utf8')).toContain('unit: working-days');
  });

  it('reports imported files whose record is gone, and imports shadowed by a hand-written file', () => {
    const d = dir('stale');
    mkdirSync(path.join(d, 'cat/registry'), { recursive: true });
    const input = path.join(d, 'in.jsonl');
    writeFileSync(input, first.map((r) => JSON.stringify(r)).join('\n'));
    const out = path.join(d, 'cat/national');
    importDvc({ inputs: [input], out, overwrite: false, cwd: d });
    writeFileSync(input, first.slice(1).map((r) => JSON.stringify(r)).join('\n'));
    const report = importDvc({ inputs: [input], out, overwrite: false, cwd: d });
    expect(report.diagnostics.filter((x) => x.code === 'TTHC512').map((x) => x.procedure)).toEqual([code0]);

    // A hand-written file now owns the second code: its earlier import must go.
    const code1 = first[1]?.ma_thu_tuc as string;
    writeFileSync(path.join(d, 'cat/hand.yaml'), `code: "${code1}"\nprovenance:\n  - url: https://example.org/b\n`);
    const shadowed = importDvc({ inputs: [input], out, overwrite: false, cwd: d });
    expect(shadowed.diagnostics.filter((x) => x.code === 'TTHC513').map((x) => x.procedure)).toEqual([code1]);
    const cleaned = importDvc({ inputs: [input], out, overwrite: true, cwd: d });
    expect(cleaned.coverage.removed).toBe(1);
    expect(existsSync(path.join(out, `in/${code1}.yaml`))).toBe(false);
  });
});

describe('the national import', () => {
  it('reproduces the committed national catalogue byte for byte, deterministically', () => {
    const a = dir('national-a');
    const b = dir('national-b');
    const ra = importDvc({ inputs: [DATA], out: a, catalogue: path.join(ROOT, 'procedures'), overwrite: false, cwd: ROOT });
    importDvc({ inputs: [DATA], out: b, catalogue: path.join(ROOT, 'procedures'), overwrite: false, cwd: ROOT });
    expect(ra.coverage.recordsRejected).toBe(0);
    const committed = path.join(ROOT, 'procedures/national');
    const files = listFiles(a);
    expect(listFiles(committed)).toEqual(files);
    expect(listFiles(b)).toEqual(files);
    for (const f of files) {
      const text = readFileSync(path.join(a, f), 'utf8');
      expect(readFileSync(path.join(b, f), 'utf8')).toBe(text);
      expect(readFileSync(path.join(committed, f), 'utf8'), f).toBe(text);
    }
    expect(ra.coverage.procedures).toBe(allRecords.length);
    expect(ra.coverage.written + ra.coverage.keptHandWritten).toBe(allRecords.length);
  }, 120_000);

  describe('fidelity on real records (each pattern a reviewer found)', () => {
    const built = (code: string): Record<string, unknown> & { review?: { topic: string; path?: string; original?: string; question: string }[] } => {
      const found = allRecords.find((r) => r.record.ma_thu_tuc === code);
      if (found === undefined) throw new Error(`no record ${code}`);
      return buildProcedure(found.record, found.file).procedure as never;
    };
    const componentNames = (p: Record<string, unknown>): string[] => [
      ...((p['components'] as { name: string }[] | undefined) ?? []),
      ...((p['cases'] as { components: { name: string }[] }[] | undefined) ?? []).flatMap((c) => c.components),
    ].map((c) => c.name);

    it('never makes a "Lưu ý" note a component, and keeps an emptied case title as a note (1.002548)', () => {
      const p = built('1.002548');
      expect(componentNames(p).filter((n) => /^lưu ý/iu.test(n))).toEqual([]);
      expect((p['componentNotes'] as string[]).some((n) => n.startsWith('Lưu ý: Trường hợp không khai thác được'))).toBe(true);
      expect((p['componentNotes'] as string[]).some((n) => n.startsWith('2. Trường hợp ủy quyền phải kèm theo giấy ủy quyền'))).toBe(true);
    });

    it('makes no review item of the portal\'s dash-only trailer after the last row (6.003634)', () => {
      const p = built('6.003634');
      expect(p.review ?? []).toEqual([]);
      expect(componentNames(p).at(-1)).toContain('giấy tờ nghiệm thu đưa nhà ở vào sử dụng');
    });

    it('keeps a form the portal lists with "0 bản chính" as a component with a review item (3.000271, mẫu TK03)', () => {
      const p = built('3.000271');
      expect(componentNames(p)[0]).toMatch(/^Phiếu đề nghị khóa, mở khóa tài khoản định danh điện tử/u);
      expect(p.review?.some((r) => r.topic === 'component' && r.path === '/components/0' && /0 bản chính/u.test(r.question))).toBe(true);
    });

    it('takes the duration from the description when it is the only period stated, and reviews several (1.004656, 1.003361)', () => {
      const one = built('1.004656');
      expect((one['channels'] as Record<string, { duration?: { value: number; unit: string } }>)['in-person']?.duration).toMatchObject({ value: 5, unit: 'working-days' });
      const several = built('1.003361');
      expect(Object.values(several['channels'] as Record<string, { duration?: unknown }>).every((c) => c.duration === undefined)).toBe(true);
      expect(several.review?.some((r) => r.topic === 'duration' && /28 ngày làm việc/u.test(r.question))).toBe(true);
    });

    it('repairs "118/2025/NĐ-C" with a review item that quotes the portal (1.012791)', () => {
      const p = built('1.012791');
      const numbers = (p['legalBasis'] as { number: string }[]).map((l) => l.number);
      expect(numbers).toContain('118/2025/NĐ-CP');
      expect(numbers).not.toContain('118/2025/NĐ-C');
      expect(p.review?.some((r) => r.topic === 'legal-basis' && r.original === '118/2025/NĐ-C')).toBe(true);
    });

    it('does not split "220 VNĐ" silently: the reading and a review item (1.007857)', () => {
      const p = built('1.007857');
      expect((p['channels'] as Record<string, { duration?: { value: number } }>)['online']?.duration?.value).toBe(2);
      expect(p.review?.some((r) => r.topic === 'fee' && /220/u.test(r.question))).toBe(true);
    });

    it('keeps every result name whose code is not a KQ.Gnn code (1.003814, 1.115126)', () => {
      expect(built('1.003814')['results']).toEqual([{ name: 'Thông báo thực phẩm đạt hoặc không đạt yêu cầu nhập khẩu', code: 'KQ-G10-KQ-000002' }]);
      const p = built('1.115126');
      expect((p['results'] as { name: string }[]).map((r) => r.name)).toEqual(['Giấy chứng nhận đăng ký doanh nghiệp cho doanh nghiệp']);
      expect(p.review?.some((r) => r.topic === 'result')).toBe(true);
    });
  });

  it('loses no component row: each is a component, a note or a review item', () => {
    let rows = 0;
    for (const { file, record } of allRecords) {
      const built = buildProcedure(record, file);
      const p = built.procedure;
      const texts = new Set<string>();
      const add = (s: unknown): void => {
        if (typeof s === 'string') texts.add(normaliseName(s));
      };
      for (const c of (p['components'] as { name: string }[] | undefined) ?? []) add(c.name);
      for (const k of (p['cases'] as { components: { name: string }[] }[] | undefined) ?? []) for (const c of k.components) add(c.name);
      for (const n of (p['componentNotes'] as string[] | undefined) ?? []) add(n);
      const originals = ((p['review'] as { original?: string }[] | undefined) ?? []).map((r) => normaliseName(r.original ?? ''));
      for (const row of built.rowTexts) {
        rows++;
        const t = normaliseName(row);
        const found = t === '' || texts.has(t) || originals.some((o) => o.includes(t));
        expect(found, `${record.ma_thu_tuc}: ${row.slice(0, 80)}`).toBe(true);
      }
    }
    expect(rows).toBeGreaterThan(10_000);
  });

  it('builds a valid procedure from any record, however broken its text (fast-check)', () => {
    const real = allRecords.map((x) => x.record);
    const field = fc.constantFrom(...RECORD_FIELDS);
    const mutation = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.constantFrom('', 'Không có thông tin', 'Hình thức nộpThời gianPhí, lệ phíMô tả', 'Tên giấy tờMẫu đơn, tờ khaiSố lượng', '0 bản chính', 'Trực tiếp1', 'Mã: KQ.G15.000031', '\t\r\n\u0000', '`${x}` */ "quoted"'),
    );
    fc.assert(
      fc.property(fc.nat(real.length - 1), fc.array(fc.tuple(field, mutation, fc.nat(2000)), { maxLength: 6 }), (index, edits) => {
        const record = { ...(real[index] as PortalRecord) };
        for (const [key, text, at] of edits) {
          if (key === 'ma_thu_tuc' || key === 'detail_url') continue;
          const before = record[key] ?? '';
          const cut = Math.min(at, before.length);
          record[key] = before.slice(0, cut) + text + before.slice(cut + (at % 7));
        }
        const built = buildProcedure(record, 'fuzz.jsonl');
        expect(schemaProblem(built.procedure)).toBeUndefined();
      }),
      { numRuns: 300, seed: 20261122 },
    );
  });
});

