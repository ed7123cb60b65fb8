import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../support/dependency-rule.js';

const WORKFLOWS = 'src/adapters/temporal/workflows';
// The saga definitions the workflows run: plain data and pure functions, which import at run time only
// each other.
const SAGAS = 'src/application/sagas';
const SAGAS_FROM_WORKFLOWS = '../../../application/sagas/';

// Workflow code is replayed and must decide the same way every time: at run time it may import only
// the workflow SDK, its own folder and the saga definitions; anything else comes in as `import type`.
function runtimeImportsOutsideTheRule(source: string, allowed = workflowImport): string[] {
  const file = ts.createSourceFile('workflow.ts', source, ts.ScriptTarget.Latest);
  return file.statements.flatMap((statement) => {
    if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) return [];
    const specifier = statement.moduleSpecifier;
    if (specifier === undefined || !ts.isStringLiteral(specifier)) return [];
    const typeOnly = ts.isImportDeclaration(statement)
      ? statement.importClause?.isTypeOnly === true
      : statement.isTypeOnly;
    return typeOnly || allowed(specifier.text) ? [] : [specifier.text];
  });
}

function workflowImport(specifier: string): boolean {
  return (
    specifier === '@temporalio/workflow' ||
    specifier.startsWith('./') ||
    specifier.startsWith(SAGAS_FROM_WORKFLOWS)
  );
}

function offendersIn(folder: string, allowed: (specifier: string) => boolean): string[] {
  const files = readdirSync(join(ROOT, folder)).filter((name) => name.endsWith('.ts'));
  return files.flatMap((name) =>
    runtimeImportsOutsideTheRule(readFileSync(join(ROOT, folder, name), 'utf8'), allowed).map(
      (specifier) => `${name} imports ${specifier} at run time`,
    ),
  );
}

describe('the workflow import rule', () => {
  it('holds for the saga definitions, which import at run time only each other', () => {
    expect(offendersIn(SAGAS, (specifier) => specifier.startsWith('./'))).toEqual([]);
  });

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
    "import { orderSagaDefinition } from '../../../application/sagas/order-saga.js';",
  ])('lets through %s', (source) => {
    expect(runtimeImportsOutsideTheRule(source)).toEqual([]);
  });
});
