import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../support/dependency-rule.js';

const WORKFLOWS = 'src/adapters/temporal/workflows';

// Workflow code is replayed and must decide the same way every time: at run time it may import only
// the workflow SDK and its own folder; anything else it needs comes in as `import type`.
function runtimeImportsOutsideTheRule(source: string): string[] {
  const file = ts.createSourceFile('workflow.ts', source, ts.ScriptTarget.Latest);
  return file.statements.flatMap((statement) => {
    if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) return [];
    const specifier = statement.moduleSpecifier;
    if (specifier === undefined || !ts.isStringLiteral(specifier)) return [];
    const typeOnly = ts.isImportDeclaration(statement)
      ? statement.importClause?.isTypeOnly === true
      : statement.isTypeOnly;
    const allowed = specifier.text === '@temporalio/workflow' || specifier.text.startsWith('./');
    return typeOnly || allowed ? [] : [specifier.text];
  });
}

describe('the workflow import rule', () => {
  it('holds for every file under workflows/', () => {
    const files = readdirSync(join(ROOT, WORKFLOWS)).filter((name) => name.endsWith('.ts'));
    const offenders = files.flatMap((name) =>
      runtimeImportsOutsideTheRule(readFileSync(join(ROOT, WORKFLOWS, name), 'utf8')).map(
        (specifier) => `${name} imports ${specifier} at run time`,
      ),
    );
    expect(files.length).toBeGreaterThan(3);
    expect(offenders).toEqual([]);
  });

  it.each([
    "import { Client } from '@temporalio/client';",
    "import { createActivities } from '../activities.js';",
    "import { randomUUID } from 'node:crypto';",
    "export { Money } from '../../../domain/shared/money.js';",
  ])('catches %s', (source) => {
    expect(runtimeImportsOutsideTheRule(source)).toHaveLength(1);
  });

  it.each([
    "import { proxyActivities } from '@temporalio/workflow';",
    "import type { SagaActivities } from '../activities.js';",
    "import { SagaRecord } from './saga-record.js';",
  ])('lets through %s', (source) => {
    expect(runtimeImportsOutsideTheRule(source)).toEqual([]);
  });
});
