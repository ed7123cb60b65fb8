import type { DataConverter, PayloadCodec } from '@temporalio/common';
import { AesGcmPayloadCodec, type PayloadKey } from './payload-codec.js';

// The one data converter of every Temporal client and worker of the service (and of its tests): JSON
// payloads, encrypted by the payload codec on their way to Temporal. A process that builds a Client or
// Worker without it writes card tokens into histories in clear, or cannot read the sagas it runs.
export function dataConverterOf(keys: readonly PayloadKey[]): DataConverter {
  return { payloadCodecs: [payloadCodecOf(keys)] };
}

// The same codec, for the codec endpoint that the Temporal Web UI calls.
export function payloadCodecOf(keys: readonly PayloadKey[]): PayloadCodec {
  return new AesGcmPayloadCodec(keys);
}
