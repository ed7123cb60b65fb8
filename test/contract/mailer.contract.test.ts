import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileMailCatcher } from '../../src/adapters/mail/file-mail-catcher.js';
import { InMemoryMailer } from '../../src/adapters/memory/in-memory-mailer.js';
import type { Mailer, MailMessage } from '../../src/application/ports/mailer.js';

interface MailerUnderTest {
  readonly mailer: Mailer;
  outbox(): Promise<readonly MailMessage[]>;
  stop(): Promise<void>;
}

const welcome = (key: string): MailMessage => ({
  idempotencyKey: key,
  to: 'ada@example.com',
  subject: 'Welcome',
  text: 'Hello Ada',
});

function mailerContract(name: string, start: () => Promise<MailerUnderTest>): void {
  describe(`${name} (Mailer contract)`, () => {
    let subject: MailerUnderTest;
    beforeAll(async () => {
      subject = await start();
    });
    afterAll(() => subject.stop());

    it('sends a message once, however often it is sent with the same key', async () => {
      await subject.mailer.send(welcome('welcome/1'));
      await subject.mailer.send(welcome('welcome/1'));
      await subject.mailer.send(welcome('welcome/2'));
      const sent = await subject.outbox();
      expect(sent.map((message) => message.idempotencyKey)).toEqual(['welcome/1', 'welcome/2']);
      expect(sent[0]).toMatchObject(welcome('welcome/1'));
    });
  });
}

mailerContract('InMemoryMailer', async () => {
  const mailer = new InMemoryMailer();
  return { mailer, outbox: async () => mailer.outbox(), stop: async () => undefined };
});

mailerContract('FileMailCatcher', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'mail-'));
  const mailer = new FileMailCatcher(join(folder, 'mail', 'outbox.jsonl'));
  return { mailer, outbox: () => mailer.outbox(), stop: () => rm(folder, { recursive: true, force: true }) };
});
