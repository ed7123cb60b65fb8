// Generated from openapi.yaml by `npm run sdk:generate`; do not edit.
// The security schemes each operation takes, by "METHOD /path" as the document writes the path.
export const OPERATION_SCHEMES: Readonly<Record<string, readonly ('customerToken' | 'apiKey')[]>> = {
  'GET /health/live': [],
  'GET /health/ready': [],
  'POST /orders': ['customerToken'],
  'GET /orders': ['customerToken','apiKey'],
  'GET /orders/{orderId}': ['customerToken','apiKey'],
  'POST /orders/{orderId}/cancel': ['customerToken'],
  'POST /orders/{orderId}/compensation/retry': ['apiKey'],
  'POST /orders/{orderId}/shipment': ['apiKey'],
  'POST /orders/{orderId}/delivery': ['apiKey'],
  'PUT /products/{productId}': ['apiKey'],
  'GET /products/{productId}': [],
  'POST /products/{productId}/restock': ['apiKey'],
  'GET /products/{productId}/stock': [],
  'POST /customers': ['customerToken'],
  'GET /customers/{customerId}': ['customerToken','apiKey'],
};
