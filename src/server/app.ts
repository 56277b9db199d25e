import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { SimulatedClock } from '../engine/clock.js';
import type { DossierEngine } from '../engine/engine.js';
import { EngineError } from '../engine/errors.js';
import type { KpiDimension } from '../engine/kpi.js';
import { ROLE_LABELS, type Actor, type CommandName } from '../engine/roles.js';
import { isoOf, msOf } from '../engine/time.js';
import type { Lang } from '../i18n/lang.js';
import { formatKpi } from '../report/kpi.js';
import type { ChannelKey } from '../workflow/ir.js';
import type { ReturnMethod } from '../workflow/machine.js';
import type { TokenVerifier } from './operator-file.js';
import { clockSchema, commandSchema, createSchema, dossierSchema, errorSchema, healthSchema, kpiSchema, listSchema, replaySchema, sweepSchema } from './schemas.js';
import { describeErrors } from './validation-errors.js';
import { dossierView, summaryOf } from './view.js';

/** How the HTTP API is set up. */
export interface ServerOptions {
  engine: DossierEngine;
  tokens: TokenVerifier;
  /** Request bodies larger than this are refused with 413 (default 64 KiB). */
  bodyLimit?: number;
  /** Set when the server runs on simulated time: `POST /clock` moves it (administrators). */
  simulatedClock?: SimulatedClock;
  version: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    public?: boolean;
  }
}

function langOf(request: FastifyRequest): Lang {
  return /^\s*en\b/i.test(request.headers['accept-language'] ?? '') ? 'en' : 'vi';
}

function send(reply: FastifyReply, request: FastifyRequest, error: EngineError): FastifyReply {
  return reply.code(error.status).type('application/json; charset=utf-8').send({ error: error.toJSON(langOf(request)) });
}

function actorOf(request: FastifyRequest): Actor {
  if (request.actor === null) throw new EngineError('token-missing');
  return request.actor;
}

