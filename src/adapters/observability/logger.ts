import { type Logger, type LoggerOptions, pino } from 'pino';
import pretty from 'pino-pretty';

export type LogFormat = 'json' | 'pretty';

// JSON lines for a log collector in production; one readable line per event for a developer. The pretty
// stream is synchronous, in this thread: no transport worker whose last lines an exit could lose.
export function loggerOptions(options: { level: string; format: LogFormat; name: string }) {
  const base: LoggerOptions = { level: options.level, name: options.name };
  if (options.format === 'json') return base;
  const stream = pretty({
    sync: true,
    colorize: process.stdout.isTTY === true,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname',
  });
  return { ...base, stream };
}

export function createLogger(options: { level: string; format: LogFormat; name: string }): Logger {
  const { stream, ...rest } = loggerOptions(options) as LoggerOptions & { stream?: pretty.PrettyStream };
  return stream === undefined ? pino(rest) : pino(rest, stream);
}
