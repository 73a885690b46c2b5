/**
 * How a campus proxy carries a publisher's address:
 * - `hostname`: the publisher's host spelt into the proxy's own (EZproxy "proxy by hostname",
 *   Sangfor EasyConnect/aTrust web resources), e.g. `kns-cnki-net.ezproxy.example.edu.cn`;
 * - `webvpn`: the publisher's host encrypted into the path (WRD Wengine WebVPN), e.g.
 *   `webvpn.example.edu.cn/https/<hex>/kns8s/...`;
 * - `login-link`: a starting-point link that sends the reader through the proxy, e.g.
 *   `ezproxy.example.edu/login?url=https://www.jstor.org/...`.
 */
export type ProxyScheme = 'hostname' | 'webvpn' | 'login-link';

export interface ProxyVia {
  scheme: ProxyScheme;
  /** The proxy's origin, as the browser sees it ("https://webvpn.example.edu.cn"). */
  origin: string;
}

export interface ProxyResolution {
  /** The publisher's own address; the input unchanged when it came through no proxy. */
  proper: string;
  /** The proxy it came through, if any. */
  via?: ProxyVia;
}
