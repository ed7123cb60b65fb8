import type { OrderSagaInput } from '../ports/saga-starter.js';
import type { UseCases } from '../use-cases.js';
import type { SagaDefinition } from './saga-definition.js';
import { stepsOver } from './saga-definition.js';

// The saga's activities are its use-cases, by the same names.
type Activities = { [K in keyof UseCases]: UseCases[K]['execute'] };

const { step, undo, wait } = stepsOver<OrderSagaInput, Activities>();
const order = ({ input }: { input: OrderSagaInput }) => ({ orderId: input.orderId });

// The code recorded on an order cancelled at its customer's request while its saga was in flight.
export const CANCELLED_ON_REQUEST = 'ORDER.CANCELLED_ON_REQUEST';
// The code recorded on a confirmed order that was not shipped by its deadline.
export const DEADLINE_PASSED = 'FULFILMENT.DEADLINE_PASSED';
export const DEFAULT_SHIPPING_DEADLINE_SECONDS = 7 * 24 * 60 * 60;

export interface ShipmentNews {
  readonly carrier: string;
  readonly trackingNumber: string;
}

// An order: stored, its stock held, its payment authorized and captured, the stock committed, the order
// confirmed; then shipped by the warehouse before its deadline, and delivered. A step that fails undoes
// every step begun, newest first; so do a cancel before shipment and a missed deadline.
export const orderSagaDefinition: SagaDefinition<OrderSagaInput> = {
  noun: 'order',
  idOf: (input) => input.orderId,
  steps: [
    step('createOrder', 'createPendingOrder', 'database', {
      input: ({ input, sagaId }) => ({ ...input, sagaId }),
      undo: undo(
        'cancelOrder',
        'database',
        ({ input }, failure) => ({ orderId: input.orderId, code: failure.code, reason: failure.reason }),
        'ORDER.NOT_FOUND',
      ),
    }),
    step('reserveStock', 'reserveStock', 'other', {
      input: order,
      undo: undo('releaseStock', 'database', order),
      progress: ({ reservations }) => ({
        reservations: reservations.map((r) => `${r.productId} x${r.quantity} ${r.status}`).join(', '),
      }),
    }),
    step('authorizePayment', 'authorizePayment', 'gateway', {
      // A saved method when the order named one; else the card token, as every saga before methods.
      input: ({ input }) =>
        input.paymentMethodId === undefined
          ? { orderId: input.orderId, cardToken: input.cardToken }
          : { orderId: input.orderId, paymentMethodId: input.paymentMethodId },
      undo: undo('voidOrRefundPayment', 'gateway', order),
      progress: (paid) => ({ paymentId: paid.id, authorizationId: paid.authorizationId ?? '' }),
    }),
    step('capturePayment', 'capturePayment', 'gateway', {
      input: order,
      progress: (paid) => ({ paymentId: paid.id }),
    }),
    step('commitStock', 'commitStock', 'database', { input: order }),
    step('confirmOrder', 'confirmOrder', 'database', { input: order }),
  ],
  // Once the money is being taken, the order goes through: a cancel is refused from here on.
  pointOfNoReturn: 'capturePayment',
  codes: { cancelledOnRequest: CANCELLED_ON_REQUEST, notCancellable: 'ORDER.NOT_CANCELLABLE' },
  afterwards: {
    since: 'fulfilment',
    // The capture's undo is authorizePayment's: voidOrRefundPayment refunds a captured payment.
    undo: [{ undoes: 'commitStock', ...undo('returnCommittedStock', 'database', order) }],
    waits: [
      wait<ShipmentNews, 'shipOrder'>('shipment', 'shipOrder', 'database', {
        input: ({ input }, news) => ({ orderId: input.orderId, ...news }),
        enters: 'SHIPPED',
        same: (a, b) => a.carrier === b.carrier && a.trackingNumber === b.trackingNumber,
        notAwaited: 'ORDER.NOT_SHIPPABLE',
        // The customer may change their mind until the parcel leaves.
        cancellable: true,
        deadline: {
          afterMs: (input) => (input.shippingDeadlineSeconds ?? DEFAULT_SHIPPING_DEADLINE_SECONDS) * 1000,
          code: DEADLINE_PASSED,
          reason: 'not shipped by its shipping deadline',
        },
      }),
      wait<object, 'deliverOrder'>('delivery', 'deliverOrder', 'database', {
        input: order,
        enters: 'DELIVERED',
        same: () => true,
        notAwaited: 'ORDER.NOT_DELIVERABLE',
        cancellable: false,
        deadline: null,
      }),
    ],
  },
  markStuck: {
    activity: 'markCompensationFailed',
    input: ({ input }, stuck) => ({ orderId: input.orderId, code: stuck.code, reason: stuck.reason }),
  },
};
