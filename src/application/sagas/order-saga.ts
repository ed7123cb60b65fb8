import type { OrderSagaInput } from '../ports/saga-starter.js';
import type { UseCases } from '../use-cases.js';
import type { SagaDefinition } from './saga-definition.js';
import { stepsOver } from './saga-definition.js';

// The saga's activities are its use-cases, by the same names.
type Activities = { [K in keyof UseCases]: UseCases[K]['execute'] };

const { step, undo } = stepsOver<OrderSagaInput, Activities>();
const order = ({ input }: { input: OrderSagaInput }) => ({ orderId: input.orderId });

// The code recorded on an order cancelled at its customer's request while its saga was in flight.
export const CANCELLED_ON_REQUEST = 'ORDER.CANCELLED_ON_REQUEST';

// An order: stored, its stock held, its payment authorized and captured, the stock committed, the order
// confirmed. A step that fails undoes every step begun, newest first.
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
  markStuck: {
    activity: 'markCompensationFailed',
    input: ({ input }, stuck) => ({ orderId: input.orderId, code: stuck.code, reason: stuck.reason }),
  },
};
