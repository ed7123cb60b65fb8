import { createCipheriv, createDecipheriv, createSecretKey, type KeyObject, randomBytes } from 'node:crypto';
import type { Payload, PayloadCodec } from '@temporalio/common';
import proto from '@temporalio/proto';

// One AES-256 key of the payload codec, named by an id that travels with every payload it encrypts.
export interface PayloadKey {
  readonly id: string;
  readonly secret: Uint8Array;
}

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA = 'encryption-key-id';
// A CommonJS module: Node's ESM loader sees only its default export.
const { Payload: ProtoPayload } = proto.temporal.api.common.v1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

const text = new TextEncoder();
const utf8 = new TextDecoder();

// Encrypts every workflow and activity payload (a saga's input holds the customer's card token) with
// AES-256-GCM before it leaves the process, so Temporal's histories hold ciphertext only. The first key
// encrypts; any listed key decrypts, so a key can be rotated without stranding the histories it wrote.
// A payload without this encoding (written before the codec) passes through unchanged.
// Format as Temporal's encryption samples: metadata {encoding: binary/encrypted, encryption-key-id},
// data = IV | ciphertext | tag of the protobuf-encoded original payload; the key id is authenticated too.
export class AesGcmPayloadCodec implements PayloadCodec {
  // As KeyObjects, made once: a raw key given to createCipheriv is turned into one on every call.
  private readonly keys: ReadonlyMap<string, KeyObject>;
  private readonly current: { readonly id: string; readonly secret: KeyObject };

  constructor(keys: readonly PayloadKey[]) {
    const [current] = keys;
    if (current === undefined) throw new Error('the payload codec needs at least one key');
    for (const key of keys) {
      if (key.secret.length !== 32) throw new Error(`payload key ${key.id} must be 32 bytes (AES-256)`);
    }
    this.keys = new Map(keys.map((key) => [key.id, createSecretKey(key.secret)]));
    this.current = { id: current.id, secret: createSecretKey(current.secret) };
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => this.encrypt(payload));
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => (isEncrypted(payload) ? this.decrypt(payload) : payload));
  }

  private encrypt(payload: Payload): Payload {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.secret, iv);
    cipher.setAAD(text.encode(this.current.id));
    const plain = ProtoPayload.encode(payload).finish();
    const sealed = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    return {
      metadata: {
        encoding: text.encode(ENCRYPTED_ENCODING),
        [KEY_ID_METADATA]: text.encode(this.current.id),
      },
      data: sealed,
    };
  }

  private decrypt(payload: Payload): Payload {
    const keyId = utf8.decode(payload.metadata?.[KEY_ID_METADATA] ?? new Uint8Array());
    const secret = this.keys.get(keyId);
    if (secret === undefined) {
      throw new PayloadKeyUnknown(keyId, [...this.keys.keys()]);
    }
    const sealed = payload.data ?? new Uint8Array();
    if (sealed.length < IV_BYTES + TAG_BYTES) throw new PayloadDecryptionFailed(keyId);
    const decipher = createDecipheriv('aes-256-gcm', secret, sealed.subarray(0, IV_BYTES));
    decipher.setAAD(text.encode(keyId));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG_BYTES));
    let plain: Buffer;
    try {
      plain = Buffer.concat([
        decipher.update(sealed.subarray(IV_BYTES, sealed.length - TAG_BYTES)),
        decipher.final(),
      ]);
    } catch {
      throw new PayloadDecryptionFailed(keyId);
    }
    return ProtoPayload.decode(plain);
  }
}

export function isEncrypted(payload: Payload): boolean {
  const encoding = payload.metadata?.encoding;
  return encoding !== undefined && encoding !== null && utf8.decode(encoding) === ENCRYPTED_ENCODING;
}

export class PayloadKeyUnknown extends Error {
  constructor(keyId: string, known: readonly string[]) {
    super(
      `a payload is encrypted with key "${keyId}", which is not among TEMPORAL_PAYLOAD_KEYS (${known.join(', ')}); ` +
        'keep a retired key listed until no history holds payloads written with it',
    );
    this.name = 'PayloadKeyUnknown';
  }
}

export class PayloadDecryptionFailed extends Error {
  constructor(keyId: string) {
    super(
      `a payload encrypted with key "${keyId}" does not decrypt: tampered with, or another key of that id`,
    );
    this.name = 'PayloadDecryptionFailed';
  }
}
