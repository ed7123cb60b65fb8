import type { onRequestHookHandler } from 'fastify';
import { allow } from './authentication.plugin.js';

// The guard of the warehouse's routes (picking, packing, shipping), which the fulfilment issue adds:
// `onRequest: warehouseOnly` and `security: [API_KEY]` on each.
export const warehouseOnly: onRequestHookHandler = allow({ scopes: ['warehouse:fulfil'] });
