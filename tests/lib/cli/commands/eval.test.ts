import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '@/lib/cli/args';
import { articleFromRecord, runEval } from '@/lib/cli/commands/eval';

const dir = mkdtempSync(join(tmpdir(), 'simlit-eval-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function jsonl(name: string, records: object[]): string {
  const path = join(dir, name);
  writeFileSync(path, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return path;
}

// Two clear topics; "c" is about photons but labelled with the graph topic, so its nearest
// neighbour (a photon article) is not relevant to it: P@1 = 4/5 by hand.
const DOCS = [
  { id: 'a1', title: 'Pebble games for sparse graphs', abstract: 'Pebble game algorithms characterize sparse graphs and graph decompositions into trees.', field: 'math' },
  { id: 'a2', title: 'Sparse graph decompositions by pebble games', abstract: 'We decompose sparse graphs into trees with a pebble game algorithm.', field: 'math' },
  { id: 'b1', title: 'Photon pair production at the LHC', abstract: 'QCD calculation of photon pair production at hadron colliders including gluon resummation.', field: 'physics' },
  { id: 'b2', title: 'Diphoton production with gluon resummation at hadron colliders', abstract: 'Photon pairs at the LHC computed in perturbative QCD with gluon resummation.', field: 'physics' },
  { id: 'c', title: 'Muon and photon detectors', abstract: 'Photon detection with muon chambers at hadron colliders.', field: 'math' },
];

const run = (argv: string[]) => runEval(parseArgs(argv));

describe('eval command', () => {
  const data = jsonl('docs.jsonl', DOCS);

  it('runs leave-one-out on a label and ends with the contract line', () => {
    const lines = run(['--data', data, '--label', 'field', '--k', '1']);
    expect(lines.at(-1)).toMatch(/^P@1 \d\.\d{3} nDCG@1 \d\.\d{3} queries \d+$/);
    expect(lines.at(-1)).toBe('P@1 0.800 nDCG@1 0.800 queries 5');
  });

  it('reports, before that line, what the similarity scores meant on the data', () => {
    const lines = run(['--data', data, '--label', 'field', '--k', '1']);
    expect(lines[1]).toBe('similarity of the top 1, and the share of them sharing the query\'s label:');
    // Five queries, one neighbour each: the bands count them all.
    const counted = lines.slice(2, 7).map((line) => Number(/(\d+) neighbours/.exec(line)![1]));
    expect(counted.reduce((a, b) => a + b)).toBe(5);
    expect(lines.at(-3)).toMatch(/^Simlit calls similar from 0\.\d\d \(\d+% of \d+ share the label; \d+% of queries have one\) and close from 0\.\d\d/);
    expect(lines.at(-2)).toMatch(/^measured here: half share the label from (0\.\d\d|never), three quarters from (0\.\d\d|never)$/);
  });

  it('runs free-text queries with their relevant ids', () => {
    const queries = jsonl('queries.jsonl', [
      { id: 'q1', text: 'pebble game sparse graph', relevant: ['a1', 'a2'] },
      { id: 'q2', text: 'muon chambers', relevant: ['c'] },
    ]);
    const last = run(['--data', data, '--queries', queries, '--k', '2']).at(-1);
    // q1: both relevant in the top 2 (P 1, nDCG 1); q2: c first, then no other relevant (P 0.5, nDCG 1).
    expect(last).toBe('P@2 0.750 nDCG@2 1.000 queries 2');
  });

  it('uses k 10 by default', () => {
    expect(run(['--data', data, '--label', 'field']).at(-1)).toMatch(/^P@10 \d\.\d{3} nDCG@10 \d\.\d{3} queries 5$/);
  });

  it('refuses a missing or doubled mode and a bad k', () => {
    expect(() => run(['--data', data])).toThrow(UsageError);
    expect(() => run(['--data', data, '--label', 'field', '--queries', data])).toThrow(UsageError);
    expect(() => run(['--data', data, '--label', 'field', '--k', '0'])).toThrow(UsageError);
  });

  it('reports the line of a broken JSON line', () => {
    const broken = join(dir, 'broken.jsonl');
    writeFileSync(broken, '{"id":"x"}\n{oops\n');
    expect(() => run(['--data', broken, '--label', 'field'])).toThrow(/broken\.jsonl:2/);
  });

  it('reads keywords lists and DOIs of eval records', () => {
    const article = articleFromRecord({ id: 7, title: 'T', keywords: ['平方和优化', 'Lyapunov函数'], doi: 'https://doi.org/10.1103/PhysRevD.76.013009' });
    expect(article).toMatchObject({ id: '7', keyword: '平方和优化; Lyapunov函数', DOI: '10.1103/physrevd.76.013009' });
  });
});
