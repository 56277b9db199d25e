import type { WorkflowIR } from './ir.js';

/**
 * The dossier lifecycle of the one-stop mechanism (cơ chế một cửa, Decree 118/2025/NĐ-CP,
 * which replaced Decree 61/2018/NĐ-CP), as a plain-data state graph derived from a
 * procedure's workflow IR:
 *
 *     draft ─SUBMIT→ reception ─RECEIVE→ received ─TRANSFER→ appraisal ─APPRAISE→ approval ─APPROVE→ resultReady ─RETURN→ returned
 *                      │ REQUEST_COMPLETION → completionRequested ─SUBMIT_COMPLETION→ reception
 *                      │ REFUSE → refused                    (reasoned refusal slip)
 *                      │ PROCESS_ON_SPOT → onTheSpot ─RETURN_ON_SPOT→ returned   (4 tại chỗ only)
 *     appraisal ─REQUEST_SUPPLEMENT→ supplementRequested ─SUPPLEMENT_PROVIDED→ appraisal   (clock paused, limited)
 *     approval ─REQUEST_PAYMENT→ awaitingPayment ─PAYMENT_RECEIVED→ approval              (financial obligations)
 *     REJECT → rejected, STOP → stopped, WITHDRAW → withdrawn; DEADLINE_PASSED: apology slip, new appointment, stays.
 *
 * An interconnected procedure (liên thông) replaces appraisal/approval with its stages in
 * order, each with its own supplement and payment sub-steps and its own deadline event.
 * An online submission of a procedure whose online service is partial ends with an
 * in-person step (PRESENT_ORIGINALS before RETURN); a fully online one (toàn trình) has none
 * and returns its result online or by post.
 */

