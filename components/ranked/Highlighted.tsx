import { highlightPieces, type TextPiece } from '@/lib/text/highlight';
import { markSharedWords, type SharedWord } from '@/lib/ranking/shared-words';

type Props = { text: string } & ({ words: readonly SharedWord[] } | { terms: readonly string[] });

/**
 * Text with words marked: a similar article's shared words, each on its own, or a search's terms.
 * Every piece is a text node, never markup.
 */
export function Highlighted(props: Props) {
  const pieces: TextPiece[] = 'words' in props ? markSharedWords(props.text, props.words) : highlightPieces(props.text, props.terms);
  return <>{pieces.map((piece, index) => (piece.match ? <mark key={index}>{piece.text}</mark> : piece.text))}</>;
}
