import { createServer, type Server, type Socket } from 'node:net';

export interface ReceivedMail {
  readonly auth: string | null;
  readonly from: string;
  readonly to: readonly string[];
  // The DATA as it came, dot-stuffing undone, lines joined with \n.
  readonly data: string;
}

type Verb = 'EHLO' | 'AUTH' | 'MAIL' | 'RCPT' | 'DATA' | 'END';

// A small SMTP server speaking the real protocol over TCP (RFC 5321: EHLO, AUTH PLAIN, MAIL, RCPT,
// DATA, QUIT), recording what it is sent. `answer(verb, reply)` makes it reply so to that command
// (END: the dot that ends the data) until `heal()`, as a real server's outage or refusal would.
export class SmtpTestServer {
  readonly received: ReceivedMail[] = [];
  private readonly server: Server;
  private readonly overrides = new Map<Verb, string>();

  private constructor(server: Server) {
    this.server = server;
  }

  static async start(): Promise<SmtpTestServer> {
    const server = createServer();
    const smtp = new SmtpTestServer(server);
    server.on('connection', (socket) => smtp.converse(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return smtp;
  }

  url(credentials = ''): string {
    const address = this.server.address();
    if (address === null || typeof address === 'string') throw new Error('not listening');
    return `smtp://${credentials}${credentials === '' ? '' : '@'}127.0.0.1:${address.port}`;
  }

  answer(verb: Verb, reply: string): void {
    this.overrides.set(verb, reply);
  }

  heal(): void {
    this.overrides.clear();
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private converse(socket: Socket): void {
    let auth: string | null = null;
    let from = '';
    let to: string[] = [];
    let data: string[] | null = null;
    let buffer = '';
    const say = (reply: string) => socket.write(`${reply}\r\n`);
    const reply = (verb: Verb, normal: string) => say(this.overrides.get(verb) ?? normal);
    say('220 smtp-test-server ESMTP');
    socket.setEncoding('utf8');
    socket.on('error', () => undefined);
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      let end = buffer.indexOf('\r\n');
      while (end >= 0) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        end = buffer.indexOf('\r\n');
        if (data !== null) {
          if (line !== '.') {
            data.push(line.startsWith('.') ? line.slice(1) : line);
            continue;
          }
          const refused = this.overrides.has('END');
          if (!refused) this.received.push({ auth, from, to, data: data.join('\n') });
          data = null;
          reply('END', '250 2.0.0 queued');
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        const argument = /<([^>]*)>/.exec(line)?.[1] ?? '';
        if (verb === 'EHLO') reply('EHLO', '250-smtp-test-server\r\n250 AUTH PLAIN');
        else if (verb === 'AUTH') {
          auth = Buffer.from(line.split(' ')[2] ?? '', 'base64').toString('utf8');
          reply('AUTH', '235 2.7.0 authenticated');
        } else if (verb === 'MAIL') {
          from = argument;
          to = [];
          reply('MAIL', '250 2.1.0 ok');
        } else if (verb === 'RCPT') {
          to.push(argument);
          reply('RCPT', '250 2.1.5 ok');
        } else if (verb === 'DATA') {
          const override = this.overrides.get('DATA');
          if (override === undefined) data = [];
          say(override ?? '354 end data with <CR><LF>.<CR><LF>');
        } else if (verb === 'QUIT') {
          say('221 2.0.0 bye');
          socket.end();
        } else say('502 5.5.2 command not recognized');
      }
    });
  }
}
