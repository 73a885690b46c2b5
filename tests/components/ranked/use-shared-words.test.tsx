// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { useSharedWords } from '@/components/ranked/use-shared-words';
import '../wait-for-states';

// A text the words cannot be found in (a failure inside the segmenter, say): the real finder otherwise.
vi.mock('@/lib/ranking/shared-words', async (original) => {
  const real = await original<typeof import('@/lib/ranking/shared-words')>();
  return {
    ...real,
    sharedWords: (...args: Parameters<typeof real.sharedWords>) => {
      if (args[1][0] === 'BROKEN') throw new RangeError('broken text');
      return real.sharedWords(...args);
    },
  };
});

afterEach(cleanup);

const QUERY_TEXTS = ['问责压力下的基层避责行为', '', '研究发现基层干部的避责行为源于问责压力。'];
const ROW_TEXTS = ['基层避责行为的生成机制', '', '避责行为研究'];

/** Shows the words the hook gives, or that they are being found. */
function Words({ terms, texts = ROW_TEXTS, queryTexts = QUERY_TEXTS }: { terms: string[]; texts?: string[]; queryTexts?: readonly string[] }) {
  const words = useSharedWords(terms, texts, queryTexts);
  return <p data-testid="words">{words ? words.map((word) => word.text).join(' ') || '(none)' : 'finding'}</p>;
}

describe('useSharedWords', () => {
  it('shows the row first and finds its words after', async () => {
    render(<Words terms={['避', '责', '基层']} />);
    expect(screen.getByTestId('words').textContent).toBe('finding');
    await waitFor(() => expect(screen.getByTestId('words').textContent).toBe('避责 基层'));
  });

  it('gives words found once at once for the same query texts, as when the fresh answer replaces the kept one', async () => {
    const queryTexts = [...QUERY_TEXTS];
    const { unmount } = render(<Words terms={['避', '责']} queryTexts={queryTexts} />);
    await waitFor(() => expect(screen.getByTestId('words').textContent).toBe('避责'));
    unmount();
    render(<Words terms={['避', '责']} queryTexts={queryTexts} />);
    expect(screen.getByTestId('words').textContent).toBe('避责');
    // Other terms are other words: found afresh.
    cleanup();
    render(<Words terms={['基层']} queryTexts={queryTexts} />);
    expect(screen.getByTestId('words').textContent).toBe('finding');
    await waitFor(() => expect(screen.getByTestId('words').textContent).toBe('基层'));
  });

  it('shows a row whose words cannot be found without them, and goes on with the next rows', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    render(
      <>
        <Words terms={['避', '责']} texts={['BROKEN', '', '']} />
        <Words terms={['避', '责']} />
      </>,
    );
    await waitFor(() => expect(screen.getAllByTestId('words').map((p) => p.textContent)).toEqual(['(none)', '避责']));
    expect(warn).toHaveBeenCalledWith('simlit: shared words not found', 'RangeError');
    warn.mockRestore();
  });

  it('has no words to find without terms', () => {
    render(<Words terms={[]} />);
    expect(screen.getByTestId('words').textContent).toBe('(none)');
  });

  it('finds the words of many rows, each in turn', async () => {
    const terms = [['避', '责'], ['基层'], ['行为'], ['问', '责']];
    render(
      <>
        {terms.map((row) => (
          <Words key={row.join()} terms={row} />
        ))}
      </>,
    );
    await waitFor(() => expect(screen.getAllByTestId('words').map((p) => p.textContent)).toEqual(['避责', '基层', '行为', '(none)']));
  });
});
