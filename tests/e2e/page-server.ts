import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Route {
  /** Served for this host and path (with query string); host without port. */
  url: string;
  file?: string;
  html?: string;
}

export interface PageServer {
  port: number;
  /** Every request the server saw, as "host/path". */
  requests: string[];
  /**
   * https:// requests, which the server cannot answer, as "tls:HOST": in Chromium (host names
   * mapped here) a connection opening with a TLS hello, named by its SNI; in Firefox (the server
   * is its proxy) a CONNECT to HOST:443.
   */
  rejected: string[];
  close(): Promise<void>;
}

/**
 * Serves saved journal pages on 127.0.0.1 under the URLs they belong to: Chromium maps every
 * host name here, Firefox uses the server as its HTTP proxy, and the server picks the page by
 * Host header and path (or by the absolute URL a proxy request names).
 */
export async function servePages(routes: Route[]): Promise<PageServer> {
  const table = new Map(routes.map((route) => {
    const url = new URL(route.url);
    return [`${url.hostname}${url.pathname}${url.search}`, route];
  }));
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const key = requestKey(request.url ?? '/', request.headers.host ?? '');
    requests.push(key);
    const route = table.get(key);
    if (!route) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const body = route.html ?? readFileSync(route.file!);
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  const rejected: string[] = [];
  server.on('connect', (request, socket) => {
    rejected.push(`tls:${(request.url ?? '').replace(/:\d+$/, '')}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  server.on('clientError', (error: Error & { code?: string; rawPacket?: Buffer }, socket) => {
    rejected.push(tlsServerName(error.rawPacket) ?? error.code ?? error.message);
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    rejected,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** "host/path?query" of a request: its Host header and path, or the absolute URL a proxy request names. */
function requestKey(target: string, host: string): string {
  try {
    const url = new URL(target, `http://${host}`);
    return `${url.hostname}${url.pathname}${url.search}`;
  } catch {
    return `${host}${target}`; // not a URL: recorded as it came, and not served
  }
}

/** The host name a TLS ClientHello asks for (its SNI extension), read loosely from the raw bytes. */
function tlsServerName(packet: Buffer | undefined): string | undefined {
  if (!packet || packet[0] !== 0x16) return undefined; // not a TLS handshake record
  // server_name extension: type 0x0000, then list length, name type 0 (host_name), name length, name.
  for (let i = 0; i + 9 < packet.length; i++) {
    if (packet[i] === 0 && packet[i + 1] === 0 && packet[i + 6] === 0) {
      const length = packet.readUInt16BE(i + 7);
      const name = packet.subarray(i + 9, i + 9 + length).toString('latin1');
      if (length > 3 && i + 9 + length <= packet.length && /^[a-z0-9.-]+\.[a-z]{2,}$/i.test(name)) return `tls:${name}`;
    }
  }
  return undefined;
}
