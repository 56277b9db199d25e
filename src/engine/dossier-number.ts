import { ymd } from '../calendar/dates.js';
import { AGENCY_CODE } from './agencies.js';

/**
 * The dossier number (mã số hồ sơ) of Circular 01/2018/TT-VPCP art. 19(1):
 *
 *     V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX
 *
 * - `V1V2V3.Z1Z2.Y1Y2.MX1X2`: the receiving agency's identifier under the national technical
 *   standard on identifiers (Circular 10/2016/TT-BTTTT);
 * - `YYMMDD`: the day the dossier is received (two digits each of year, month, day);
 * - `XXXX`: the dossier's sequence among those received that day, four digits.
 *
 * Art. 19(2) lets agencies add a barcode or QR code beside the number; the engine gives the
 * number only. The sequence never wraps: the 10,000th dossier of a day is refused
 * (TTHC617) rather than given a number another dossier already has.
 */

/** The largest daily sequence a four-digit XXXX can hold. */
export const MAX_DAILY_SEQUENCE = 9999;

/**
 * Formats a dossier number.
 *
 * @example
 * dossierNumber('000.00.15.H12', dayNumber(2026, 3, 2), 17) // '000.00.15.H12-260302-0017'
 */
export function dossierNumber(agency: string, day: number, sequence: number): string {
  if (!AGENCY_CODE.test(agency)) throw new RangeError(`not an agency identifier: ${agency}`);
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_DAILY_SEQUENCE) throw new RangeError(`sequence out of range: ${sequence}`);
  const { year, month, day: d } = ymd(day);
  const yymmdd = `${String(year % 100).padStart(2, '0')}${String(month).padStart(2, '0')}${String(d).padStart(2, '0')}`;
  return `${agency}-${yymmdd}-${String(sequence).padStart(4, '0')}`;
}

/** The parts of a dossier number, or undefined when the text is not one. */
export function parseDossierNumber(text: string): { agency: string; yymmdd: string; sequence: number } | undefined {
  const m = /^(.+)-(\d{6})-(\d{4})$/u.exec(text);
  if (m === null || !AGENCY_CODE.test(m[1] as string) || m[3] === '0000') return undefined;
  return { agency: m[1] as string, yymmdd: m[2] as string, sequence: Number(m[3]) };
}
