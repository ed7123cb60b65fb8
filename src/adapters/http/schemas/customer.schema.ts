import { Type } from '@sinclair/typebox';
import { CUSTOMER_STATUSES } from '../../../domain/customer/customer.js';
import { Id, Timestamp } from './common.schema.js';

const CustomerIdSchema = Id("The customer's id: the subject of their token.", 'customer-42');

export const CustomerParams = Type.Object({ customerId: CustomerIdSchema }, { additionalProperties: false });

export const RegisterCustomerBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200, examples: ['Ada Lovelace'] }),
    email: Type.String({ minLength: 3, maxLength: 254, examples: ['ada@example.com'] }),
    cardToken: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'The card to keep at the gateway as the customer’s payment method.',
      examples: ['tok_visa'],
    }),
  },
  {
    $id: 'RegisterCustomerRequest',
    additionalProperties: false,
    description: 'Who the customer is and the card they will pay with.',
    examples: [{ name: 'Ada Lovelace', email: 'ada@example.com', cardToken: 'tok_visa' }],
  },
);

export const CustomerAcceptedSchema = Type.Object(
  { customerId: CustomerIdSchema, sagaId: Type.String({ description: 'The registration saga.' }) },
  {
    $id: 'CustomerAccepted',
    additionalProperties: false,
    examples: [{ customerId: 'customer-42', sagaId: 'customer-customer-42' }],
  },
);

export const CustomerSchema = Type.Object(
  {
    id: CustomerIdSchema,
    name: Type.String(),
    email: Type.String(),
    status: Type.Union(
      CUSTOMER_STATUSES.map((status) => Type.Literal(status)),
      { description: 'DELETED when the registration was undone (the card refused, say).' },
    ),
    paymentMethodId: Type.Union([Type.String(), Type.Null()], {
      description: 'The card the gateway keeps for the customer; null until it is kept, or once removed.',
    }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  {
    $id: 'Customer',
    additionalProperties: false,
    examples: [
      {
        id: 'customer-42',
        name: 'Ada Lovelace',
        email: 'ada@example.com',
        status: 'ACTIVE',
        paymentMethodId: 'pm_0f1e2d3c',
        createdAt: '2025-01-01T12:00:00.000Z',
        updatedAt: '2025-01-01T12:00:00.500Z',
      },
    ],
  },
);

export const sharedCustomerSchemas = [RegisterCustomerBody, CustomerAcceptedSchema, CustomerSchema];
