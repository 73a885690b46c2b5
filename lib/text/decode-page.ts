import htmlEncodingSniffer from 'html-encoding-sniffer';

/**
 * Decodes a saved HTML page as a browser does (the WHATWG encoding sniffing algorithm, through
 * html-encoding-sniffer): a byte-order mark first, then the encoding the reader names (as a
 * server's Content-Type header would), then a `<meta charset>` or `http-equiv` declaration in
 * the first 1024 bytes, and UTF-8 when nothing says otherwise. Many Chinese journal sites still
 * serve GBK/GB2312 pages, which read as UTF-8 come out garbled.
 */
export interface DecodedPage {
  text: string;
  /** The canonical encoding name the page was decoded with ("UTF-8", "GBK", "Big5", ...). */
  encoding: string;
}

export class UnknownEncodingError extends Error {
  constructor(readonly label: string) {
    super(`unknown encoding "${label}" (try utf-8, gbk, gb18030 or big5)`);
  }
}

/** Whether the runtime's TextDecoder knows the encoding label. */
function isKnownLabel(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

export function decodePage(bytes: Uint8Array, encodingLabel?: string): DecodedPage {
  if (encodingLabel !== undefined && !isKnownLabel(encodingLabel.trim())) throw new UnknownEncodingError(encodingLabel);
  const encoding = htmlEncodingSniffer(bytes, {
    transportLayerEncodingLabel: encodingLabel?.trim(),
    defaultEncoding: 'UTF-8',
  });
  // A label the sniffer knows but this runtime cannot decode (x-user-defined) reads as UTF-8.
  const decodable = isKnownLabel(encoding) ? encoding : 'UTF-8';
  return { text: new TextDecoder(decodable).decode(bytes), encoding: decodable };
}
