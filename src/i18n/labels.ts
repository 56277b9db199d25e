import type { Bilingual, Lang } from './lang.js';

/**
 * Labels of the catalogue's enumerated values, in Vietnamese and English. Ids such as
 * `in-person` or `working-days` are for files and code; a reader sees these labels, so a
 * Vietnamese message is wholly Vietnamese ("trực tiếp", "ngày làm việc").
 */

/** Channels (hình thức nộp). */
export const CHANNEL_LABELS: Readonly<Record<string, Bilingual>> = {
  'in-person': { vi: 'trực tiếp', en: 'in person' },
  online: { vi: 'trực tuyến', en: 'online' },
  postal: { vi: 'qua dịch vụ bưu chính', en: 'by post' },
};

/** Units of a statutory period (đơn vị thời hạn). */
export const UNIT_LABELS: Readonly<Record<string, Bilingual>> = {
  'working-days': { vi: 'ngày làm việc', en: 'working days' },
  days: { vi: 'ngày', en: 'days' },
  hours: { vi: 'giờ', en: 'hours' },
  months: { vi: 'tháng', en: 'months' },
};

/** Levels of government (cấp thực hiện). */
export const LEVEL_LABELS: Readonly<Record<string, Bilingual>> = {
  ministry: { vi: 'cấp bộ', en: 'ministry' },
  province: { vi: 'cấp tỉnh', en: 'province' },
  commune: { vi: 'cấp xã', en: 'commune' },
  district: { vi: 'cấp huyện', en: 'district' },
  other: { vi: 'cơ quan khác', en: 'other agency' },
};

/** Online service levels (mức độ dịch vụ công trực tuyến, Decree 42/2022 art. 11). */
export const ONLINE_LABELS: Readonly<Record<string, Bilingual>> = {
  full: { vi: 'toàn trình', en: 'full' },
  partial: { vi: 'một phần', en: 'partial' },
  none: { vi: 'không trực tuyến', en: 'not online' },
};

/** Forms of a component (hình thức giấy tờ). */
export const FORM_LABELS: Readonly<Record<string, Bilingual>> = {
  original: { vi: 'bản chính', en: 'original' },
  copy: { vi: 'bản sao', en: 'copy' },
  'certified-copy': { vi: 'bản sao có chứng thực', en: 'certified copy' },
  'e-form': { vi: 'biểu mẫu điện tử', en: 'electronic form' },
  'e-data': { vi: 'dữ liệu điện tử', en: 'electronic data' },
};

/** What a calendar rests on (see `CalendarBasis`). */
export const BASIS_LABELS: Readonly<Record<string, Bilingual>> = {
  announced: { vi: 'lịch nghỉ đã công bố', en: 'announced days off' },
  provisional: { vi: 'lịch nghỉ dự kiến, chưa công bố', en: 'provisional days off, not yet announced' },
  fallback: { vi: 'lịch nghỉ tính theo Bộ luật Lao động, năm chưa có trong bảng', en: 'days off computed from the Labour Code, year not in the table' },
};

/** The label of an enumerated value, or the value itself when it has none. */
export function label(table: Readonly<Record<string, Bilingual>>, value: string, lang: Lang): string {
  return table[value]?.[lang] ?? value;
}

/** Both languages of a label (for message data, rendered at the edge). */
export function labels(table: Readonly<Record<string, Bilingual>>, value: string): Bilingual {
  return table[value] ?? { vi: value, en: value };
}

/** A period as both languages write it: "5 ngày làm việc" / "5 working days"; a bare number says so. */
export function periodLabel(period: { value: number; unit?: string | undefined }): Bilingual {
  if (period.unit === undefined) return { vi: `${period.value} (không rõ đơn vị)`, en: `${period.value} (unit unknown)` };
  const unit = labels(UNIT_LABELS, period.unit);
  return { vi: `${period.value} ${unit.vi}`, en: `${period.value} ${unit.en}` };
}

/** A list joined as a reader expects: "a, b và c" / "a, b and c". */
export function joinList(items: readonly string[], lang: Lang): string {
  if (items.length <= 1) return items.join('');
  const and = lang === 'vi' ? ' và ' : ' and ';
  return `${items.slice(0, -1).join(', ')}${and}${items[items.length - 1] as string}`;
}
