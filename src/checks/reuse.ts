import { normalise } from './index-build.js';
import type { CheckIndex } from './index-build.js';
import type { Procedure } from '../../generated/types/catalogue.js';

/**
 * What tells the once-only rules (once-only, issued-by-catalogue) that asking for a paper is
 * lawful as published: the procedure already reads the data and asks for the paper only as a
 * fallback, the paper is handed in to be taken back or written on, or no system can hold it.
 * Shared so that both rules leave the same components alone (NQ 66.7/2025/NQ-CP; Nghị định
 * 45/2020/NĐ-CP Điều 8 on reusing electronic results; Nghị định 104/2022/NĐ-CP).
 */

/** Text saying the agency reads the data from a database when it can (a fallback exists). */
export const FALLBACK = /(co so du lieu|csdl|khai thac|tich hop|vneid|dinh danh dien tu|ket noi|chia se du lieu|tra cuu)/;

/**
 * A condition inside a component's name that is the database fallback ("trong trường hợp …
 * chưa được đăng tải", "đối với người chưa được cấp mã số định danh cá nhân").
 */
export const CONDITIONAL = /(trong truong hop|truong hop|neu|khi|doi voi)[^.;]{0,160}(chua|khong)( duoc)? (dang tai|cap nhat|khai thac|tich hop|ket noi|co thong tin|co du lieu|cap (ma )?(so )?dinh danh)/;

/**
 * A procedure-wide statement that data read from a database replaces the papers (NQ 66.7/2025):
 * "… khai thác … thay thế …", "không phải nộp thành phần hồ sơ trong trường hợp … khai thác
 * được thông tin từ các cơ sở dữ liệu quốc gia", or the agency's own lookup "tra cứu thông tin
 * về <giấy tờ> trên Cơ sở dữ liệu quốc gia …" (then only what it names is covered).
 */
const PROCEDURE_FALLBACK = new RegExp([
  '(khai thac|su dung thong tin|tra cuu|thong tin tren co so du lieu)[^.;]{0,220}(thay the|khong phai nop|khong yeu cau|cat giam)',
  '(thay the|cat giam)[^.;]{0,220}(khai thac|co so du lieu|du lieu)',
  'khong phai nop[^.;]{0,80}ban giay',
  'khong phai nop[^.;]{0,160}(khai thac|tra cuu)[^.;]{0,40}(co so du lieu|csdl)',
  '(tra cuu|khai thac) thong tin ve[^.;]{0,260}tren (cac )?(co so du lieu|csdl)',
].join('|'));

/** The procedure's own statements that data it reads replaces papers. */
export interface ProcedureFallback {
  /** The statement covers every component ("… để thay thế thành phần hồ sơ"). */
  general: boolean;
  /** Each statement, normalised: a component is covered when its document is named in one. */
  prose: string[];
}

/** Finds the procedure-wide fallback in its remarks, steps, conditions or glued component text. */
export function procedureFallback(index: CheckIndex, code: string, p: Procedure): ProcedureFallback {
  const prose = [...(p.componentNotes ?? []), ...(p.steps ?? []), ...(p.conditions ?? []), ...index.components(code).map((c) => c.component.name)]
    .flatMap((t) => normalise(t).split(/ (?=buoc \d)/)).filter((t) => PROCEDURE_FALLBACK.test(t));
  // General: "… để thay thế thành phần hồ sơ" — unless it goes on to list which ones ("cụ thể:").
  const general = prose.some((t) => /(thanh phan ho so|cac giay to|giay to trong ho so)/.test(t) && !/(?<![a-z])(tru|ngoai tru|cu the|bao gom|nhu sau)(?![a-z])/.test(t));
  return { general, prose };
}

/** True when a fallback statement names one of these (normalised) document names. */
export function coveredBy(fallback: ProcedureFallback, names: readonly string[]): boolean {
  return fallback.general || fallback.prose.some((t) => names.some((n) => n.length > 0 && t.includes(n)));
}

/**
 * A re-registration (đăng ký lại khai sinh, khai tử, kết hôn…) exists because the original
 * register was lost (Luật Hộ tịch 2014; Nghị định 123/2015/NĐ-CP Điều 24–28): no system holds it.
 */
export function isReRegistration(p: Procedure): boolean {
  return /^(thu tuc )?dang ky lai/.test(normalise(p.name ?? ''));
}

/** A procedure that replaces, renews, amends or withdraws a paper it issued earlier. */
const CHANGES_A_PAPER = /^(thu tuc )?(cap lai|cap doi|doi|gia han|thu hoi|huy)|(?<![a-z])(dieu chinh|thay doi|bo sung|sua doi|cap doi|cap lai|gia han)(?![a-z])/;
/** Words saying the component is the earlier paper itself. */
const THE_OLD_PAPER = /(nop lai|thu hoi|hu hong|bi mat|da duoc cap|da cap|(?<![a-z])cu(?![a-z])|qua cac thoi ky)/;

/**
 * The component is the earlier paper handed in to be taken back, exchanged or written on
 * ("Thẻ bảo hiểm y tế cũ" in Cấp đổi thẻ; "Bản chính giấy phép … đã được cấp" in Điều chỉnh giấy
 * phép; "Giấy đăng ký … đã được cấp" that the office annotates). Reading its data cannot replace
 * handing it in.
 */
export function isSurrendered(p: Procedure, componentText: string): boolean {
  const name = normalise(p.name ?? '');
  if (!CHANGES_A_PAPER.test(name)) return false;
  if (THE_OLD_PAPER.test(componentText)) return true;
  // The paper the procedure changes, named by the component ("Cấp đổi thẻ bảo hiểm y tế" → "Thẻ
  // bảo hiểm y tế"): its first six words after the verb.
  const object = name.replace(/^(thu tuc )?(cap lai|cap doi|doi|gia han|thu hoi|huy|dieu chinh|thay doi|bo sung|sua doi)( noi dung)? /, '').split(' ').slice(0, 6).join(' ');
  return object.split(' ').length >= 3 && componentText.includes(object);
}
