import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

// Part of `npm run sdk:generate`: which credentials each operation of openapi.yaml takes, so that the
// client sends a credential only where the document says it is taken. An argument writes elsewhere.
const root = new URL('../', import.meta.url);
const target = process.argv[2] ?? fileURLToPath(new URL('packages/client/src/operations.gen.ts', root));

type Operation = { operationId: string; security?: Record<string, string[]>[] };
const document = parse(await readFile(new URL('openapi.yaml', root), 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
  security?: Record<string, string[]>[];
};

const lines = Object.entries(document.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, operation]) => {
    const schemes = (operation.security ?? document.security ?? []).flatMap((entry) => Object.keys(entry));
    return `  '${method.toUpperCase()} ${path}': ${JSON.stringify(schemes)},`;
  }),
);

await writeFile(
  target,
  `// Generated from openapi.yaml by \`npm run sdk:generate\`; do not edit.
// The security schemes each operation takes, by "METHOD /path" as the document writes the path.
export const OPERATION_SCHEMES: Readonly<Record<string, readonly ('customerToken' | 'apiKey')[]>> = {
${lines.join('\n').replaceAll('"', "'")}
};
`,
);
console.log(`wrote ${target}`);
