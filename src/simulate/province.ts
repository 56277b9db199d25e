import type { Agency } from '../engine/agencies.js';
import type { Actor } from '../engine/roles.js';

/**
 * The synthetic province a simulation runs in: its Public Administration Service Centre
 * (province level), the departments that handle interconnected stages at province level,
 * and its communes (after the two-tier reform of 1 July 2025 a province has about a hundred
 * communes and wards). Identifiers have the V1V2V3.Z1Z2.Y1Y2.MX1X2 shape; "H99" is not a
 * real province code, on purpose.
 */
export interface Province {
  centre: Agency;
  /** The department that handles province-level stages (tax, land registration office…). */
  department: Agency;
  communes: Agency[];
  agencies: Agency[];
}

/** A province with `communes` communes. */
export function province(communes = 100): Province {
  const centre: Agency = { code: '000.00.00.H99', name: 'Trung tâm Phục vụ hành chính công tỉnh (mô phỏng)', level: 'province' };
  const department: Agency = { code: '000.10.01.H99', name: 'Sở, ngành cấp tỉnh (mô phỏng)', level: 'province' };
  const list: Agency[] = [];
  for (let i = 1; i <= communes; i++) {
    list.push({ code: `000.${String(Math.floor(i / 100)).padStart(2, '0')}.${String(i % 100).padStart(2, '0')}.H99`, name: `Ủy ban nhân dân xã số ${i} (mô phỏng)`, level: 'commune' });
  }
  return { centre, department, communes: list, agencies: [centre, department, ...list] };
}

const cache = new Map<string, Actor>();

/** The officer of a role at an agency (one per role and agency in a simulation). */
export function officer(role: 'reception' | 'specialist' | 'approver', agency: string): Actor {
  const key = `${role}@${agency}`;
  let actor = cache.get(key);
  if (actor === undefined) cache.set(key, (actor = { id: key, role, agency }));
  return actor;
}
