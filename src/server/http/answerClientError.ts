import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { AppError, toProblem } from '../errors.ts';
import { msg } from '../i18n/localisedText.ts';

/** The problem for an HTTP-level error Node raises before any route runs (parser, size, timeout). */
function problemFor(error: Error & { code?: string }): AppError {
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT')
    return new AppError('request-timeout', msg('http.requestTimeout'), [
      { where: 'body', message: msg('http.requestTimeoutBody') },
    ]);
  if (error.code === 'HPE_HEADER_OVERFLOW')
    return new AppError('headers-too-large', msg('http.headersTooLarge'), [
      { where: 'header', message: msg('http.headersLimit') },
    ]);
  return new AppError('bad-request', msg('http.malformedRequest'), [
    { where: 'header', message: error.code ?? error.message },
  ]);
}

/**
 * Fastify's `clientErrorHandler`: answers malformed requests (bad header bytes, an over-long
 * request line, a body that never arrives) with problem+json like every other error, instead of
 * Node's bare JSON, then closes the socket — it cannot be trusted to carry another request. The
 * headers could not be read, so the answer is in the default language, Korean.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  // A reset connection has nobody left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const appError = problemFor(error);
    const body = JSON.stringify(toProblem(appError));
    socket.write(
      `HTTP/1.1 ${appError.status} ${STATUS_CODES[appError.status] ?? 'Error'}\r\nContent-Type: application/problem+json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
