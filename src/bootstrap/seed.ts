import type { ProductSnapshot } from '../domain/catalog/product.js';
import { ConfigError, loadConfig } from './config.js';
import { createContainer } from './container.js';

// `npm run seed`: the demo catalogue of the dev run and the README's curl session. Safe to run at every
// start: prices are set (not added) and stock is topped up to its level, never past it.
const DEMO_CATALOGUE: readonly (ProductSnapshot & { readonly stock: number })[] = [
  { id: 'kb-ergo', name: 'Ergonomic keyboard', unitPrice: { amount: 8999, currency: 'EUR' }, stock: 50 },
  { id: 'mouse-wireless', name: 'Wireless mouse', unitPrice: { amount: 2999, currency: 'EUR' }, stock: 100 },
  { id: 'monitor-27', name: '27-inch monitor', unitPrice: { amount: 24_900, currency: 'EUR' }, stock: 10 },
  { id: 'cable-usbc', name: 'USB-C cable', unitPrice: { amount: 999, currency: 'EUR' }, stock: 500 },
  // None in stock: an order of it is cancelled with STOCK.INSUFFICIENT.
  { id: 'webcam-4k', name: '4K webcam', unitPrice: { amount: 12_900, currency: 'EUR' }, stock: 0 },
];

async function main(): Promise<void> {
  const resources = createContainer(loadConfig());
  try {
    await resources.prepare();
    const { registerProduct, getProductStock, restockProduct } = resources.useCases;
    for (const { stock, ...product } of DEMO_CATALOGUE) {
      await registerProduct.execute(product);
      const { available } = await getProductStock.execute({ productId: product.id });
      if (available < stock)
        await restockProduct.execute({ productId: product.id, quantity: stock - available });
      console.log(
        `seed: ${product.id} at ${product.unitPrice.amount} ${product.unitPrice.currency}, ${Math.max(available, stock)} available`,
      );
    }
  } finally {
    await resources.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `seeding failed: ${String(error)}`);
  process.exit(1);
});