/** Every event of the lifecycle. */
export const EVENT_TYPES = [
  'SUBMIT', 'RECEIVE', 'REQUEST_COMPLETION', 'SUBMIT_COMPLETION', 'REFUSE', 'PROCESS_ON_SPOT', 'RETURN_ON_SPOT',
  'TRANSFER', 'APPRAISE', 'APPROVE', 'STAGE_DONE', 'REQUEST_SUPPLEMENT', 'SUPPLEMENT_PROVIDED', 'REQUEST_PAYMENT',
  'PAYMENT_RECEIVED', 'REJECT', 'STOP', 'WITHDRAW', 'DEADLINE_PASSED', 'STAGE_DEADLINE_PASSED', 'PRESENT_ORIGINALS', 'RETURN',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Guards, by name (implemented by the backend). */
export type GuardName = 'channelAllowed' | 'componentsComplete' | 'supplementAllowed' | 'overdue' | 'stageOverdue' | 'returnAllowed';

/** Actions, by name (implemented by the backend). */
export type ActionName =
  | 'recordSubmission' | 'recordMissing' | 'recordCompletion' | 'recordReasons' | 'startClock' | 'startOnSpot'
  | 'pauseClock' | 'resumeClock' | 'issueApology' | 'issueStageApology' | 'enterStage' | 'recordPaymentRequest'
  | 'recordOriginals' | 'recordReturn' | 'recordTransfer';

/** One transition. */
export interface LifecycleTransition {
  event: EventType;
  target: string;
  guard?: GuardName;
  actions?: ActionName[];
  /** A self-transition that only records something (an apology slip). */
  internal?: boolean;
  /** The stage entered (for `enterStage`). */
  enters?: string;
}

/** One state. */
export interface LifecycleState {
  id: string;
  final: boolean;
  /** Vietnamese and English names, for diagrams and docs. */
  label: { vi: string; en: string };
  /** Whether the statutory clock runs in this state. */
  clock: 'stopped' | 'running' | 'paused';
  /** The stage this state belongs to (interconnected procedures). */
  stage?: string;
  on: LifecycleTransition[];
}

/** The lifecycle graph of a procedure. */
export interface Lifecycle {
  initial: string;
  states: LifecycleState[];
}

/** Final states: the dossier's outcomes. */
export const FINAL_STATES = ['returned', 'refused', 'rejected', 'withdrawn', 'stopped'] as const;

const exit = (withdraw: boolean, stop: boolean): LifecycleTransition[] => [
  ...(withdraw ? [{ event: 'WITHDRAW' as const, target: 'withdrawn', actions: ['recordReasons' as const] }] : []),
  ...(stop ? [{ event: 'STOP' as const, target: 'stopped', actions: ['recordReasons' as const] }] : []),
];

const apology = (): LifecycleTransition => ({ event: 'DEADLINE_PASSED', target: '', guard: 'overdue', actions: ['issueApology'], internal: true });

/**
 * Builds the lifecycle graph of a workflow. Deterministic: same IR, same graph.
 *
 * @example
 * const graph = lifecycle(buildWorkflow(khaiSinh));
 * graph.initial // 'draft'
 * graph.states.find((s) => s.id === 'reception')?.on.map((t) => t.event) // ['RECEIVE', 'REQUEST_COMPLETION', 'REFUSE', 'WITHDRAW']
 */
export function lifecycle(ir: WorkflowIR): Lifecycle {
  const states: LifecycleState[] = [];
  const add = (s: LifecycleState): void => {
    for (const t of s.on) if (t.internal === true) t.target = s.id;
    states.push(s);
  };
  // No supplement state at all when the procedure allows no supplement notice.
  const supplements = ir.supplementLimit > 0;
  const firstProcessing = ir.stages.length > 0 ? `stage_${ir.stages[0]?.id ?? ''}` : 'appraisal';

  add({
    id: 'draft', final: false, clock: 'stopped', label: { vi: 'Chưa nộp', en: 'Not submitted' },
    on: [{ event: 'SUBMIT', target: 'reception', guard: 'channelAllowed', actions: ['recordSubmission'] }],
  });
  add({
    id: 'reception', final: false, clock: 'stopped', label: { vi: 'Tiếp nhận, kiểm tra hồ sơ', en: 'Reception: completeness check' },
    on: [
      { event: 'RECEIVE', target: 'received', guard: 'componentsComplete', actions: ['startClock'] },
      ...(ir.fourOnSpot ? [{ event: 'PROCESS_ON_SPOT' as const, target: 'onTheSpot', guard: 'componentsComplete' as const, actions: ['startOnSpot' as const] }] : []),
      { event: 'REQUEST_COMPLETION', target: 'completionRequested', actions: ['recordMissing'] },
      { event: 'REFUSE', target: 'refused', actions: ['recordReasons'] },
      ...exit(true, false),
    ],
  });
  add({
    id: 'completionRequested', final: false, clock: 'stopped', label: { vi: 'Hướng dẫn bổ sung, hoàn thiện hồ sơ', en: 'Completion requested' },
    on: [{ event: 'SUBMIT_COMPLETION', target: 'reception', actions: ['recordCompletion'] }, ...exit(true, false)],
  });
  if (ir.fourOnSpot) {
    add({
      id: 'onTheSpot', final: false, clock: 'running', label: { vi: '4 tại chỗ: thẩm định, phê duyệt tại chỗ', en: 'On the spot: appraisal and approval' },
      on: [
        { event: 'RETURN_ON_SPOT', target: 'returned', actions: ['recordReturn'] },
        // Cannot be finished on the spot after all: received with an appointment.
        { event: 'RECEIVE', target: 'received', actions: ['startClock'] },
        { event: 'REJECT', target: 'rejected', actions: ['recordReasons'] },
        ...exit(true, false),
      ],
    });
  }
  add({
    id: 'received', final: false, clock: 'running', label: { vi: 'Đã tiếp nhận (có giấy hẹn)', en: 'Received (appointment given)' },
    on: [
      ir.stages.length > 0
        ? { event: 'TRANSFER', target: firstProcessing, actions: ['recordTransfer', 'enterStage'], enters: ir.stages[0]?.id ?? '' }
        : { event: 'TRANSFER', target: firstProcessing, actions: ['recordTransfer'] },
      apology(),
      ...exit(true, false),
    ],
  });

  if (ir.stages.length === 0) {
    add({
      id: 'appraisal', final: false, clock: 'running', label: { vi: 'Thẩm định', en: 'Appraisal' },
      on: [
        { event: 'APPRAISE', target: 'approval' },
        ...(supplements ? [{ event: 'REQUEST_SUPPLEMENT' as const, target: 'supplementRequested', guard: 'supplementAllowed' as const, actions: ['pauseClock' as const] }] : []),
        { event: 'REJECT', target: 'rejected', actions: ['recordReasons'] },
        apology(),
        ...exit(true, true),
      ],
    });
    if (supplements) add({
      id: 'supplementRequested', final: false, clock: 'paused', label: { vi: 'Yêu cầu bổ sung (tạm dừng thời hạn)', en: 'Supplement requested (clock paused)' },
      on: [
        { event: 'SUPPLEMENT_PROVIDED', target: 'appraisal', actions: ['resumeClock'] },
        { event: 'REJECT', target: 'rejected', actions: ['recordReasons'] },
        ...exit(true, true),
      ],
    });
    add({
      id: 'approval', final: false, clock: 'running', label: { vi: 'Phê duyệt', en: 'Approval' },
      on: [
        { event: 'APPROVE', target: 'resultReady' },
        { event: 'REQUEST_PAYMENT', target: 'awaitingPayment', actions: ['recordPaymentRequest'] },
        { event: 'REJECT', target: 'rejected', actions: ['recordReasons'] },
        apology(),
        ...exit(true, true),
      ],
    });
    add({
      id: 'awaitingPayment', final: false, clock: 'running', label: { vi: 'Chờ thực hiện nghĩa vụ tài chính', en: 'Awaiting payment of financial obligations' },
      on: [{ event: 'PAYMENT_RECEIVED', target: 'approval' }, apology(), ...exit(true, true)],
    });
  } else {
    ir.stages.forEach((stage, i) => {
      const id = `stage_${stage.id}`;
      const next = i + 1 < ir.stages.length ? `stage_${ir.stages[i + 1]?.id ?? ''}` : 'resultReady';
      add({
        id, final: false, clock: 'running', stage: stage.id, label: { vi: stage.name, en: `Stage ${i + 1}: ${stage.id}` },
        on: [
          next === 'resultReady'
            ? { event: 'STAGE_DONE', target: next, actions: ['enterStage'], enters: '' }
            : { event: 'STAGE_DONE', target: next, actions: ['enterStage'], enters: ir.stages[i + 1]?.id ?? '' },
          ...(supplements ? [{ event: 'REQUEST_SUPPLEMENT' as const, target: `${id}_supplement`, guard: 'supplementAllowed' as const, actions: ['pauseClock' as const] }] : []),
          { event: 'REQUEST_PAYMENT', target: `${id}_payment`, actions: ['recordPaymentRequest'] },
          { event: 'REJECT', target: 'rejected', actions: ['recordReasons'] },
          apology(),
          { event: 'STAGE_DEADLINE_PASSED', target: id, guard: 'stageOverdue', actions: ['issueStageApology'], internal: true },
          ...exit(true, true),
        ],
      });
      if (supplements) add({
        id: `${id}_supplement`, final: false, clock: 'paused', stage: stage.id,
        label: { vi: `${stage.name}: yêu cầu bổ sung`, en: `Stage ${i + 1}: supplement requested` },
        on: [
          { event: 'SUPPLEMENT_PROVIDED', target: id, actions: ['resumeClock'] },
          { event: 'REJECT', target: 'rejected', actions: ['recordReasons'] },
          ...exit(true, true),
        ],
      });
      add({
        id: `${id}_payment`, final: false, clock: 'running', stage: stage.id,
        label: { vi: `${stage.name}: chờ nghĩa vụ tài chính`, en: `Stage ${i + 1}: awaiting payment` },
        on: [{ event: 'PAYMENT_RECEIVED', target: id }, apology(), ...exit(true, true)],
      });
    });
  }

  const inPersonStep = ir.online !== 'full';
  add({
    id: 'resultReady', final: false, clock: 'stopped', label: { vi: 'Có kết quả, chờ trả', en: 'Result ready' },
    on: [
      ...(inPersonStep ? [{ event: 'PRESENT_ORIGINALS' as const, target: 'resultReady', actions: ['recordOriginals' as const], internal: true }] : []),
      { event: 'RETURN', target: 'returned', guard: 'returnAllowed', actions: ['recordReturn'] },
    ],
  });
  add({ id: 'returned', final: true, clock: 'stopped', label: { vi: 'Đã trả kết quả', en: 'Result returned' }, on: [] });
  add({ id: 'refused', final: true, clock: 'stopped', label: { vi: 'Từ chối tiếp nhận', en: 'Refused at reception' }, on: [] });
  add({ id: 'rejected', final: true, clock: 'stopped', label: { vi: 'Từ chối giải quyết', en: 'Rejected' }, on: [] });
  add({ id: 'withdrawn', final: true, clock: 'stopped', label: { vi: 'Rút hồ sơ', en: 'Withdrawn' }, on: [] });
  add({ id: 'stopped', final: true, clock: 'stopped', label: { vi: 'Dừng giải quyết', en: 'Stopped' }, on: [] });
  return { initial: 'draft', states };
}
