// Registers a product and puts `quantity` units of it on the shelf, through the API's catalogue writes, as
// a harness (bench, chaos run) sets up its own products.
export async function stockProduct(
  baseUrl: string,
  adminKey: string,
  product: { id: string; name: string; unitPrice: number; quantity: number },
): Promise<void> {
  await admin(baseUrl, adminKey, 'PUT', `/products/${product.id}`, {
    name: product.name,
    unitPrice: { amount: product.unitPrice, currency: 'EUR' },
  });
  if (product.quantity > 0)
    await admin(baseUrl, adminKey, 'POST', `/products/${product.id}/restock`, { quantity: product.quantity });
}

async function admin(baseUrl: string, adminKey: string, method: string, path: string, body: unknown) {
  const answer = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-api-key': adminKey },
    body: JSON.stringify(body),
  });
  if (!answer.ok) throw new Error(`${method} ${path}: ${answer.status} ${await answer.text()}`);
}
