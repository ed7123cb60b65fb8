import { randomBytes } from 'node:crypto';
import { defaultPayloadConverter } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import {
  AesGcmPayloadCodec,
  KEY_ID_METADATA,
  type PayloadKey,
} from '../../../src/adapters/temporal/payload-codec.js';

const key = (id: string): PayloadKey => ({ id, secret: new Uint8Array(randomBytes(32)) });
const input = { orderId: 'o-1', customerId: 'c-1', cardToken: 'tok_visa' };
const payloadOf = (value: unknown) => defaultPayloadConverter.toPayload(value);
const utf8 = (bytes: Uint8Array | null | undefined) => new TextDecoder().decode(bytes ?? new Uint8Array());

describe('the AES-256-GCM payload codec', () => {
  it('gives back what it encrypted, and the ciphertext shows neither the value nor its encoding', async () => {
    const codec = new AesGcmPayloadCodec([key('k1')]);
    const [encrypted] = await codec.encode([payloadOf(input)]);

    expect(Buffer.from(encrypted?.data ?? []).toString('latin1')).not.toContain('tok_visa');
    expect(utf8(encrypted?.metadata?.encoding)).toBe('binary/encrypted');
    expect(utf8(encrypted?.metadata?.[KEY_ID_METADATA])).toBe('k1');
    const [decrypted] = await codec.decode(encrypted === undefined ? [] : [encrypted]);
    expect(defaultPayloadConverter.fromPayload(decrypted ?? {})).toEqual(input);
  });

  it('encrypts with the first key and still decrypts what an older key encrypted', async () => {
    const old = key('2026-01');
    const written = await new AesGcmPayloadCodec([old]).encode([payloadOf(input)]);
    const rotated = new AesGcmPayloadCodec([key('2026-06'), old]);

    const [fresh] = await rotated.encode([payloadOf(input)]);
    expect(utf8(fresh?.metadata?.[KEY_ID_METADATA])).toBe('2026-06');
    const [decrypted] = await rotated.decode(written);
    expect(defaultPayloadConverter.fromPayload(decrypted ?? {})).toEqual(input);
  });

  it('refuses a payload of a key it does not hold, naming the key', async () => {
    const written = await new AesGcmPayloadCodec([key('retired')]).encode([payloadOf(input)]);
    const codec = new AesGcmPayloadCodec([key('current')]);

    await expect(codec.decode(written)).rejects.toThrow(
      /key "retired".*not among TEMPORAL_PAYLOAD_KEYS \(current\)/,
    );
  });

  it('refuses a ciphertext changed by one bit', async () => {
    const codec = new AesGcmPayloadCodec([key('k1')]);
    const [encrypted] = await codec.encode([payloadOf(input)]);
    const data = Uint8Array.from(encrypted?.data ?? []);
    data[20] = (data[20] ?? 0) ^ 1;

    await expect(codec.decode([{ ...encrypted, data }])).rejects.toThrow(/does not decrypt/);
  });

  it('refuses a payload whose key id was swapped for another key it holds', async () => {
    const [one, two] = [key('one'), key('two')];
    const [encrypted] = await new AesGcmPayloadCodec([one]).encode([payloadOf(input)]);
    const relabelled = {
      ...encrypted,
      metadata: { ...encrypted?.metadata, [KEY_ID_METADATA]: new TextEncoder().encode('two') },
    };

    await expect(new AesGcmPayloadCodec([two, one]).decode([relabelled])).rejects.toThrow(/does not decrypt/);
  });

  it('passes a payload written before the codec through unchanged', async () => {
    const plain = payloadOf(input);
    const [decoded] = await new AesGcmPayloadCodec([key('k1')]).decode([plain]);

    expect(decoded).toBe(plain);
  });
});
