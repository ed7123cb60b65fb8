import type { StockLevel } from './product-stock.js';

// A product's counters next to what its reservations say they should be, counted while no one else
// may change the product (under its lock, for the Mongo adapter).
export interface StockRecount {
  readonly level: StockLevel;
  // HELD reservations of orders still in flight: what `reserved` must hold for them.
  readonly held: number;
  // HELD reservations of orders already released or committed (settled): nothing will end them.
  readonly stranded: number;
  // Ended COMMITTED reservations whose HELD copy has left the product: what `committed` must be.
  readonly committed: number;
  // HELD reservations that also have an ended copy: a move died between its two writes, and the
  // next move of that order finishes it; until then the HELD copy is the truth.
  readonly unfinishedMoves: number;
}

export interface StockDrift {
  readonly productId: string;
  // reserved less all HELD (in flight and stranded); committed less all COMMITTED.
  readonly reserved: number;
  readonly committed: number;
  readonly stranded: number;
}

export function driftOf(recount: StockRecount): StockDrift {
  const { level, held, stranded, committed } = recount;
  return {
    productId: level.productId,
    reserved: level.reserved - held - stranded,
    committed: level.committed - committed,
    stranded,
  };
}

export function hasDrift(drift: StockDrift): boolean {
  return drift.reserved !== 0 || drift.committed !== 0 || drift.stranded !== 0;
}

// The one repair that needs no guess: `reserved` disagrees with the HELD reservations while
// `committed` agrees with the COMMITTED ones and no move is half done. Every unit is on the shelf,
// held or gone; what has gone is proven, what is held is listed, so the rest is on the shelf: the
// counters become exactly that, and the total stocked stays as it was.
// Refused, and left for a person: a committed count that disagrees (were those units shipped?), a
// stranded reservation (release it, or was its order committed while it came back?), a half-done move
// (its order's next move finishes it), or a shelf that would go below zero.
export function provableRepair(recount: StockRecount): StockLevel | null {
  const drift = driftOf(recount);
  if (drift.reserved === 0 || drift.committed !== 0) return null;
  if (recount.stranded !== 0 || recount.unfinishedMoves !== 0) return null;
  const available = recount.level.available + drift.reserved;
  if (available < 0) return null;
  return { ...recount.level, available, reserved: recount.held };
}
