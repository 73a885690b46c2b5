/** Types for html-encoding-sniffer (the WHATWG HTML encoding sniffing algorithm), which ships none. */
declare module 'html-encoding-sniffer' {
  interface SniffOptions {
    xml?: boolean;
    /** An encoding label from outside the bytes (HTTP Content-Type); only a BOM outranks it. */
    transportLayerEncodingLabel?: string;
    defaultEncoding?: string;
  }
  /** The canonical name of the encoding the bytes are in ("UTF-8", "GBK", ...). */
  export default function htmlEncodingSniffer(bytes: Uint8Array, options?: SniffOptions): string;
}
