import { describe, expect, it } from 'vitest';
import { KpiAccumulator } from '../../src/engine/kpi.js';
import type { StoredDossier } from '../../src/engine/model.js';
import { msOf } from '../../src/engine/time.js';
import { formatKpi } from '../../src/report/kpi.js';
import { csvTable, markdownTable, percent, textTable } from '../../src/report/table.js';

const NOW = msOf('2026-06-30T17:00');
const DAY = 86_400_000;

/** A dossier row with only what the KPIs read set; the rest neutral. */
function dossier(over: Partial<StoredDossier>): StoredDossier {
  return {
    id: Math.random().toString(36), number: 'n', procedure: '1.004873', revision: 'r', agency: 'A', handlingAgency: 'A', level: 'commune',
    field: 'Hộ tịch', applicant: 'x', channel: 'in-person', state: 'returned', final: true, version: 6,
    context: { clock: { period: { value: 3, unit: 'working-days' }, startedAt: '2026-06-01T09:00', pauses: [] } } as unknown as StoredDossier['context'],
    timers: [], nextTimerAt: null, submittedAt: msOf('2026-06-01T09:00'), receivedAt: msOf('2026-06-01T09:00'),
    dueAt: msOf('2026-06-04T17:00'), dueBasis: 'announced', appointmentAt: msOf('2026-06-04T17:00'), decidedAt: msOf('2026-06-03T10:00'),
    finishedAt: msOf('2026-06-04T10:00'), late: false, lateStep: null, onSpot: false, apologies: 0, stages: [], statutoryDays: 3,
    processingDays: 2, engineVersion: '0', schemaVersion: 's', createdAt: 0, updatedAt: 0, ...over,
  };
}

describe('KPIs', () => {
  const rows = [
    dossier({}), // resolved on time
    dossier({ late: true, lateStep: 'approval', apologies: 1, processingDays: 5 }), // resolved late
    dossier({ decidedAt: null, finished: undefined, final: false, state: 'appraisal', dueAt: NOW + DAY } as Partial<StoredDossier>), // open, within time
    dossier({ decidedAt: null, final: false, state: 'appraisal', dueAt: NOW - DAY, level: 'province', agency: 'B' }), // open, overdue (no apology yet)
    dossier({ decidedAt: null, final: true, state: 'refused', receivedAt: null, channel: 'online' }), // not rated
    dossier({ onSpot: true, processingDays: 0, statutoryDays: 0 }), // 4 tại chỗ, on time
    dossier({ submittedAt: msOf('2025-12-31T09:00') }), // outside the span
  ];

  it('counts open and overdue dossiers in the on-time rate, and tells resolved, open and unrated apart', () => {
    const acc = new KpiAccumulator({ by: 'level', now: NOW, from: msOf('2026-01-01'), to: msOf('2027-01-01'), name: () => null });
    acc.add(rows);
    const r = acc.report();
    expect(r.total).toMatchObject({
      submitted: 6, resolvedOnTime: 2, resolvedLate: 1, inProgressWithinTime: 1, inProgressOverdue: 1, notRated: 1,
      online: 1, onSpot: 1, apologies: 1,
    });
    expect(r.total.onTimeRate).toBeCloseTo(3 / 5);
    expect(r.total.resolvedOnTimeRate).toBeCloseTo(2 / 3);
    expect(r.total.onlineShare).toBeCloseTo(1 / 6);
    expect(r.total.onSpotShare).toBeCloseTo(1 / 3);
    expect(r.total.averageProcessingDays).toBeCloseTo((2 + 5 + 0) / 3);
    expect(r.total.averageStatutoryDays).toBeCloseTo((3 + 3 + 0) / 3);
    expect(r.rows.map((x) => [x.key, x.submitted, x.inProgressOverdue])).toEqual([['commune', 5, 0], ['province', 1, 1]]);
    expect(r.lateness).toEqual([{ step: 'approval', name: null, level: 'commune', late: 1 }]);
  });

  it('reports interconnected stages by stage and level, and where lateness arose', () => {
    const staged = dossier({
      procedure: '1.013978', late: true, apologies: 1,
      stages: [
        { stage: 'xa', level: 'commune', agency: 'A', startedAt: 0, dueAt: 10, doneAt: 5, late: false },
        { stage: 'thue', level: 'province', agency: 'T', startedAt: 5, dueAt: 10, doneAt: 20, late: true },
      ],
    });
    const acc = new KpiAccumulator({ by: 'stage', now: NOW, name: (_d, key) => (key === 'thue' ? 'Cơ quan thuế' : null) });
    acc.add([staged]);
    const r = acc.report();
    expect(r.rows.map((x) => [x.key, x.level, x.resolvedOnTime, x.resolvedLate, x.name])).toEqual([
      ['thue', 'province', 0, 1, 'Cơ quan thuế'], ['xa', 'commune', 1, 0, null],
    ]);
    expect(r.lateness).toEqual([{ step: 'thue', name: 'Cơ quan thuế', level: 'province', late: 1 }]);
  });

  it('prints the report in Vietnamese labels, English, Markdown, CSV and JSON', () => {
    const acc = new KpiAccumulator({ by: 'level', now: NOW });
    acc.add(rows);
    const report = acc.report();
    const vi = formatKpi(report, 'stylish', 'vi');
    expect(vi).toContain('cấp xã');
    expect(vi).toContain('Phê duyệt');
    expect(vi).not.toMatch(/\bcommune\b|\bapproval\b/);
    expect(vi).toContain('66,7 %'); // 4 of 6 rated: the 2025 dossier counts without a span
    expect(formatKpi(report, 'stylish', 'en')).toContain('66.7%');
    expect(formatKpi(report, 'markdown', 'en')).toContain('| Level | Dossiers | On time |');
    const csv = formatKpi(report, 'csv', 'en').split('\r\n');
    expect(csv[1]?.startsWith('commune,,,6,')).toBe(true);
    expect(JSON.parse(formatKpi(report, 'json', 'en'))).toEqual(JSON.parse(JSON.stringify(report)));
  });

  it('formats tables and numbers safely', () => {
    expect(percent(null, 'vi')).toBe('—');
    expect(percent(0.9523, 'vi')).toBe('95,2 %');
    expect(csvTable(['a', 'b'], [['x,"y"', null]])).toBe('a,b\r\n"x,""y""",\r\n');
    expect(markdownTable(['a'], [['x|y']])).toContain('x\\|y');
    expect(textTable(['Cấp', 'n'], [['cấp xã', '1']]).split('\n')[2]).toBe('cấp xã  1');
  });
});
