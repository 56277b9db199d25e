import type { Procedure } from '../../generated/types/catalogue.js';
import type { Bilingual } from '../i18n/lang.js';

/**
 * The ministry or agency that published a procedure (bộ, ngành công bố), for the catalogue's
 * filter. A national procedure is published by a decision whose number ends with the
 * issuing body's abbreviation ("163/QĐ-BTP": Bộ Tư pháp) — the numbering rule of official
 * documents (Decree 30/2020/NĐ-CP on clerical work, Appendix I: số, ký hiệu văn bản = type
 * abbreviation + issuing body abbreviation). A provincial variant is published by its
 * province. An abbreviation not in the table is "not identified", never guessed.
 */

/** A publisher: a stable id and its name in both languages. */
export interface Publisher {
  id: string;
  name: Bilingual;
}

/** Issuing bodies by the abbreviation their decisions carry. */
const ISSUERS: Readonly<Record<string, Bilingual>> = {
  BCA: { vi: 'Bộ Công an', en: 'Ministry of Public Security' },
  BGTVT: { vi: 'Bộ Giao thông vận tải (nay là Bộ Xây dựng)', en: 'Ministry of Transport (now Construction)' },
  BKHĐT: { vi: 'Bộ Kế hoạch và Đầu tư (nay là Bộ Tài chính)', en: 'Ministry of Planning and Investment (now Finance)' },
  BNNMT: { vi: 'Bộ Nông nghiệp và Môi trường', en: 'Ministry of Agriculture and Environment' },
  BTC: { vi: 'Bộ Tài chính', en: 'Ministry of Finance' },
  BTP: { vi: 'Bộ Tư pháp', en: 'Ministry of Justice' },
  BXD: { vi: 'Bộ Xây dựng', en: 'Ministry of Construction' },
  NHNN: { vi: 'Ngân hàng Nhà nước Việt Nam', en: 'State Bank of Vietnam' },
  TANDTC: { vi: 'Tòa án nhân dân tối cao', en: 'Supreme People\'s Court' },
  UBND: { vi: 'Ủy ban nhân dân cấp tỉnh (không ghi rõ tỉnh)', en: 'A provincial People\'s Committee (province not stated)' },
  TCHQ: { vi: 'Tổng cục Hải quan (nay thuộc Bộ Tài chính)', en: 'General Department of Customs (now Ministry of Finance)' },
};

/** Publisher of procedures whose decision names no known issuing body. */
export const UNKNOWN_PUBLISHER: Publisher = {
  id: 'unknown',
  name: { vi: 'Chưa xác định được cơ quan công bố', en: 'Publisher not identified' },
};

/**
 * The issuing body of a decision number, or undefined.
 *
 * @example
 * issuerOf('163/QĐ-BTP') // 'BTP'
 * issuerOf('1979/QĐ-BCA-C06') // 'BCA'
 * issuerOf('1681') // undefined
 */
export function issuerOf(decision: string): string | undefined {
  const symbol = decision.slice(decision.lastIndexOf('/') + 1).normalize('NFC');
  return symbol.split(/[-\s]+/).find((token) => Object.prototype.hasOwnProperty.call(ISSUERS, token));
}

/**
 * Who published a procedure.
 *
 * @example
 * publisherOf({ code: '1.001193', decision: { number: '163/QĐ-BTP' } }).name.vi // 'Bộ Tư pháp'
 */
export function publisherOf(p: Pick<Procedure, 'decision' | 'jurisdiction'>): Publisher {
  if (p.jurisdiction !== undefined) {
    return { id: `province:${p.jurisdiction.province}`, name: { vi: `UBND tỉnh ${p.jurisdiction.name}`, en: `${p.jurisdiction.name} Provincial People's Committee` } };
  }
  const issuer = p.decision === undefined ? undefined : issuerOf(p.decision.number);
  if (issuer === undefined) return UNKNOWN_PUBLISHER;
  return { id: issuer, name: ISSUERS[issuer] as Bilingual };
}
