import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorBody, GatewayRefusal } from './gateway-refusal.js';

export interface Answer {
  readonly statusCode: number;
  readonly body: unknown;
}

// What a gateway remembers per Idempotency-Key: the request it came with and the answer it got.
export class IdempotencyStore {
  private readonly answers = new Map<string, { fingerprint: string; answer: Answer }>();

  recall(key: string, fingerprint: string): Answer | 'mismatch' | undefined {
    const seen = this.answers.get(key);
    if (seen === undefined) return undefined;
    return seen.fingerprint === fingerprint ? seen.answer : 'mismatch';
  }

  remember(key: string, fingerprint: string, answer: Answer): void {
    this.answers.set(key, { fingerprint, answer });
  }
}

// Runs `perform` at most once per key: a repeat of the same request gets the first answer back and
// moves no money; the same key on a different request is refused (422, as the IETF Idempotency-Key
// draft says) because answering it would hide a caller's bug. Refusals are remembered like approvals.
export async function answerOnce(
  call: {
    store: IdempotencyStore;
    request: FastifyRequest;
    reply: FastifyReply;
    delay?: () => Promise<void>;
  },
  perform: () => Answer,
): Promise<FastifyReply> {
  const { store, request, reply } = call;
  const key = String(request.headers['idempotency-key']);
  const fingerprint = `${request.method} ${request.url} ${canonicalJson(request.body)}`;
  const recalled = store.recall(key, fingerprint);
  if (recalled === 'mismatch') {
    const message = `Idempotency-Key ${key} was already used with a different request`;
    return reply.code(422).send(errorBody('idempotency_key_reused', message));
  }
  if (recalled !== undefined) reply.header('idempotent-replayed', 'true');
  const answer = recalled ?? refusalsAsAnswers(request, perform);
  if (recalled === undefined) store.remember(key, fingerprint, answer);
  await call.delay?.();
  return reply.code(answer.statusCode).send(answer.body);
}

function refusalsAsAnswers(request: FastifyRequest, perform: () => Answer): Answer {
  try {
    return perform();
  } catch (error) {
    if (!(error instanceof GatewayRefusal)) throw error;
    request.log.info({ code: error.code }, error.message);
    return { statusCode: error.statusCode, body: error.toBody() };
  }
}

// Key order in a JSON body carries no meaning, so it must not make two equal requests differ.
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
