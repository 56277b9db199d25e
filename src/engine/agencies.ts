/**
 * The agency directory of one deployment: the concrete offices that receive and handle
 * dossiers (a provincial Public Administration Service Centre, a department, a commune's
 * People's Committee…), each with its identifier (mã định danh) in the shape
 * V1V2V3.Z1Z2.Y1Y2.MX1X2 of the national technical standard for agency identifiers
 * (Circular 10/2016/TT-BTTTT, as Circular 01/2018/TT-VPCP art. 19 requires for dossier
 * numbers; identifiers are assigned under Decision 20/2020/QĐ-TTg).
 */

/** Administrative levels (cấp) an agency belongs to. */
export type AgencyLevel = 'ministry' | 'province' | 'commune' | 'other';

/** One agency of the directory. */
export interface Agency {
  /** Identifier (mã định danh), e.g. "000.00.15.H12". */
  code: string;
  name: string;
  level: AgencyLevel;
}

/** The agency identifier shape V1V2V3.Z1Z2.Y1Y2.MX1X2 (digits and capital letters). */
export const AGENCY_CODE = /^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[A-Z][0-9A-Z]{2}$/u;

/** Levels, in display order. */
export const AGENCY_LEVELS: readonly AgencyLevel[] = ['ministry', 'province', 'commune', 'other'];

/** A directory of agencies by identifier. */
export class AgencyDirectory {
  private readonly byCode: ReadonlyMap<string, Agency>;

  constructor(agencies: readonly Agency[]) {
    const map = new Map<string, Agency>();
    for (const a of agencies) {
      if (!AGENCY_CODE.test(a.code)) throw new RangeError(`not an agency identifier (V1V2V3.Z1Z2.Y1Y2.MX1X2): ${a.code}`);
      if (map.has(a.code)) throw new RangeError(`agency listed twice: ${a.code}`);
      map.set(a.code, a);
    }
    this.byCode = map;
  }

  /** The agency with this identifier, if listed. */
  get(code: string): Agency | undefined {
    return this.byCode.get(code);
  }

  /** Every agency, in identifier order. */
  all(): Agency[] {
    return [...this.byCode.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  }
}
