import { requireDate, requireText } from '../shared/require.js';

// How the warehouse sent an order: who carries it and the number to follow it by.
export interface Shipment {
  readonly carrier: string;
  readonly trackingNumber: string;
  readonly shippedAt: string;
}

export function checkShipment(shipment: Shipment): Shipment {
  return {
    carrier: requireText(shipment.carrier, 'carrier', 100),
    trackingNumber: requireText(shipment.trackingNumber, 'trackingNumber', 100),
    shippedAt: requireDate(shipment.shippedAt, 'shippedAt').toISOString(),
  };
}

// The same parcel announced twice: a retry, not a second shipment.
export function sameParcel(a: Shipment, b: Pick<Shipment, 'carrier' | 'trackingNumber'>): boolean {
  return a.carrier === b.carrier && a.trackingNumber === b.trackingNumber;
}
