import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SmtpMailer } from '../../src/adapters/mail/smtp-mailer.js';
import type { MailMessage } from '../../src/application/ports/mailer.js';
import { freePort } from '../support/free-port.js';
import { SmtpTestServer } from '../support/smtp-test-server.js';

const FROM = 'order-saga <no-reply@shop.example>';
let keys = 0;
const welcome = (text = 'Hello Ada'): MailMessage => {
  keys += 1;
  return { idempotencyKey: `customer/ada-${keys}/welcome`, to: 'ada@example.com', subject: 'Welcome', text };
};

// The SMTP adapter against an SMTP server on a real socket (test/support/smtp-test-server.ts).
describe('SmtpMailer (over SMTP to a server that records what it receives)', () => {
  let server: SmtpTestServer;
  let mailer: SmtpMailer;

  beforeAll(async () => {
    server = await SmtpTestServer.start();
    mailer = new SmtpMailer({ url: server.url('mailer:s%40cret'), from: FROM });
  });
  beforeEach(() => {
    server.heal();
    server.received.length = 0;
  });
  afterAll(() => server.close());

  it('delivers the message: authenticated, the envelope from and to, its subject and text', async () => {
    await mailer.send(welcome('Hello Ada,\n.a line that starts with a dot\nbye'));
    expect(server.received).toHaveLength(1);
    const [mail] = server.received;
    expect(mail).toMatchObject({
      auth: '\0mailer\0s@cret',
      from: 'no-reply@shop.example',
      to: ['ada@example.com'],
    });
    expect(mail?.data).toMatch(/^Subject: Welcome$/m);
    expect(mail?.data).toMatch(/^Message-ID: <[0-9a-f]{32}@order-saga>$/m);
    expect(mail?.data.split('\n\n').slice(1).join('\n\n')).toBe(
      'Hello Ada,\n.a line that starts with a dot\nbye',
    );
  });

  it('sends a message once, however often it is sent with the same key', async () => {
    const message = welcome();
    await mailer.send(message);
    await mailer.send(message);
    expect(server.received).toHaveLength(1);
  });

  it('keeps a line break in the subject from adding a header', async () => {
    await mailer.send({ ...welcome(), subject: 'Welcome\r\nBcc: everyone@example.com' });
    expect(server.received[0]?.data).not.toMatch(/^Bcc:/m);
  });

  it.each([
    ['RCPT', '550 5.1.1 no such mailbox'],
    ['MAIL', '553 5.7.1 sender refused'],
    ['END', '554 5.7.1 message refused as spam'],
  ] as const)(
    'refuses for good (MAIL.REJECTED) a 5xx answer to %s, and nothing is delivered',
    async (verb, reply) => {
      server.answer(verb, reply);
      await expect(mailer.send(welcome())).rejects.toMatchObject({ code: 'MAIL.REJECTED', reply });
      expect(server.received).toEqual([]);
    },
  );

  it.each([
    ['MAIL', '421 4.3.2 service not available, closing'],
    ['RCPT', '450 4.2.1 mailbox busy, try later'],
    ['DATA', '451 4.3.0 local error'],
  ] as const)(
    'fails a 4xx answer to %s as a transient fault, and a retry delivers once the server is well',
    async (verb, reply) => {
      server.answer(verb, reply);
      const message = welcome();
      await expect(mailer.send(message)).rejects.toMatchObject({ code: 'TRANSIENT.DEPENDENCY_UNAVAILABLE' });
      server.heal();
      await mailer.send(message);
      expect(server.received).toHaveLength(1);
    },
  );

  it('fails as a transient fault when no server answers', async () => {
    const nobody = new SmtpMailer({ url: `smtp://127.0.0.1:${await freePort()}`, from: FROM });
    await expect(nobody.send(welcome())).rejects.toMatchObject({ code: 'TRANSIENT.DEPENDENCY_UNAVAILABLE' });
  });
});
