/** The engines of the side-by-side benchmark, Simlit first (the ratios are to it). */
import type { PeerEngine } from './engine';
import { flexsearch } from './flexsearch';
import { minisearch } from './minisearch';
import { orama } from './orama';
import { simlit } from './simlit';

export const ENGINES: PeerEngine[] = [simlit, minisearch, flexsearch, orama];

export function engineNamed(name: string): PeerEngine {
  const engine = ENGINES.find((candidate) => candidate.name === name);
  if (!engine) throw new Error(`no benchmark engine named ${name} (${ENGINES.map((e) => e.name).join(', ')})`);
  return engine;
}
