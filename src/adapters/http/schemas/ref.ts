import { type Static, type TSchema, Type } from '@sinclair/typebox';

// A reference to a shared schema (registered with app.addSchema): the OpenAPI document shows it as one
// named component, which gives generated SDKs a named type, while the route keeps the schema's static type.
export function ref<T extends TSchema>(schema: T) {
  if (schema.$id === undefined) throw new Error('only a schema with an $id can be referenced');
  return Type.Unsafe<Static<T>>({ $ref: `${schema.$id}#` });
}
