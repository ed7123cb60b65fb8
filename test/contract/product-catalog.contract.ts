import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProductCatalog } from '../../src/application/ports/product-catalog.js';
import { Product } from '../../src/domain/catalog/product.js';
import { Money } from '../../src/domain/shared/money.js';
import { uniqueName } from '../support/settings.js';

export interface ProductCatalogUnderTest {
  readonly catalog: ProductCatalog;
  stop(): Promise<void>;
}

const aProduct = (id = uniqueName('product'), amount = 4_999, name = `Keyboard ${id}`) =>
  Product.create({ id, name, unitPrice: Money.of(amount, 'EUR') });

const snapshotsOf = (products: readonly Product[]) =>
  products.map((product) => product.toSnapshot()).sort((a, b) => a.id.localeCompare(b.id));

// What every ProductCatalog must do, whatever it keeps the catalogue in. Run against each adapter.
export function productCatalogContract(name: string, start: () => Promise<ProductCatalogUnderTest>): void {
  describe(`${name} (ProductCatalog contract)`, () => {
    let subject: ProductCatalogUnderTest | undefined;
    let catalog: ProductCatalog;
    beforeAll(async () => {
      subject = await start();
      catalog = subject.catalog;
    });
    afterAll(() => subject?.stop());

    it('finds nothing for ids it never stored, or for no ids at all', async () => {
      expect(await catalog.findByIds([uniqueName('product'), uniqueName('product')])).toEqual([]);
      expect(await catalog.findByIds([])).toEqual([]);
    });

    it('reads back the name and the price in minor units of a saved product', async () => {
      const product = aProduct(uniqueName('product'), 90_071_992_547);
      await catalog.save(product);
      expect(snapshotsOf(await catalog.findByIds([product.id]))).toEqual([product.toSnapshot()]);
    });

    it('replaces the name and price of a product saved again', async () => {
      const id = uniqueName('product');
      await catalog.save(aProduct(id, 4_999, 'Keyboard'));
      const renamed = Product.create({ id, name: 'Keyboard, mark II', unitPrice: Money.of(5_500, 'USD') });
      await catalog.save(renamed);
      expect(snapshotsOf(await catalog.findByIds([id]))).toEqual([renamed.toSnapshot()]);
    });

    it('returns the products that exist among the ids, each once', async () => {
      const [a, b] = [aProduct(), aProduct()];
      await catalog.save(a);
      await catalog.save(b);
      const found = await catalog.findByIds([b.id, uniqueName('unknown'), a.id, b.id]);
      expect(snapshotsOf(found)).toEqual(snapshotsOf([a, b]));
    });
  });
}
