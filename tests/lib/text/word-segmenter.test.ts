import { describe, expect, it } from 'vitest';
import { wordSegmenter } from '@/lib/text/word-segmenter';

describe('wordSegmenter', () => {
  it('is one segmenter that cuts Chinese into dictionary words', () => {
    const segmenter = wordSegmenter();
    expect(wordSegmenter()).toBe(segmenter);
    const words = [...segmenter.segment('基层干部的避责行为')].filter((segment) => segment.isWordLike).map((segment) => segment.segment);
    expect(words).toContain('基层');
    expect(words.join('')).toBe('基层干部的避责行为');
  });
});
