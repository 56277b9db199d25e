import type { Duration } from '../../../generated/types/catalogue.js';
import { periodLabel } from '../../i18n/labels.js';
import type { Bilingual } from '../../i18n/lang.js';

/** A duration in working days when it can be compared without a calendar, else undefined. */
export function comparableDays(d: Pick<Duration, 'value' | 'unit'> | undefined): { value: number; unit: string } | undefined {
  if (d === undefined || typeof d.value !== 'number' || d.unit === undefined) return undefined;
  return { value: d.value, unit: d.unit };
}

/** Whether `a` is longer than `b` (same unit only). */
export function longer(a: Pick<Duration, 'value' | 'unit'> | undefined, b: Pick<Duration, 'value' | 'unit'> | undefined): boolean {
  const x = comparableDays(a);
  const y = comparableDays(b);
  return x !== undefined && y !== undefined && x.unit === y.unit && x.value > y.value;
}

/** "3 ngày làm việc" / "3 working days", "24 giờ", or "3 (không rõ đơn vị)" without unit. */
export function show(d: Pick<Duration, 'value' | 'unit'> | undefined): Bilingual {
  if (d === undefined) return { vi: '—', en: '—' };
  return periodLabel(d);
}

/** Whether a duration fits in one working day (same day, ≤ 1 working day, ≤ 8 hours). */
export function withinOneDay(d: Pick<Duration, 'value' | 'unit'> | undefined): boolean {
  if (d === undefined || d.unit === undefined) return false;
  if (d.unit === 'working-days' || d.unit === 'days') return d.value <= 1;
  if (d.unit === 'hours') return d.value <= 8;
  return false;
}
