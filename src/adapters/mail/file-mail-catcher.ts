import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Mailer, MailMessage } from '../../application/ports/mailer.js';

// The Mailer of dev and e2e runs: nothing leaves the machine, every message is one JSON line of a file
// (by default .data/mail/outbox.jsonl) that a developer or a test reads. A key already in the file is
// not written again. One worker per file: two processes could both miss the other's line.
export class FileMailCatcher implements Mailer {
  private readonly path: string;

  constructor(path: string) {
    this.path = path;
  }

  async send(message: MailMessage): Promise<void> {
    if ((await this.outbox()).some((sent) => sent.idempotencyKey === message.idempotencyKey)) return;
    await mkdir(dirname(this.path), { recursive: true });
    await appendFile(this.path, `${JSON.stringify({ ...message, sentAt: new Date().toISOString() })}\n`);
  }

  async outbox(): Promise<MailMessage[]> {
    const text = await readFile(this.path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw error;
    });
    return text
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as MailMessage);
  }
}
