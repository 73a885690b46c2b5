import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '@/lib/cli/args';
import { runEval } from '@/lib/cli/commands/eval';
import { barShare, calibrate, CLOSE_FROM, CLOSE_NEEDS_ARTICLES, formatCalibration, SIMILAR_FROM, similarityLevel, type ScoredNeighbour } from '@/lib/ranking/calibration';

const neighbours = (score: number, relevant: number, irrelevant: number): ScoredNeighbour[] => [
  ...Array.from({ length: relevant }, () => ({ score, relevant: true })),
  ...Array.from({ length: irrelevant }, () => ({ score, relevant: false })),
];

describe('similarity levels', () => {
  it('reads a score the same whatever the best score of the lot', () => {
    expect(similarityLevel(0.1, 5000)).toBe('weak');
    expect(similarityLevel(SIMILAR_FROM, 5000)).toBe('similar');
    expect(similarityLevel(CLOSE_FROM - 0.001, 5000)).toBe('similar');
    expect(similarityLevel(CLOSE_FROM, 5000)).toBe('close');
  });

  it('never calls a match close, nor draws a close bar, in a small library', () => {
    expect(similarityLevel(0.9, CLOSE_NEEDS_ARTICLES - 1)).toBe('similar');
    expect(similarityLevel(0.9, CLOSE_NEEDS_ARTICLES)).toBe('close');
    expect(barShare(0.9, CLOSE_NEEDS_ARTICLES - 1)).toBeLessThan(barShare(CLOSE_FROM, CLOSE_NEEDS_ARTICLES));
    expect(barShare(0.9, CLOSE_NEEDS_ARTICLES)).toBe(1);
  });

  it('draws bars on one fixed scale', () => {
    expect(barShare(0, 500)).toBe(0);
    expect(barShare(0.2, 500)).toBeCloseTo(0.5);
    expect(barShare(0.1, 500)).toBeLessThan(barShare(SIMILAR_FROM, 500));
    expect(barShare(-1, 500)).toBe(0);
  });
});

describe('calibrate', () => {
  it('finds the lowest scores above which half and three quarters of the neighbours share the label', () => {
    const rankings = [
      [...neighbours(0.05, 10, 90), ...neighbours(0.15, 30, 70)],
      [...neighbours(0.2, 60, 40), ...neighbours(0.3, 40, 0)],
    ];
    const calibration = calibrate(rankings);
    // From 0.06 on: 130 of 240 share the label (54%), from 0.01 on 140 of 340; from 0.21 on: 40 of 40, from 0.16 on 100 of 140.
    expect(calibration.halfFrom).toBe(0.06);
    expect(calibration.threeQuartersFrom).toBe(0.21);
    expect(calibration.atSimilar).toEqual({ neighbours: 140, share: 100 / 140 });
    expect(calibration.atClose).toEqual({ neighbours: 40, share: 1 });
    expect(calibration.queriesWithSimilar).toBe(0.5);
    expect(calibration.bands.map((band) => band.neighbours)).toEqual([100, 100, 100, 40, 0]);
    expect(calibration.bands[0].share).toBeCloseTo(0.1);
  });

  it('says "never" when no score holds, and ignores a noisy top with too few neighbours', () => {
    const calibration = calibrate([[...neighbours(0.1, 10, 90), ...neighbours(0.9, 5, 0)]]);
    expect(calibration.halfFrom).toBeUndefined();
    expect(formatCalibration(calibration, 10).at(-1)).toBe('measured here: half share the label from never, three quarters from never');
  });

  it('formats a table and the thresholds', () => {
    const lines = formatCalibration(calibrate([[...neighbours(0.05, 10, 90), ...neighbours(0.3, 40, 0)]]), 10);
    expect(lines[0]).toBe('similarity of the top 10, and the share of them sharing the query\'s label:');
    expect(lines[1]).toBe('  0.00-0.10       100 neighbours,  10% share the query\'s label');
    expect(lines[4]).toBe('  0.28-0.40        40 neighbours, 100% share the query\'s label');
    expect(lines).toContain('measured here: half share the label from 0.06, three quarters from 0.06');
  });
});

describe('the shipped thresholds, measured on ../shared/eval', () => {
  const EVAL = resolve(import.meta.dirname, '../../../../shared/eval');
  const measured = (file: string, label: string) => {
    const lines = runEval(parseArgs(['--data', resolve(EVAL, file), '--label', label]));
    const [, half, threeQuarters] = /half share the label from ([\d.]+), three quarters from ([\d.]+)/.exec(lines.at(-2)!)!;
    const [, atSimilar] = /similar from [\d.]+ \((\d+)%/.exec(lines.at(-3)!)!;
    return { half: Number(half), threeQuarters: Number(threeQuarters), atSimilar: Number(atSimilar) };
  };

  it('call similar only where at least half, and close only where three quarters, share the label in both languages', () => {
    for (const [file, label] of [['dev-zh.jsonl', 'discipline'], ['dev-en.jsonl', 'primary_category']]) {
      const { half, threeQuarters, atSimilar } = measured(file, label);
      expect(SIMILAR_FROM, file).toBeGreaterThanOrEqual(half);
      expect(CLOSE_FROM, file).toBeGreaterThanOrEqual(threeQuarters);
      expect(atSimilar, file).toBeGreaterThanOrEqual(50);
    }
  }, 60_000);
});