/**
 * Builds the HTTP API (Fastify). JSON in and out; request bodies and query strings are
 * validated against the route schemas by ajv with unknown properties refused; the OpenAPI 3
 * document at `GET /openapi.json` is generated from the same schemas (@fastify/swagger).
 * Every route but `/health` and `/openapi.json` needs a bearer token from the operator file.
 *
 * @example
 * const app = await buildServer({ engine, tokens: new TokenVerifier(file.tokens), version: '0.1.0' });
 * await app.listen({ port: 8080, host: '127.0.0.1' });
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { engine, tokens } = options;
  const bodyLimit = options.bodyLimit ?? 64 * 1024;
  const app = Fastify({
    logger: false,
    bodyLimit,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, useDefaults: false, allErrors: true } },
    return503OnClosing: true,
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'tthc dossier engine',
        description: 'Hồ sơ thủ tục hành chính: nộp, xử lý theo quy trình biên dịch từ danh mục, hạn giải quyết theo ngày làm việc, số liệu. — Administrative-procedure dossiers: submission, processing through the compiled workflows, working-day deadlines, KPIs.',
        version: options.version,
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  });
  app.addSchema(errorSchema);
  app.decorateRequest('actor', null);

  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.config.public === true) return;
    const verdict = tokens.verify(request.headers.authorization);
    if ('failure' in verdict) {
      const data: Record<string, string> = verdict.failure === 'token-expired' ? { token: verdict.token ?? '', expires: verdict.expires ?? '' } : {};
      return send(reply, request, new EngineError(verdict.failure, data));
    }
    request.actor = verdict.actor;
    return undefined;
  });

  app.setErrorHandler((error: Error & { validation?: unknown; validationContext?: string; code?: string; statusCode?: number }, request, reply) => {
    if (error instanceof EngineError) return send(reply, request, error);
    if (Array.isArray(error.validation)) {
      return send(reply, request, new EngineError('request-invalid', { detail: describeErrors(error.validation as never, error.validationContext ?? 'body') }));
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return send(reply, request, new EngineError('body-too-large', { limit: bodyLimit }));
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      return send(reply, request, new EngineError('request-invalid', { detail: { vi: 'chỉ nhận application/json.', en: 'only application/json is accepted.' } }));
    }
    if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError || error.statusCode === 400) {
      return send(reply, request, new EngineError('request-invalid', { detail: { vi: 'thân yêu cầu không phải JSON hợp lệ.', en: 'the body is not valid JSON.' } }));
    }
    request.log.error(error);
    return send(reply, request, new EngineError('internal-error', { detail: request.id }));
  });

  app.setNotFoundHandler((request, reply) => send(reply, request, new EngineError('route-not-found', { method: request.method, url: request.url.split('?')[0] ?? '' })));

  app.get('/health', { schema: healthSchema, config: { public: true } }, async () => ({
    status: 'ok', store: engine.store.kind, schemaVersion: await engine.store.schemaVersion(), engineVersion: options.version,
    now: isoOf(engine.clock.now()), simulatedClock: options.simulatedClock !== undefined,
  }));

  app.get('/openapi.json', { schema: { hide: true }, config: { public: true } }, async () => app.swagger());

  app.post('/dossiers', { schema: createSchema }, async (request, reply) => {
    const b = request.body as {
      commandId: string; procedure: string; agency: string; channel: ChannelKey; applicant?: string;
      facts?: Record<string, string | number | boolean>; cases?: string[]; components?: string[];
    };
    const result = await engine.create({
      commandId: b.commandId, actor: actorOf(request), procedure: b.procedure, agency: b.agency, channel: b.channel,
      ...(b.applicant === undefined ? {} : { applicant: b.applicant }), ...(b.facts === undefined ? {} : { facts: b.facts }),
      ...(b.cases === undefined ? {} : { cases: b.cases }), ...(b.components === undefined ? {} : { components: b.components }),
    });
    return reply.code(result.replayed ? 200 : 201).send(result);
  });

  app.post('/dossiers/:id/commands', { schema: commandSchema }, async (request) => {
    const { id } = request.params as { id: string };
    const b = request.body as {
      commandId: string; command: CommandName; expectedVersion?: number; reasons?: string[]; components?: string[]; missing?: string[];
      items?: string[]; agency?: string; method?: ReturnMethod; amount?: number;
    };
    return engine.apply({ ...b, dossierId: id, actor: actorOf(request) });
  });

  app.get('/dossiers/:id', { schema: dossierSchema }, async (request) => {
    const { id } = request.params as { id: string };
    const actor = actorOf(request);
    const d = await engine.dossier(id, actor);
    const events = await engine.history(id, actor);
    return dossierView(d, events, engine.clock.now(), await engine.runtimeOf(d), langOf(request));
  });

  app.get('/dossiers', { schema: listSchema }, async (request) => {
    const q = request.query as { state?: string; procedure?: string; agency?: string; overdue?: string; limit?: string };
    const now = engine.clock.now();
    const rows = await engine.list({
      ...(q.state === undefined ? {} : { state: q.state }), ...(q.procedure === undefined ? {} : { procedure: q.procedure }),
      ...(q.agency === undefined ? {} : { agency: q.agency }), ...(q.overdue === 'true' ? { overdueAt: now - 60_000 } : {}),
      limit: q.limit === undefined ? 100 : Number(q.limit),
    }, actorOf(request));
    const lang = langOf(request);
    const items = [];
    for (const d of rows) items.push(summaryOf(d, now, await engine.runtimeOf(d), lang));
    return { dossiers: items };
  });

  app.get('/kpi', { schema: kpiSchema }, async (request, reply) => {
    const q = request.query as { by?: KpiDimension; from?: string; to?: string; format?: 'json' | 'csv' | 'markdown' };
    const moment = (text: string | undefined, name: string): number | undefined => {
      if (text === undefined) return undefined;
      try {
        return msOf(text);
      } catch {
        throw new EngineError('request-invalid', { detail: { vi: `${name}: không phải thời điểm hợp lệ.`, en: `${name}: not a valid moment.` } });
      }
    };
    const from = moment(q.from, 'from');
    const to = moment(q.to, 'to');
    const report = await engine.kpi({ by: q.by ?? 'level', ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }) }, actorOf(request));
    if (q.format === 'csv') return reply.type('text/csv; charset=utf-8').send(formatKpi(report, 'csv', langOf(request)));
    if (q.format === 'markdown') return reply.type('text/markdown; charset=utf-8').send(formatKpi(report, 'markdown', langOf(request)));
    return report;
  });

  const adminOnly = (request: FastifyRequest): void => {
    const actor = actorOf(request);
    if (actor.role !== 'administrator') {
      throw new EngineError('role-forbidden', { role: ROLE_LABELS[actor.role], command: { vi: 'quản trị', en: 'administration' }, allowed: { vi: 'quản trị viên', en: 'administrator' } });
    }
  };

  app.post('/admin/sweep', { schema: sweepSchema }, async (request) => {
    adminOnly(request);
    return engine.sweep();
  });

  app.get('/admin/dossiers/:id/replay', { schema: replaySchema }, async (request) => {
    adminOnly(request);
    const { id } = request.params as { id: string };
    const { dossierId, events, state, matches } = await engine.verify(id);
    return { dossierId, events, state, matches };
  });

  app.get('/clock', { schema: { ...clockSchema, body: undefined, summary: 'Giờ của máy chủ — the server\'s clock' } }, async (request) => {
    actorOf(request);
    return { now: isoOf(engine.clock.now()), simulated: options.simulatedClock !== undefined };
  });

  app.post('/clock', { schema: clockSchema }, async (request) => {
    adminOnly(request);
    const clock = options.simulatedClock;
    if (clock === undefined) throw new EngineError('clock-not-simulated');
    const { to } = request.body as { to: string };
    const target = msOf(to);
    if (target < clock.now()) throw new EngineError('clock-backwards', { now: isoOf(clock.now()), to });
    clock.set(target);
    // Time passed: fire what fell due, as the background sweep would.
    const swept = await engine.sweep();
    return { now: isoOf(clock.now()), simulated: true, swept };
  });

  return app;
}
