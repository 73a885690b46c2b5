import { cfbDecrypt, cfbEncrypt } from './aes-cfb';
import { isPlausibleHost } from './publisher-host';
import type { ProxyResolution } from './types';

/**
 * WRD (网瑞达) Wengine WebVPN, the scheme most Chinese universities' "webvpn" gateways run:
 *
 *   https://webvpn.example.edu.cn/https/77726476706e69737468656265737421e7e056d2243e635930068cb8/kns8s/defaultresult/index?kw=…
 *                                 ^scheme[-port] ^IV, 16 bytes in hex    ^host, AES-128-CFB, hex    ^the publisher's path and query
 *
 * The host is encrypted with AES-128 in CFB mode (128-bit segments, no padding: the ciphertext
 * is as long as the host); the IV is written in clear before it. Most gateways use the vendor's
 * default "wrdvpnisthebest!" as both key and IV; those that changed it mostly use one value for
 * both too, so the IV in the path is tried as the key. Non-default ports are written
 * `/http-8080/`. Gateway names vary (webvpn., wvpn., vpn., d.buaa.edu.cn…), so only the path
 * form and a host that decrypts to a plausible name decide. Gateways also add `vpn-12-o1-<host>`
 * (o1: http, o2: https) to some queries, which names the host when the key is unknown, and
 * `wrdrecordvisit=record`; both are the gateway's and are dropped.
 *
 * AES is aes-cfb.ts: Web Crypto has no CFB mode and is asynchronous, while extraction is
 * synchronous; why not a library is said there.
 */

const WEBVPN_DEFAULT_KEY = 'wrdvpnisthebest!';

const PATH = /^\/(https?)(?:-(\d{1,5}))?\/([0-9a-f]{32})((?:[0-9a-f]{2}){2,253})(\/.*)?$/i;
const HOST_PARAM = /^vpn-12-o[12]-(.+)$/;
const GATEWAY_PARAMS = /^(?:vpn-\d+-o\d-.*|wrdrecordvisit)$/;
const IPV6 = /^\[[0-9a-f:.]+\]$/;

const encoder = new TextEncoder();

function hexBytes(hex: string): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

function bytesHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Printable ASCII bytes as text, else undefined. */
function asciiText(bytes: Uint8Array): string | undefined {
  return bytes.every((byte) => byte >= 0x20 && byte < 0x7f) ? String.fromCharCode(...bytes) : undefined;
}

/** The IV itself when it reads as a key (gateways that changed the default mostly use one value for both), then the default. */
function candidateKeys(iv: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer>[] {
  const ivText = asciiText(iv);
  const keys = [encoder.encode(WEBVPN_DEFAULT_KEY)];
  if (ivText && ivText !== WEBVPN_DEFAULT_KEY) keys.unshift(iv);
  return keys;
}

/** Hosts already decrypted: every link on a gateway's page carries one of a few hosts. */
const decrypted = new Map<string, string | undefined>();
const DECRYPTED_KEPT = 256;

function decryptHost(ivHex: string, dataHex: string): string | undefined {
  const key = `${ivHex}${dataHex}`.toLowerCase();
  if (decrypted.has(key)) return decrypted.get(key);
  if (decrypted.size >= DECRYPTED_KEPT) decrypted.clear();
  const host = decryptOnce(ivHex, dataHex);
  decrypted.set(key, host);
  return host;
}

function decryptOnce(ivHex: string, dataHex: string): string | undefined {
  const iv = hexBytes(ivHex);
  const data = hexBytes(dataHex);
  for (const key of candidateKeys(iv)) {
    const host = asciiText(cfbDecrypt(key, iv, data))?.toLowerCase();
    if (host && (isPlausibleHost(host) || IPV6.test(host))) return host;
  }
  return undefined;
}

/** The gateway's own query parameters dropped (the rest as it was); the host named by `vpn-12-oN-…`, if any. */
function publisherQuery(search: string): { search: string; namedHost?: string } {
  const pairs = search.slice(1).split('&');
  const names = pairs.map((pair) => pair.split('=')[0]);
  const namedHost = names.map((name) => HOST_PARAM.exec(name)?.[1].toLowerCase()).find(Boolean);
  if (!names.some((name) => GATEWAY_PARAMS.test(name))) return { search, namedHost };
  const kept = pairs.filter((pair, index) => pair !== '' && !GATEWAY_PARAMS.test(names[index]));
  return { search: kept.length ? `?${kept.join('&')}` : '', namedHost };
}

export function fromWebvpn(url: URL): ProxyResolution | undefined {
  const match = PATH.exec(url.pathname);
  if (!match) return undefined;
  const [, scheme, port, ivHex, dataHex, path = '/'] = match;
  const query = publisherQuery(url.search);
  const named = query.namedHost;
  const host = decryptHost(ivHex, dataHex) ?? (named && isPlausibleHost(named.replace(/:\d+$/, '')) ? named : undefined);
  if (!host) return undefined;
  const hostAndPort = port && !host.includes(':') ? `${host}:${port}` : host;
  return {
    proper: `${scheme.toLowerCase()}://${hostAndPort}${path}${query.search}${url.hash}`,
    via: { scheme: 'webvpn', origin: url.origin },
  };
}

/**
 * The WebVPN address of a publisher URL on a gateway (its origin): what the gateway's own
 * pages write, for building test pages and for readers who paste a publisher link.
 */
export function toWebvpn(publisherUrl: string, gateway: string, key = WEBVPN_DEFAULT_KEY, iv = key): string {
  const url = new URL(publisherUrl);
  const scheme = url.protocol.slice(0, -1);
  const ivBytes = encoder.encode(iv);
  const host = bytesHex(cfbEncrypt(encoder.encode(key), ivBytes, encoder.encode(url.hostname)));
  return `${new URL(gateway).origin}/${scheme}${url.port ? `-${url.port}` : ''}/${bytesHex(ivBytes)}${host}${url.pathname}${url.search}${url.hash}`;
}
