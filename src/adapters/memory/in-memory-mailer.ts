import type { Mailer, MailMessage } from '../../application/ports/mailer.js';

// A mail catcher in the process: what was sent, once per key, for the tests to read.
export class InMemoryMailer implements Mailer {
  private readonly sent = new Map<string, MailMessage>();

  async send(message: MailMessage): Promise<void> {
    if (!this.sent.has(message.idempotencyKey)) this.sent.set(message.idempotencyKey, { ...message });
  }

  outbox(): readonly MailMessage[] {
    return [...this.sent.values()];
  }
}
