import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, specifiersIn, violation } from '../../support/dependency-rule.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(c|m)?tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('the dependency rule', () => {
  it('holds: domain/ and application/ import no framework, adapter or composition root', () => {
    const files = [...sourceFiles('src/domain'), ...sourceFiles('src/application')];
    const offenders = files.flatMap((file) =>
      specifiersIn(readFileSync(join(ROOT, file), 'utf8')).flatMap((specifier) => {
        const why = violation(file, specifier);
        return why === undefined ? [] : [`${file} imports ${specifier} (${why})`];
      }),
    );
    expect(files.length).toBeGreaterThan(10);
    expect(offenders).toEqual([]);
  });

  it.each([
    ['src/application/place-order.ts', "import { FastifyInstance } from 'fastify';"],
    ['src/application/place-order.ts', "import type { EntityManager } from '@mikro-orm/core';"],
    ['src/application/place-order.ts', "import { proxyActivities } from '@temporalio/workflow';"],
    ['src/application/place-order.ts', "import { container } from 'tsyringe';"],
    [
      'src/application/place-order.ts',
      "import { InMemoryInventory } from '../adapters/memory/in-memory-inventory.js';",
    ],
    ['src/application/ports/clock.ts', "export { config } from '../../bootstrap/config.js';"],
    ['src/application/place-order.ts', "const m = await import('../adapters/http/app.js');"],
    ['src/domain/order/order.ts', "import type { Clock } from '../../application/ports/clock.js';"],
    ['src/domain/order/order.ts', "import { z } from 'zod';"],
    ['src/domain/order/order.ts', "import { randomUUID } from 'node:crypto';"],
  ])('catches %s doing %s', (file, source) => {
    const [specifier] = specifiersIn(source);
    expect(specifier).toBeDefined();
    expect(violation(file, specifier ?? '')).toBeDefined();
  });

  it.each([
    ['src/application/place-order.ts', "import { Money } from '../domain/shared/money.js';"],
    ['src/domain/order/order.ts', "import type { Money } from '../shared/money.js';"],
    ['src/application/ports/clock.ts', "import { randomUUID } from 'node:crypto';"],
  ])('lets %s do %s', (file, source) => {
    const [specifier] = specifiersIn(source);
    expect(violation(file, specifier ?? '')).toBeUndefined();
  });
});
