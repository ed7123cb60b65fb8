import { encodeSearchAttributeIndexedValueType } from '@temporalio/common/lib/search-attributes.js';
import type { temporal } from '@temporalio/proto';
import { SAGA_SEARCH_ATTRIBUTES } from './workflows/search-attributes.js';

type OperatorService = temporal.api.operatorservice.v1.OperatorService;

type IndexedValueType = temporal.api.enums.v1.IndexedValueType;
const typeOf = (key: (typeof SAGA_SEARCH_ATTRIBUTES)[number]) =>
  encodeSearchAttributeIndexedValueType(key.type) as IndexedValueType;
// How the CLI names each type.
const CLI_TYPE = { KEYWORD: 'Keyword', DATETIME: 'Datetime' } as const;

// A saga that upserts an attribute its namespace does not know fails its workflow task, again and again:
// every order would stall. The worker checks first and refuses to start, naming the fix.
export async function missingSearchAttributes(
  operator: OperatorService,
  namespace: string,
): Promise<string[]> {
  const { customAttributes } = await operator.listSearchAttributes({ namespace });
  return SAGA_SEARCH_ATTRIBUTES.filter((key) => customAttributes[key.name] !== typeOf(key)).map(
    (key) =>
      `temporal operator search-attribute create --namespace ${namespace} --name ${key.name} --type ${CLI_TYPE[key.type]}`,
  );
}

// For servers that start empty, as the time-skipping test server does.
export async function registerSearchAttributes(operator: OperatorService, namespace: string): Promise<void> {
  const searchAttributes = Object.fromEntries(SAGA_SEARCH_ATTRIBUTES.map((key) => [key.name, typeOf(key)]));
  await operator.addSearchAttributes({ namespace, searchAttributes });
}
