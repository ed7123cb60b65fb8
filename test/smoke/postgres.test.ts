import { defineEntity, MikroORM, p } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '../support/settings.js';

const SmokeNote = defineEntity({
  name: 'SmokeNote',
  tableName: 'smoke_note',
  properties: {
    id: p.integer().primary().autoincrement(),
    body: p.string(),
    amountMinor: p.bigint('bigint'),
  },
});

describe('PostgreSQL through MikroORM', () => {
  let orm: MikroORM;

  beforeAll(async () => {
    orm = await MikroORM.init({ clientUrl: testConfig().databaseUrl, entities: [SmokeNote], debug: false });
    // safe: create what is missing, never drop the tables of the other suites sharing this database.
    await orm.schema.update({ safe: true });
  });

  afterAll(async () => {
    await orm?.close(true);
  });

  it('writes a row and reads it back in a fresh unit of work', async () => {
    const body = `hello ${Date.now()}`;
    const writer = orm.em.fork();
    const note = writer.create(SmokeNote, { body, amountMinor: 1999n });
    await writer.flush();

    const reader = orm.em.fork();
    const found = await reader.findOneOrFail(SmokeNote, { id: note.id });
    expect(found.body).toBe(body);
    expect(found.amountMinor).toBe(1999n);
  });

  it('reports the server it talked to', async () => {
    const [row] = await orm.em.fork().execute<{ version: string }[]>('select version() as version');
    expect(row?.version).toMatch(/^PostgreSQL \d+/);
  });
});
