import { DomainError } from '../shared/domain-error.js';

// The mail server refused the message for good (an SMTP 5xx: no such mailbox, policy): sending it
// again would be refused again.
export class MailRejected extends DomainError {
  readonly code = 'MAIL.REJECTED';
  readonly reply: string;

  constructor(to: string, reply: string) {
    super(`The mail server refused the message to ${to}: ${reply}`);
    this.reply = reply;
  }
}
