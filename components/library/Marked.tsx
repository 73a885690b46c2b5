import { markMatches, type TextPiece } from '@/lib/search/highlight';

type Props = { pieces: TextPiece[] } | { text: string; terms: readonly string[] };

/** Text with what the search matched marked; always rendered as text, never as markup. */
export function Marked(props: Props) {
  const pieces = 'pieces' in props ? props.pieces : props.terms.length ? markMatches(props.text, props.terms) : [{ text: props.text, match: false }];
  return <>{pieces.map((piece, i) => (piece.match ? <mark key={i}>{piece.text}</mark> : piece.text))}</>;
}
