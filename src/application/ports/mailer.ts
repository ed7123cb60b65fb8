export interface MailMessage {
  // The same key sends the message once, however often the step that sends it is retried.
  readonly idempotencyKey: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}
