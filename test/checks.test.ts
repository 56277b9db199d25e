import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import * as addFormatsModule from 'ajv-formats';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../src/catalogue/catalogue.js';
import { RULES } from '../src/checks/registry.js';
import { runChecks } from '../src/checks/run.js';
import { computeStats } from '../src/checks/stats.js';
import { fixText, unifiedDiff } from '../src/checks/fix.js';
import { ALL_CODES } from '../src/report/codes.js';
import { renderMessage } from '../src/diagnostics/diagnostic.js';
import { runCli } from './helpers/cli.js';

const ROOT = path.resolve(import.meta.dirname, '..');
const FIXTURES = path.join(ROOT, 'test/fixtures/checks');
const TODAY = '2026-11-22';
const tmp = mkdtempSync(path.join(tmpdir(), 'tthc-checks-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Copies the fixture registry and a rule's fixture folder into a fresh catalogue root. */
let roots = 0;
function root(rule: string, kind: 'valid' | 'invalid'): string {
  const dir = path.join(tmp, `${rule}-${kind}-${roots++}`);
  cpSync(path.join(FIXTURES, 'registry'), path.join(dir, 'registry'), { recursive: true });
  cpSync(path.join(FIXTURES, rule, kind), path.join(dir, 'procedures'), { recursive: true });
  return dir;
}

/**
 * `# expect: rule-id col=N severity=S message="…"` markers of a folder: the findings a rule
 * must report — line, column and severity always, and a part of the English message where
 * given (`xN` repeats a marker for N findings on one line).
 */
interface Marker {
  at: string;
  severity: string | undefined;
  message: string | undefined;
}
function markers(dir: string, rule: string): Marker[] {
  const out: Marker[] = [];
  for (const f of readdirSync(dir).sort()) {
    readFileSync(path.join(dir, f), 'utf8').split('\n').forEach((line, i) => {
      const m = /# expect: ([a-z-]+)(?: x(\d+))?(?: col=(\d+))?(?: severity=(error|warning|info))?(?: message="(.*)")?\s*$/.exec(line);
      if (m === null || m[1] !== rule) return;
      for (let k = 0; k < Number(m[2] ?? 1); k++) out.push({ at: `${f}:${i + 1}:${m[3] ?? '?'}`, severity: m[4], message: m[5] });
    });
  }
  return out.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

interface Seen {
  at: string;
  severity: string;
  message: string;
}
function findings(dir: string, rule: string): Seen[] {
  const catalogue = loadCatalogue({ paths: [path.join(dir, 'procedures')], cwd: dir });
  expect(catalogue.diagnostics.filter((d) => d.severity === 'error'), `fixture ${dir} must load cleanly`).toEqual([]);
  const target = RULES.find((r) => r.id === rule);
  const result = runChecks(catalogue, { today: TODAY, rules: target === undefined ? [] : [target] });
  return result.findings
    .map((f) => ({ at: `${path.basename(f.file)}:${f.range?.start.line ?? 0}:${f.range?.start.column ?? 0}`, severity: f.severity, message: renderMessage(f, 'en') }))
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

describe('every rule, on its fixtures', () => {
  it.each(RULES.map((r) => [r.id, r.info.code] as const))('%s (%s) reports exactly the marked findings (line, column, severity, message), and nothing on the valid fixture', (rule) => {
    const invalid = root(rule, 'invalid');
    const expected = markers(path.join(FIXTURES, rule, 'invalid'), rule);
    expect(expected.length).toBeGreaterThan(0);
    // Every marker states the column and the severity: a fixture that only pins lines trusts too much.
    for (const m of expected) {
      expect(m.at.endsWith(':?'), `${rule} ${m.at}: marker without col=`).toBe(false);
      expect(m.severity, `${rule} ${m.at}: marker without severity=`).toBeDefined();
    }
    expect(expected.some((m) => m.message !== undefined), `${rule}: at least one marker states message="…"`).toBe(true);
    const seen = findings(invalid, rule);
    expect(seen.map((f) => `${f.at} ${f.severity}`)).toEqual(expected.map((m) => `${m.at} ${m.severity ?? ''}`));
    expected.forEach((m, i) => {
      if (m.message !== undefined) expect(seen[i]?.message, `${rule} ${m.at}`).toContain(m.message);
    });
    expect(findings(root(rule, 'valid'), rule)).toEqual([]);
  });

  it('emits only the severities each rule documents', () => {
    for (const rule of RULES) {
      const documented = new Set(Object.keys(rule.doc.severities));
      expect(documented.has(rule.info.severity), `${rule.id}: default severity documented`).toBe(true);
      for (const m of markers(path.join(FIXTURES, rule.id, 'invalid'), rule.id)) expect(documented.has(m.severity ?? ''), `${rule.id} ${m.at}`).toBe(true);
    }
  });

  it('documents every rule in both languages, with its legal basis, and `tthc explain` prints it', async () => {
    for (const r of RULES) {
      expect(r.doc.legalBasis.length, r.id).toBeGreaterThan(0);
      for (const part of [r.doc.what, r.doc.why, r.doc.limits]) {
        expect(part.vi.length).toBeGreaterThan(20);
        expect(part.en.length).toBeGreaterThan(20);
      }
      expect(ALL_CODES.some((c) => c.code === r.info.code && c.id === r.id)).toBe(true);
    }
    const vi = await runCli(['explain', 'abolished-document'], { cwd: ROOT });
    expect(vi.stdout).toContain('TTHC402');
    expect(vi.stdout).toContain('Nghị định 104/2022/NĐ-CP');
    const en = await runCli(['explain', 'TTHC403', '--lang', 'en'], { cwd: ROOT });
    expect(en.stdout).toContain('once-only principle');
  });
});

describe('suppressions and configuration', () => {
  it('silences a finding with a reason, and reports a suppression without one', () => {
    const dir = root('abolished-document', 'invalid');
    const file = path.join(dir, 'procedures/p.yaml');
    const text = readFileSync(file, 'utf8').split('\n');
    const hoKhau = text.findIndex((l) => l.includes('id: ho-khau'));
    text.splice(hoKhau, 0, '  # tthc-disable-next-line abolished-document -- dữ liệu thử nghiệm');
    const phieu = text.findIndex((l) => l.includes('id: phieu'));
    text.splice(phieu, 0, '  # tthc-disable-next-line abolished-document');
    writeFileSync(file, text.join('\n'));
    const badLine = phieu + 1;
    const catalogue = loadCatalogue({ paths: [path.join(dir, 'procedures')], cwd: dir });
    const result = runChecks(catalogue, { today: TODAY });
    expect(result.suppressed.map((s) => [s.finding.id, s.reason])).toEqual([['abolished-document', 'dữ liệu thử nghiệm']]);
    // Eight marked in the fixture, one silenced; the suppression without a reason silences nothing.
    expect(result.findings.filter((f) => f.id === 'abolished-document')).toHaveLength(7);
    expect(result.meta.map((d) => [d.code, d.range?.start.line])).toEqual([['TTHC439', badLine]]);
  });

  it('turns rules off and changes severity, per path', async () => {
    const dir = root('abolished-document', 'invalid');
    writeFileSync(path.join(dir, 'tthc.config.yaml'), 'rules:\n  once-only: off\n  abolished-document: warning\noverrides:\n  - files: ["procedures/**"]\n    rules: { four-on-spot-candidate: off }\n');
    const run = await runCli(['check', 'procedures', '--format', 'json', '--today', TODAY], { cwd: dir });
    const list = JSON.parse(run.stdout) as { id: string; severity: string }[];
    expect(list.filter((f) => f.id === 'once-only')).toEqual([]);
    expect(new Set(list.filter((f) => f.id === 'abolished-document').map((f) => f.severity))).toEqual(new Set(['warning']));
    expect(run.code).toBe(0);
    expect((await runCli(['check', 'procedures', '--fail-on', 'warning', '--today', TODAY], { cwd: dir })).code).toBe(1);
    writeFileSync(path.join(dir, 'tthc.config.yaml'), 'rules:\n  once-ony: off\n');
    const bad = await runCli(['check', 'procedures', '--lang', 'en'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('there is no rule "once-ony"');
  });
});

describe('output formats', () => {
  const dir = root('abolished-document', 'invalid');
  const hoKhauLine = readFileSync(path.join(dir, 'procedures/p.yaml'), 'utf8').split('\n').findIndex((l) => l.includes('id: ho-khau')) + 1;

  it('json is the contract: exactly these keys', async () => {
    const run = await runCli(['check', 'procedures', '--format', 'json', '--today', TODAY, '--lang', 'en'], { cwd: dir });
    expect(run.code).toBe(1);
    const list = JSON.parse(run.stdout) as Record<string, unknown>[];
    expect(list.length).toBeGreaterThan(0);
    for (const f of list) expect(Object.keys(f)).toEqual(['code', 'id', 'severity', 'message', 'file', 'line', 'column', 'endLine', 'endColumn', 'procedure', 'related', 'fingerprint']);
    expect(list.find((f) => f.id === 'abolished-document' && f.line === hoKhauLine)).toMatchObject({ code: 'TTHC402', severity: 'error', file: 'procedures/p.yaml', procedure: '1.000102' });
  });

  it('SARIF validates against the SARIF 2.1.0 schema', async () => {
    const out = path.join(dir, 'out/tthc.sarif');
    const run = await runCli(['check', 'procedures', '-o', `sarif:${out}`, '--format', 'github', '--today', TODAY], { cwd: dir });
    expect(run.stdout).toMatch(new RegExp(`^::error file=procedures/p\\.yaml,line=${hoKhauLine},col=\\d+,title=TTHC402 abolished-document::`, 'm'));
    const sarif = JSON.parse(readFileSync(out, 'utf8')) as { runs: { results: unknown[] }[] };
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/sarif/sarif-schema-2.1.0.json'), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false, validateSchema: false });
    const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv) => Ajv;
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(sarif.runs[0]?.results.length).toBeGreaterThan(0);
  });

  it('JUnit, Markdown and GitHub outputs carry every finding, escaped', async () => {
    const junit = await runCli(['check', 'procedures', '--format', 'junit', '--today', TODAY], { cwd: dir });
    expect(junit.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="tthc check" tests="1" failures="1">/);
    const json = JSON.parse((await runCli(['check', 'procedures', '--format', 'json', '--today', TODAY], { cwd: dir })).stdout) as { id: string; severity: string }[];
    expect((junit.stdout.match(/<failure /g) ?? []).length).toBe(json.filter((f) => f.severity !== 'info').length);
    const md = await runCli(['check', 'procedures', '--format', 'markdown', '--today', TODAY, '--lang', 'en'], { cwd: dir });
    expect(md.stdout).toContain(`| \`abolished-document\` | TTHC402 | error | ${json.filter((f) => f.id === 'abolished-document').length} |`);
    expect(md.stdout.split('\n').filter((l) => /^\| procedures\/p\.yaml:\d+ \|/.test(l))).toHaveLength(json.length);
    const gh = await runCli(['check', 'procedures', '--format', 'github', '--today', TODAY], { cwd: dir });
    for (const line of gh.stdout.trim().split('\n')) expect(line).toMatch(/^::(error|warning|notice) file=[^,]+,line=\d+,col=\d+,title=[^:]+::[^\n]+$/);
  });
});

describe('safe fixes', () => {
  it('removes an exact duplicate and replaces an abolished document, keeping comments; dry run writes nothing', async () => {
    const dir = path.join(tmp, 'fix');
    cpSync(path.join(FIXTURES, 'registry'), path.join(dir, 'registry'), { recursive: true });
    const file = path.join(dir, 'p.yaml');
    const original = [
      '# a comment that must stay',
      'code: "1.000120"',
      'components:',
      '  - id: don',
      '    name: Đơn đề nghị # inline comment',
      '    kind: submit',
      '  - id: don-2',
      '    name: Đơn đề nghị # inline comment',
      '    kind: submit',
      '  - id: phieu',
      '    name: Phiếu báo',
      '    kind: submit',
      '    document: phieu-bao-thay-doi-ho-khau',
      'provenance: [{ url: "https://example.org/20" }]',
      '',
    ].join('\n');
    writeFileSync(file, original);
    const dry = await runCli(['check', '.', '--fix-dry-run', '--today', TODAY, '--lang', 'en'], { cwd: dir });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('-  - id: don-2');
    expect(dry.stdout).toContain('+    document: to-khai-thay-doi-thong-tin-cu-tru');
    expect(dry.stdout).toContain('2 fixes could be applied to 1 files (nothing written)');
    expect(readFileSync(file, 'utf8')).toBe(original);
    const fixed = await runCli(['check', '.', '--fix', '--today', TODAY, '--lang', 'en'], { cwd: dir });
    expect(fixed.code).toBe(0);
    const after = readFileSync(file, 'utf8');
    expect(after).toContain('# a comment that must stay');
    expect(after).toContain('name: Đơn đề nghị # inline comment');
    expect(after).not.toContain('don-2');
    expect(after).toContain('document: to-khai-thay-doi-thong-tin-cu-tru');
    const again = await runCli(['check', '.', '--format', 'json', '--today', TODAY], { cwd: dir });
    const ids = (JSON.parse(again.stdout) as { id: string }[]).map((f) => f.id);
    expect(ids).not.toContain('duplicate-component');
    expect(ids).not.toContain('abolished-document');
  });

  it('refuses a fix that would break the file', () => {
    const text = 'code: "1.000121"\ncomponents: [{ id: a, name: A, kind: submit }, { id: b, name: A, kind: submit }]\nprovenance: [{ url: "https://example.org/21" }]\n';
    // Flow sequences are not edited: the text is left as it is.
    expect(fixText('x.yaml', text, [{ kind: 'remove-item', pointer: '/components/1' }]).after).toBe(text);
    expect(unifiedDiff('x', 'a\nb\nc\n', 'a\nc\n')).toBe('--- x\n+++ x\n@@ -1,4 +1,3 @@\n a\n-b\n c\n \n');
  });
});

describe('statistics and compliance cost', () => {
  it('computes shares, what-if shares and the saving of removing flagged components (Circular 02/2017 art. 27)', async () => {
    const dir = path.join(tmp, 'stats');
    cpSync(path.join(FIXTURES, 'registry'), path.join(dir, 'registry'), { recursive: true });
    writeFileSync(path.join(dir, 'a.yaml'), [
      'code: "1.000130"', 'name: Thủ tục A', 'field: Hộ tịch', 'levels: [commune]', 'online: partial', 'fourOnSpot: true',
      'channels:', '  in-person: { duration: { value: 0, unit: working-days }, fees: [{ amount: 8000 }] }',
      'components:',
      '  - { id: to-khai, name: Tờ khai, kind: submit, cost: { amount: 0, hours: 1 } }',
      '  - { id: ho-khau, name: Bản sao sổ hộ khẩu, kind: submit, cost: { amount: 2000, hours: 2 } }',
      'compliance: { applicantsPerYear: 1000, timesPerYear: 1, hourlyIncome: 30000, otherCosts: 10000 }',
      'provenance: [{ url: "https://example.org/30" }]', '',
    ].join('\n'));
    writeFileSync(path.join(dir, 'b.yaml'), [
      'code: "1.000131"', 'name: Thủ tục B', 'field: Hộ tịch', 'levels: [province, commune]', 'online: partial',
      'channels:', '  in-person: { duration: { value: 1, unit: working-days } }',
      'components:', '  - { id: don, name: Đơn, kind: submit }',
      'provenance: [{ url: "https://example.org/31" }]', '',
    ].join('\n'));
    const catalogue = loadCatalogue({ paths: [dir], cwd: dir });
    const result = runChecks(catalogue, { today: TODAY });
    const stats = computeStats(catalogue, result, ['1.000130', '1.000131']);
    expect(stats.levels).toMatchObject({ commune: 2, province: 1, ministry: 0 });
    expect(stats.fourOnSpot).toEqual({ designated: 1, share: 50, candidates: 1, shareIfDesignated: 100 });
    expect(stats.online).toMatchObject({ partial: 2, full: 0, candidates: 2, fullShareIfDesignated: 100 });
    // Per filing: 10,000 other + 8,000 fee + (0 + 1 h) + (2,000 + 2 h) at 30,000/h = 110,000; without sổ hộ khẩu: 48,000.
    expect(stats.compliance.procedures).toEqual([{
      code: '1.000130', name: 'Thủ tục A', perFiling: 110000, perYear: 110000000, afterPerFiling: 48000, afterPerYear: 48000000,
      savingPerYear: 62000000, removedComponents: ['ho-khau'],
    }]);
    const md = await runCli(['stats', '.', '--format', 'markdown', '--lang', 'en', '--today', TODAY], { cwd: dir });
    expect(md.stdout).toContain('| "4 tại chỗ" designated | 1 (50.0%) |');
    expect(md.stdout).toContain('| "4 tại chỗ": candidates not designated | 1 → 100.0% if designated |');
    // Markdown carries every section the plain format has (findings per rule, compliance cost…).
    const plain = await runCli(['stats', '.', '--lang', 'en', '--today', TODAY], { cwd: dir });
    const titles = [...plain.stdout.matchAll(/^(\S[^\n]*):$/gm)].map((m) => m[1]);
    expect(titles).toEqual(['Overview', 'By field', 'Findings per rule', 'Compliance cost (Circular 02/2017/TT-VPCP art. 27)']);
    for (const t of titles) expect(md.stdout).toContain(`## ${t}`);
    expect(md.stdout).toContain('| 1.000130 Thủ tục A | 110.000 → 48.000 |');
  });
});

describe('a baseline of triaged findings', () => {
  it('records findings, hides the accepted and dismissed ones, keeps them across line moves, and shows a changed text again', async () => {
    const dir = root('abolished-document', 'invalid');
    const file = path.join(dir, 'procedures/p.yaml');
    const run = (args: string[]) => runCli(['check', 'procedures', '--format', 'json', '--today', TODAY, '--lang', 'en', ...args], { cwd: dir });
    const made = await run(['--baseline', 'findings.baseline.json', '--update-baseline']);
    expect(made.stderr).toContain('findings.baseline.json');
    const baseline = JSON.parse(readFileSync(path.join(dir, 'findings.baseline.json'), 'utf8')) as { tool: string; findings: { fingerprint: string; rule: string; status: string; reason?: string; message: string }[] };
    expect(baseline.tool).toBe('tthc');
    expect(baseline.findings.every((e) => e.status === 'open')).toBe(true);
    const hoKhau = baseline.findings.find((e) => e.message.includes('"Sổ hộ khẩu"'));
    const tuyThan = baseline.findings.find((e) => e.message.includes('còn liệt kê như một lựa chọn') && !e.message.includes('Ghi chú'));
    expect(hoKhau).toBeDefined();
    expect(tuyThan).toBeDefined();
    Object.assign(hoKhau as object, { status: 'accepted', reason: 'Đã kiến nghị sửa quyết định công bố (văn bản 12/2026).' });
    Object.assign(tuyThan as object, { status: 'dismissed' }); // no reason: not a triage
    writeFileSync(path.join(dir, 'findings.baseline.json'), JSON.stringify(baseline, null, 2));
    // Move every line down: fingerprints do not depend on lines.
    writeFileSync(file, `# a comment\n# another\n${readFileSync(file, 'utf8')}`);
    const after = await run(['--baseline', 'findings.baseline.json']);
    const shown = JSON.parse(after.stdout) as { id: string; fingerprint: string | null; code: string }[];
    expect(shown.some((f) => f.fingerprint === hoKhau?.fingerprint)).toBe(false);
    expect(shown.some((f) => f.fingerprint === tuyThan?.fingerprint)).toBe(true);
    expect(shown.some((f) => f.code === 'TTHC441')).toBe(true);
    expect(after.stderr).toMatch(/hiding 1 accepted, 0 dismissed/);
    // The component's text changes: a new fingerprint, reported again.
    writeFileSync(file, readFileSync(file, 'utf8').replace('Bản sao sổ hộ khẩu', 'Bản sao sổ hộ khẩu của chủ hộ'));
    const changed = JSON.parse((await run(['--baseline', 'findings.baseline.json'])).stdout) as { message: string }[];
    expect(changed.some((f) => f.message.includes('"Sổ hộ khẩu"'))).toBe(true);
    const stats = await runCli(['stats', 'procedures', '--baseline', 'findings.baseline.json', '--today', TODAY, '--lang', 'en', '--format', 'json'], { cwd: dir });
    expect((JSON.parse(stats.stdout) as { triage: { accepted: number; gone: number } }).triage).toMatchObject({ accepted: 0, gone: 1 });
  });

  it('reports a broken baseline with a position, and a missing one as a usage error', async () => {
    const dir = root('abolished-document', 'invalid');
    writeFileSync(path.join(dir, 'b.json'), '{"tool": "tthc", "version": 1, "findings": [\n  {"fingerprint": "x", "rule": "once-only", "status": "maybe"}\n]}\n');
    const bad = await runCli(['check', 'procedures', '--baseline', 'b.json', '--format', 'json', '--today', TODAY], { cwd: dir });
    const problem = (JSON.parse(bad.stdout) as { code: string; file: string; line: number }[]).find((f) => f.code === 'TTHC440');
    expect(problem).toMatchObject({ file: 'b.json', line: 2 });
    const missing = await runCli(['check', 'procedures', '--baseline', 'nope.json'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect((await runCli(['check', 'procedures', '--update-baseline'], { cwd: dir })).code).toBe(2);
  });
});

describe('the registry is never silently missing', () => {
  it('checks a fresh portal import in an empty folder against the bundled registry, and says so once', async () => {
    const dir = path.join(tmp, 'fresh-import');
    const imported = await runCli(['import', 'dvc', path.join(ROOT, 'data/dvc/bo-tu-phap.jsonl'), '--out', dir], { cwd: tmp });
    expect(imported.code).toBe(0);
    const run = await runCli(['check', dir, '--format', 'json', '--lang', 'en'], { cwd: tmp });
    expect(run.stderr.match(/using the reference data bundled with tthc/g)).toHaveLength(1);
    const found = (JSON.parse(run.stdout) as { id: string; message: string }[]).filter((f) => f.id === 'abolished-document');
    expect(found.some((f) => f.message.includes('"Sổ hộ khẩu"'))).toBe(true);
    expect(found.some((f) => f.message.includes('"Chứng minh nhân dân"'))).toBe(true);
  });

  it('follows a symbolic link to registry/, and a link loop does not hang the walk', async () => {
    const dir = path.join(tmp, 'linked');
    mkdirSync(path.join(dir, 'procedures'), { recursive: true });
    symlinkSync(path.join(FIXTURES, 'registry'), path.join(dir, 'registry'), 'dir');
    cpSync(path.join(FIXTURES, 'abolished-document', 'invalid'), path.join(dir, 'procedures'), { recursive: true });
    symlinkSync(dir, path.join(dir, 'procedures', 'loop'), 'dir');
    const run = await runCli(['check', 'procedures', '--format', 'json', '--today', TODAY], { cwd: dir });
    expect(run.stderr).not.toContain('bundled');
    const ids = (JSON.parse(run.stdout) as { id: string }[]).map((f) => f.id);
    expect(ids.filter((id) => id === 'abolished-document')).toHaveLength(8);
  });
});

describe('on the national data', () => {
  const catalogue = loadCatalogue({ paths: ['procedures'], cwd: ROOT });
  const result = runChecks(catalogue, { today: TODAY });
  const flagged = (rule: string): Set<string> => new Set(result.findings.filter((f) => f.id === rule).map((f) => f.procedure ?? ''));
  const records = readdirSync(path.join(ROOT, 'data/dvc')).filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => readFileSync(path.join(ROOT, 'data/dvc', f), 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Record<string, string>));

  it('finds every record that still demands the household book, the temporary-residence book or a CMND', () => {
    // Hand-written procedures are authoritative over the portal's text; the import covers the rest.
    const imported = (code: string): boolean => (catalogue.procedures.get(code)?.file ?? '').includes(`${path.sep}national${path.sep}`);
    const demanding = records.filter((r) => /sổ hộ khẩu|sổ tạm trú|chứng minh nhân dân|\bCMND\b/iu.test(r['thanh_phan_ho_so'] ?? '')).map((r) => r['ma_thu_tuc'] as string).filter(imported);
    expect(demanding.length).toBeGreaterThan(20);
    const found = flagged('abolished-document');
    // A record may name the book without asking for it: to say it is *not* required, as the
    // format of a photo ("ảnh kiểu chứng minh nhân dân"), as a number to look up ("số CMND"), or
    // in the title of a law, or as past evidence of nationality. Each record the check leaves out must be one of those.
    const missed = demanding.filter((c) => !found.has(c));
    for (const code of missed) {
      const text = (records.find((r) => r['ma_thu_tuc'] === code)?.['thanh_phan_ho_so'] ?? '').toLowerCase();
      const mentions = [...text.matchAll(/.{0,60}(sổ hộ khẩu|sổ tạm trú|chứng minh nhân dân|cmnd).{0,60}/gu)].map((m) => m[0]);
      for (const mention of mentions) {
        expect(mention, code).toMatch(/không (phải |cần |được yêu cầu |yêu cầu )?(nộp|xuất trình)?[^.;]{0,40}(sổ hộ khẩu|sổ tạm trú|chứng minh nhân dân|cmnd)|thay (cho|thế)[^.;]{0,40}(sổ hộ khẩu|sổ tạm trú|chứng minh nhân dân|cmnd)|(sổ hộ khẩu|sổ tạm trú|chứng minh nhân dân|cmnd)[^.;]{0,60}(hết giá trị|không còn|bãi bỏ)|(ảnh|kiểu|cỡ)[^.;]{0,30}(chứng minh nhân dân|cmnd)|số (giấy )?(định danh|chứng minh nhân dân|cmnd|căn cước)|(luật|nghị định|thông tư)[^.;]{0,80}(chứng minh nhân dân|cmnd)|quốc tịch[^.]{0,60}(chứng minh nhân dân|cmnd)/u);
      }
    }
  });

  it('finds every record that still names the district level as a level of government', () => {
    const imported = (code: string): boolean => (catalogue.procedures.get(code)?.file ?? '').includes(`${path.sep}national${path.sep}`);
    const textOf = (r: Record<string, string>): string => Object.entries(r).filter(([k]) => !['can_cu_phap_ly', 'so_quyet_dinh', 'detail_url'].includes(k)).map(([, v]) => v).join(' ');
    const naming = records.filter((r) => imported(r['ma_thu_tuc'] as string)).filter((r) => /cấp huyện|UBND huyện|Ủy ban nhân dân huyện|UBND cấp huyện/iu.test(textOf(r)));
    expect(naming.length).toBeGreaterThan(20);
    const found = flagged('abolished-level');
    const missed = naming.filter((r) => !found.has(r['ma_thu_tuc'] as string));
    // Left out only where every mention is a health-facility tier ("cơ sở khám bệnh, chữa bệnh từ
    // cấp huyện trở lên", "Trung tâm Y tế … cấp huyện") or a rank or election quoted from a law.
    expect(missed.length).toBeLessThan(naming.length / 5);
    for (const r of missed) {
      for (const m of textOf(r).matchAll(/.{0,80}(cấp huyện|UBND huyện|Ủy ban nhân dân huyện).{0,60}/giu)) {
        expect(m[0], r['ma_thu_tuc']).toMatch(/khám bệnh|y tế|bệnh viện|chức vụ|chức danh|bầu/iu);
      }
    }
  });

  it('checks the whole bundled catalogue with a finding count per rule', () => {
    expect(result.procedures).toBe(catalogue.procedures.size);
    expect(result.findings.length).toBeGreaterThan(1000);
    expect(existsSync(path.join(ROOT, 'procedures/national'))).toBe(true);
  });
});
