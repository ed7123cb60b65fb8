import type { IncomingMessage, ServerResponse } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { PROBLEM_CONTENT_TYPE } from './schemas/problem.schema.js';

type Refusal = { status: number; code: string; detail: string };

// What Node's HTTP parser refuses before Fastify sees a request (headers too large, a NUL or a bad
// character in a header, a malformed request line, too slow a client): no route, no request id, so
// the answer is written on the socket by hand, still as a problem with a stable code.
function refusalOf(error: NodeJS.ErrnoException): Refusal {
  if (error.code === 'HPE_HEADER_OVERFLOW') {
    return { status: 431, code: 'REQUEST.HEADERS_TOO_LARGE', detail: 'The request headers are too large' };
  }
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    return { status: 408, code: 'REQUEST.TIMEOUT', detail: 'The request was not received in time' };
  }
  return { status: 400, code: 'REQUEST.MALFORMED', detail: 'The request is not valid HTTP/1.1' };
}

function problemBody(refusal: Refusal): string {
  return JSON.stringify({
    type: 'about:blank',
    title: STATUS_CODES[refusal.status],
    status: refusal.status,
    code: refusal.code,
    detail: refusal.detail,
  });
}

// An Expect header other than 100-continue, which Node answers itself (a bare 417) unless told how.
export function expectationFailed(_request: IncomingMessage, response: ServerResponse): void {
  response.writeHead(417, { 'content-type': PROBLEM_CONTENT_TYPE, connection: 'close' });
  response.end(
    problemBody({
      status: 417,
      code: 'REQUEST.MALFORMED',
      detail: 'The only expectation taken is 100-continue',
    }),
  );
}

export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed || !socket.writable) {
    socket.destroy();
    return;
  }
  const refusal = refusalOf(error);
  const body = problemBody(refusal);
  socket.end(
    `HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status]}\r\n` +
      'Connection: close\r\n' +
      `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}
