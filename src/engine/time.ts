import { formatMoment, momentOf, parseMoment, type LocalMoment } from '../calendar/dates.js';

/**
 * Conversions between the engine's epoch milliseconds and the calendar's Vietnam-time moments
 * (ICT, UTC+7, no daylight saving). The machine's events carry ISO text with +07:00.
 */

const ICT_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** ISO 8601 with +07:00 of an epoch moment (seconds kept). */
export function isoOf(ms: number): string {
  // Commands of one moment (a batch, a sweep) ask for the same text: remember the last one.
  if (ms !== lastMs) {
    lastIso = formatMoment(momentOf(new Date(ms)));
    lastMs = ms;
  }
  return lastIso;
}
let lastMs = Number.NaN;
let lastIso = '';

/** Epoch milliseconds of an ISO moment (a time without offset is Vietnam time). */
export function msOf(iso: string): number {
  return msOfMoment(parseMoment(iso));
}

/** Epoch milliseconds of a local moment. */
export function msOfMoment(m: LocalMoment): number {
  return m.day * DAY_MS + m.minutes * 60_000 + (m.seconds ?? 0) * 1000 - ICT_MS;
}

/** The Vietnam-time day number (days since 1970-01-01) of an epoch moment. */
export function dayOf(ms: number): number {
  return Math.floor((ms + ICT_MS) / DAY_MS);
}
