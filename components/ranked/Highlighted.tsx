import { highlightPieces } from '@/lib/text/highlight';

/** Text with the shared terms marked; every piece is a text node, never markup. */
export function Highlighted({ text, terms }: { text: string; terms: readonly string[] }) {
  return (
    <>
      {highlightPieces(text, terms).map((piece, index) => (piece.match ? <mark key={index}>{piece.text}</mark> : piece.text))}
    </>
  );
}
