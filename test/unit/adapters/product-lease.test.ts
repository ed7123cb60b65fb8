import { ObjectId } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { ProductLease } from '../../../src/adapters/mongo/product-lease.js';

describe('ProductLease', () => {
  it('bounds each write by the time left before its deadline', () => {
    const lease = new ProductLease('p-1', new ObjectId(), performance.now() + 1_000);
    const { timeoutMS } = lease.write();
    expect(timeoutMS).toBeGreaterThan(0);
    expect(timeoutMS).toBeLessThanOrEqual(1_000);
  });

  it('refuses a write once the deadline has passed, as a transient fault the step retries', () => {
    const lease = new ProductLease('p-1', new ObjectId(), performance.now() - 1);
    expect(() => lease.write()).toThrow(
      expect.objectContaining({
        code: 'TRANSIENT.CONCURRENT_MODIFICATION',
        message: expect.stringMatching(/ran out/),
      }),
    );
  });

  it('tells a product still fenced by this holder from one another holder took over', () => {
    const fence = new ObjectId();
    const lease = new ProductLease('p-1', fence, performance.now() + 1_000);
    expect(lease.mine).toEqual({ productId: 'p-1', fence });
    expect(() => lease.assertHeld({ fence: new ObjectId(fence.toHexString()) })).not.toThrow();
    expect(() => lease.assertHeld(null)).not.toThrow();
    expect(() => lease.assertHeld({ fence: new ObjectId() })).toThrow(/took it over/);
    expect(() => lease.assertHeld({})).toThrow(/took it over/);
  });
});
