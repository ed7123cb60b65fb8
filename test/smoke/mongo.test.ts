import { defineEntity, MikroORM, p } from '@mikro-orm/mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig, uniqueName } from '../support/settings.js';

const SmokeProduct = defineEntity({
  name: 'SmokeProduct',
  collection: 'smoke_products',
  properties: {
    _id: p.type('ObjectId').primary(),
    sku: p.string(),
    availableStock: p.integer(),
    reservedStock: p.integer(),
  },
});

interface ProductDocument {
  sku: string;
  availableStock: number;
  reservedStock: number;
  reservations: { orderId: string; quantity: number }[];
}

describe('MongoDB wire protocol (FerretDB) through MikroORM', () => {
  let orm: MikroORM;

  beforeAll(async () => {
    orm = await MikroORM.init({ clientUrl: testConfig().mongodbUrl, entities: [SmokeProduct], debug: false });
  });

  afterAll(async () => {
    await orm?.close(true);
  });

  it('reserves with one conditional findOneAndUpdate and refuses when stock runs out', async () => {
    const products = orm.em.fork().getConnection().getCollection<ProductDocument>('smoke_products');
    const sku = uniqueName('sku');
    await products.insertOne({ sku, availableStock: 3, reservedStock: 0, reservations: [] });

    const reserve = (orderId: string, quantity: number) =>
      products.findOneAndUpdate(
        { sku, availableStock: { $gte: quantity } },
        {
          $inc: { availableStock: -quantity, reservedStock: quantity },
          $push: { reservations: { orderId, quantity } },
        },
        { returnDocument: 'after' },
      );

    const first = await reserve('order-1', 2);
    expect(first).toMatchObject({
      availableStock: 1,
      reservedStock: 2,
      reservations: [{ orderId: 'order-1', quantity: 2 }],
    });

    const refused = await reserve('order-2', 2);
    expect(refused).toBeNull();

    const after = await products.findOne({ sku });
    expect(after).toMatchObject({ availableStock: 1, reservedStock: 2 });
    expect(after?.reservations).toHaveLength(1);
  });

  it('maps a document through the entity manager', async () => {
    const em = orm.em.fork();
    const sku = uniqueName('entity');
    em.create(SmokeProduct, { sku, availableStock: 5, reservedStock: 0 });
    await em.flush();

    const found = await orm.em.fork().findOneOrFail(SmokeProduct, { sku });
    expect(found.availableStock).toBe(5);
  });
});
