import type { Client } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import { ENCRYPTED_ENCODING, KEY_ID_METADATA } from '../../src/adapters/temporal/payload-codec.js';

type History = temporal.api.history.v1.IHistory;

export interface RawPayload {
  // Where in the history: e.g. events[0].workflowExecutionStartedEventAttributes.input.payloads[0].
  readonly path: string;
  readonly encoding: string;
  readonly keyId: string | undefined;
}

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

// A saga's history as Temporal stores it, read without the codec: what anyone with access to Temporal
// (its database, its UI, its CLI) sees.
export async function rawHistoryOf(plainClient: Client, workflowId: string): Promise<History> {
  return plainClient.workflow.getHandle(workflowId).fetchHistory();
}

// The paths of every byte field of the history that contains the text, decoded as Latin-1 so that
// any byte string matches.
export function bytesContaining(history: History, text: string): string[] {
  const found: string[] = [];
  walk(history, 'history', (path, value) => {
    if (value instanceof Uint8Array && latin1(value).includes(text)) found.push(path);
  });
  return found;
}

// What the SDK writes for itself and never passes through a codec, none of it the service's data:
// search attributes (Temporal must read them), the trace context header of the OpenTelemetry
// interceptors, and the markers' own records (a patch's id; a local activity's sequence number, type
// and times; its result, in `result`, is encrypted).
const SDK_OWN =
  /searchAttributes|indexedFields|header\.fields\._tracer-data|details\.(patch-data|data)\.payloads/;

// Every payload of the history that carries the service's data.
export function payloadsOf(history: History): RawPayload[] {
  const payloads: RawPayload[] = [];
  walk(history, 'history', (path, value) => {
    if (!isPayload(value) || SDK_OWN.test(path)) return;
    const metadata = value.metadata ?? {};
    const keyId = metadata[KEY_ID_METADATA];
    payloads.push({
      path,
      encoding: latin1(metadata.encoding ?? new Uint8Array()),
      keyId: keyId === undefined ? undefined : latin1(keyId),
    });
  });
  return payloads;
}

export const isEncryptedPayload = (payload: RawPayload) => payload.encoding === ENCRYPTED_ENCODING;

function isPayload(value: unknown): value is { metadata?: Record<string, Uint8Array>; data?: Uint8Array } {
  if (typeof value !== 'object' || value === null) return false;
  const metadata = (value as { metadata?: unknown }).metadata;
  return typeof metadata === 'object' && metadata !== null && 'encoding' in metadata;
}

function walk(value: unknown, path: string, visit: (path: string, value: unknown) => void): void {
  visit(path, value);
  if (value instanceof Uint8Array || typeof value !== 'object' || value === null) return;
  for (const [key, child] of Object.entries(value)) {
    walk(child, Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`, visit);
  }
}
