import { connect as connectTcp, type Socket } from 'node:net';
import { connect as connectTls } from 'node:tls';

export interface SmtpReply {
  readonly code: number;
  readonly text: string;
}

// One conversation with an SMTP server (RFC 5321): commands out, replies back in order. A reply may
// span lines ("250-..." continues it, "250 ..." ends it). Any socket error, timeout or early close
// fails the reply being waited for and every later one.
export class SmtpSession {
  private readonly socket: Socket;
  private buffer = '';
  private lines: string[] = [];
  private readonly replies: SmtpReply[] = [];
  private waiting: { resolve: (reply: SmtpReply) => void; reject: (error: Error) => void } | null = null;
  private failure: Error | null = null;

  private constructor(socket: Socket, timeoutMs: number) {
    this.socket = socket;
    socket.setEncoding('utf8');
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    socket.on('data', (chunk: string) => this.received(chunk));
    socket.on('error', (error) => this.fail(error));
    socket.on('close', () => this.fail(new Error('the mail server closed the connection')));
  }

  // smtps: is TLS from the first byte (port 465); smtp: is plain TCP.
  static open(url: URL, timeoutMs: number): SmtpSession {
    const host = url.hostname;
    const secure = url.protocol === 'smtps:';
    const port = Number(url.port || (secure ? 465 : 25));
    const socket = secure ? connectTls({ host, port, servername: host }) : connectTcp({ host, port });
    return new SmtpSession(socket, timeoutMs);
  }

  reply(): Promise<SmtpReply> {
    const next = this.replies.shift();
    if (next !== undefined) return Promise.resolve(next);
    if (this.failure !== null) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
    });
  }

  async command(line: string): Promise<SmtpReply> {
    this.socket.write(`${line}\r\n`);
    return this.reply();
  }

  close(): void {
    this.socket.end();
    this.socket.destroy();
  }

  private received(chunk: string): void {
    this.buffer += chunk;
    let end = this.buffer.indexOf('\r\n');
    while (end >= 0) {
      const line = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      this.lines.push(line);
      if (!/^\d{3}-/.test(line)) this.complete();
      end = this.buffer.indexOf('\r\n');
    }
  }

  private complete(): void {
    const code = Number(this.lines[0]?.slice(0, 3));
    const reply = { code: Number.isInteger(code) ? code : 0, text: this.lines.join(' ') };
    this.lines = [];
    const waiting = this.waiting;
    this.waiting = null;
    if (waiting === null) this.replies.push(reply);
    else waiting.resolve(reply);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.reject(this.failure);
  }
}
