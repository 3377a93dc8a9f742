import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { AppError, toProblem } from '../errors.ts';

/** The problem for an HTTP-level error Node raises before any route runs (parser, size, timeout). */
function problemFor(error: Error & { code?: string }): AppError {
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT')
    return new AppError('request-timeout', '요청을 제때 다 받지 못해 연결을 닫습니다.', [
      { where: 'body', message: '요청 시간이 초과되었습니다 (Content-Length만큼 오지 않음)' },
    ]);
  if (error.code === 'HPE_HEADER_OVERFLOW')
    return new AppError('headers-too-large', '요청 주소 또는 헤더가 너무 깁니다.', [
      { where: 'header', message: '헤더와 주소는 합쳐 16 KB까지입니다' },
    ]);
  return new AppError('bad-request', 'HTTP 요청 형식이 올바르지 않습니다.', [
    { where: 'header', message: error.code ?? error.message },
  ]);
}

/**
 * Fastify's `clientErrorHandler`: answers malformed requests (bad header bytes, an over-long
 * request line, a body that never arrives) with problem+json like every other error, instead of
 * Node's bare JSON, then closes the socket — it cannot be trusted to carry another request.
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
