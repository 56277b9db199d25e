import { parseMoment, viMoment } from '../calendar/dates.js';
import type { Bilingual } from '../i18n/lang.js';
import { joinList } from '../i18n/labels.js';
import { CHANNEL_LABELS } from '../i18n/labels.js';
import { missingComponents } from '../workflow/checklist.js';
import type { DossierContext } from '../workflow/machine.js';
import { EngineError } from './errors.js';
import { COMMAND_OF_EVENT, COMMANDS } from './roles.js';
import type { Runtime } from './runtime.js';

/** A stored due moment as people read it: "17:00 ngày 05/03/2026" (vi), "05/03/2026 17:00" (en). */
function readableMoment(iso: string | null): Bilingual | string {
  if (iso === null) return '—';
  const m = parseMoment(iso);
  return { vi: viMoment(m, 'vi'), en: viMoment(m, 'en') };
}

/**
 * Why the machine did not take an event: the state does not accept it at all, or a guard
 * said no (components missing, channel not offered, supplement limit, not yet overdue, the
 * result cannot be returned this way). The answer is an {@link EngineError} a person can act on.
 */
export function refusal(rt: Runtime, state: string, context: DossierContext, event: { type: string; channel?: string; method?: string }): EngineError {
  const info = rt.states.get(state);
  const label = info?.label ?? { vi: state, en: state };
  const transition = info?.on.find((t) => t.event === event.type);
  const command = COMMAND_OF_EVENT.get(event.type as never);
  if (transition === undefined) {
    const allowed = (info?.on ?? []).map((t) => COMMAND_OF_EVENT.get(t.event)).filter((c): c is NonNullable<typeof c> => c !== undefined);
    const unique = [...new Set(allowed)];
    return new EngineError('command-not-allowed', {
      command: command === undefined ? { vi: event.type, en: event.type } : COMMANDS[command].label,
      state: label,
      allowed: unique.length === 0 ? { vi: 'không lệnh nào (hồ sơ đã kết thúc)', en: 'none (the dossier is closed)' } : unique.join(', '),
    });
  }
  const ir = rt.compiled.ir;
  switch (transition.guard) {
    case 'channelAllowed':
      return new EngineError('channel-not-offered', {
        procedure: ir.procedure,
        channel: CHANNEL_LABELS[event.channel ?? ''] ?? { vi: String(event.channel), en: String(event.channel) },
        allowed: { vi: joinList(ir.channels.map((c) => CHANNEL_LABELS[c]?.vi ?? c), 'vi'), en: joinList(ir.channels.map((c) => CHANNEL_LABELS[c]?.en ?? c), 'en') },
      });
    case 'componentsComplete': {
      const missing = missingComponents(ir, { facts: context.facts, cases: context.cases }, context.components);
      const names = missing.map((id) => `${ir.components.find((c) => c.id === id)?.name ?? id} (${id})`);
      return new EngineError('components-missing', { missing: names.join('; ') });
    }
    case 'supplementAllowed':
      return new EngineError('supplement-limit-reached', { count: context.supplementRequests, limit: ir.supplementLimit });
    case 'overdue':
      return new EngineError('not-overdue', { due: readableMoment(context.appointment ?? context.due) });
    case 'stageOverdue':
      return new EngineError('not-overdue', { due: readableMoment(context.stageDue) });
    case 'returnAllowed': {
      const reason = ir.online === 'full' && context.channel !== 'in-person' && event.method === 'in-person'
        ? { vi: 'dịch vụ toàn trình trả kết quả trực tuyến hoặc qua bưu chính.', en: 'a fully online service returns the result online or by post.' }
        : { vi: 'người nộp trực tuyến chưa xuất trình bản chính (present-originals).', en: 'the online applicant has not presented the originals (present-originals).' };
      return new EngineError('return-not-allowed', { reason });
    }
    default:
      return new EngineError('command-not-allowed', { command: command === undefined ? event.type : COMMANDS[command].label, state: label, allowed: '—' });
  }
}
