import { Ajv } from 'ajv';
import type { FastifySchemaCompiler } from 'fastify';

// Bodies are JSON, so a body field of the wrong type is the client's mistake and is refused ("2" is
// not a quantity). Query strings, path parameters and headers are text and need coercing to their types.
// Neither strips unknown fields: additionalProperties: false refuses them with a 400.
const body = new Ajv({
  coerceTypes: false,
  removeAdditional: false,
  useDefaults: true,
  allErrors: false,
  strict: false,
});
const text = new Ajv({
  coerceTypes: 'array',
  removeAdditional: false,
  useDefaults: true,
  allErrors: false,
  strict: false,
});

export const validatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? body : text).compile(schema);
