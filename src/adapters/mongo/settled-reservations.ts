import type { MikroORM } from '@mikro-orm/mongodb';
import type { Collection } from 'mongodb';
import type { Reservation } from '../../domain/stock/reservation.js';

// A reservation that has ended (COMMITTED or RELEASED, and COMMITTED stock that came back: RETURNED) leaves its product's document for a document of
// its own here, so that a product's document holds only what is in flight and stays small: FerretDB 1.x
// rewrites the whole document on every update and parses it on every filter (measured with the driver:
// 2 ms an update with no reservations, 11 ms with 200; bench/README.md).
// It is written before the reservation leaves the product, under the product's lock; while both exist
// the product's HELD copy is the truth (the move was not finished) and the next move overwrites this one.
export const SETTLED_RESERVATIONS = 'settled_reservations';

export interface SettledReservationDocument {
  readonly _id: string;
  readonly orderId: string;
  readonly productId: string;
  readonly quantity: number;
  readonly status: 'COMMITTED' | 'RELEASED' | 'RETURNED';
  // When the reservation ended; absent on documents written before it was recorded, which the
  // maintenance workflow dates when it first finds them (settled-retention.ts).
  readonly settledAt?: Date;
}

export function settledReservationsIn(orm: MikroORM): Collection<SettledReservationDocument> {
  return orm.em.getConnection().getCollection<SettledReservationDocument>(SETTLED_RESERVATIONS);
}

// One per order and product, found by a lone _id (the only filter FerretDB 1.x answers from an index).
// JSON keeps any two ids apart, whatever characters they hold.
export function settledIdOf(orderId: string, productId: string): string {
  return JSON.stringify([orderId, productId]);
}

export function findSettled(
  settled: Collection<SettledReservationDocument>,
  orderId: string,
  productId: string,
): Promise<SettledReservationDocument | null> {
  return settled.findOne({ _id: settledIdOf(orderId, productId) });
}

export async function recordSettled(
  settled: Collection<SettledReservationDocument>,
  reservation: Reservation,
  settledAt: Date,
): Promise<void> {
  const { orderId, productId, quantity, status } = reservation;
  if (status === 'HELD') throw new Error(`Reservation of ${orderId} on ${productId} has not ended`);
  const _id = settledIdOf(orderId, productId);
  await settled.replaceOne({ _id }, { orderId, productId, quantity, status, settledAt }, { upsert: true });
}

// Left by a move that died between its two writes, and undone by an unreserve: it must not outlive
// the HELD reservation it was about to replace.
// Returns how many went (0 or 1).
export async function forgetSettled(
  settled: Collection<SettledReservationDocument>,
  orderId: string,
  productId: string,
): Promise<number> {
  return (await settled.deleteOne({ _id: settledIdOf(orderId, productId) })).deletedCount;
}
