import { createHash } from 'node:crypto';
import { hostname } from 'node:os';
import type { Mailer, MailMessage } from '../../application/ports/mailer.js';
import { DependencyUnavailable } from '../../application/transient-fault.js';
import { MailRejected } from '../../domain/mail/mail-rejected.js';
import { type SmtpReply, SmtpSession } from './smtp-session.js';

export interface SmtpMailerOptions {
  // smtp://[user:password@]host[:port] (plain, port 25) or smtps://... (TLS, port 465).
  readonly url: string;
  readonly from: string;
  readonly timeoutMs?: number;
}

// The Mailer over an SMTP server: EHLO, AUTH PLAIN when the URL has credentials, MAIL FROM, RCPT TO,
// DATA. A 4xx reply or no connection is a transient fault (retried); a 5xx is MAIL.REJECTED (final).
// SMTP has no idempotency key: a key already sent by this process is not sent again, and the
// Message-ID derived from the key lets a receiving server or client drop the duplicate that a retry
// after a lost answer may deliver.
export class SmtpMailer implements Mailer {
  private readonly url: URL;
  private readonly from: string;
  private readonly timeoutMs: number;
  private readonly sent = new Set<string>();

  constructor(options: SmtpMailerOptions) {
    this.url = new URL(options.url);
    if (this.url.protocol !== 'smtp:' && this.url.protocol !== 'smtps:') {
      throw new RangeError(`an SMTP URL is smtp:// or smtps://, got ${this.url.protocol}`);
    }
    this.from = options.from;
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  async send(message: MailMessage): Promise<void> {
    if (this.sent.has(message.idempotencyKey)) return;
    const session = SmtpSession.open(this.url, this.timeoutMs);
    try {
      await this.deliver(session, message);
    } catch (error) {
      if (error instanceof MailRejected || error instanceof DependencyUnavailable) throw error;
      throw new DependencyUnavailable('mail server', { cause: error });
    } finally {
      session.close();
    }
    this.sent.add(message.idempotencyKey);
  }

  private async deliver(session: SmtpSession, message: MailMessage): Promise<void> {
    const expect = async (reply: Promise<SmtpReply>, ...codes: number[]) => {
      const answer = await reply;
      if (codes.includes(answer.code)) return;
      if (answer.code >= 500 && answer.code < 600) throw new MailRejected(message.to, answer.text);
      throw new DependencyUnavailable('mail server', { cause: new Error(answer.text) });
    };
    await expect(session.reply(), 220);
    await expect(session.command(`EHLO ${hostname() || 'localhost'}`), 250);
    if (this.url.username !== '') {
      const user = decodeURIComponent(this.url.username);
      const password = decodeURIComponent(this.url.password);
      const plain = Buffer.from(`\0${user}\0${password}`).toString('base64');
      await expect(session.command(`AUTH PLAIN ${plain}`), 235);
    }
    await expect(session.command(`MAIL FROM:<${address(this.from)}>`), 250);
    await expect(session.command(`RCPT TO:<${address(message.to)}>`), 250, 251);
    await expect(session.command('DATA'), 354);
    await expect(session.command(`${this.content(message)}\r\n.`), 250);
    await session.command('QUIT').catch(() => undefined);
  }

  private content(message: MailMessage): string {
    const id = createHash('sha256').update(message.idempotencyKey).digest('hex').slice(0, 32);
    const headers = [
      `From: ${headerValue(this.from)}`,
      `To: ${headerValue(message.to)}`,
      `Subject: ${encodedWord(headerValue(message.subject))}`,
      `Message-ID: <${id}@order-saga>`,
      `Date: ${new Date().toUTCString()}`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
    ];
    // Lines end in CRLF, and a line starting with a dot gets another (RFC 5321 4.5.2).
    const body = message.text.split(/\r?\n/).map((line) => (line.startsWith('.') ? `.${line}` : line));
    return [...headers, '', ...body].join('\r\n');
  }
}

// A line break in a header value would start a header of the caller's choosing.
function headerValue(value: string): string {
  return value.replace(/[\r\n]+/g, ' ');
}

function encodedWord(value: string): string {
  return /^[\x20-\x7e]*$/.test(value) ? value : `=?UTF-8?B?${Buffer.from(value).toString('base64')}?=`;
}

// The bare address of "Name <address>" or of an address alone.
function address(value: string): string {
  return (/<([^>]*)>/.exec(value)?.[1] ?? value).replace(/[\r\n<>]/g, '').trim();
}
