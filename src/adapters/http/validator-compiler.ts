import { Ajv } from 'ajv';
import type { FastifySchemaCompiler } from 'fastify';

// Bodies are JSON, so a body field of the wrong type is the client's mistake and is refused ("2" is
// not a quantity). Query strings, path parameters and headers are text and need coercing to their types.
// Neither strips unknown fields: additionalProperties: false refuses them with a 400.
// One pair per app, holding the app's shared schemas, so that a route may $ref a named component
// (a request body, OrderStatus) as the OpenAPI document names it.
export function validatorCompilerOf(shared: () => Record<string, unknown>): FastifySchemaCompiler<object> {
  let compilers: { body: Ajv; text: Ajv } | undefined;
  const ajvs = () => {
    if (compilers !== undefined) return compilers;
    const options = { removeAdditional: false, useDefaults: true, allErrors: false, strict: false } as const;
    const schemas = Object.values(shared()) as object[];
    compilers = {
      body: new Ajv({ ...options, coerceTypes: false, schemas }),
      text: new Ajv({ ...options, coerceTypes: 'array', schemas }),
    };
    return compilers;
  };
  return ({ schema, httpPart }) => (httpPart === 'body' ? ajvs().body : ajvs().text).compile(schema);
}
