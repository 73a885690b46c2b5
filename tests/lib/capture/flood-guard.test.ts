import { describe, expect, it } from 'vitest';
import { FloodGuard } from '@/lib/capture/flood-guard';

const policy = { burst: 100, perSecond: 10, maxPauseMs: 60_000 };

describe('FloodGuard', () => {
  it('lets a site add its burst at once, then at the steady rate, and drops the rest', () => {
    const guard = new FloodGuard(policy);
    expect(guard.take('flood.example', 300, 0)).toBe(100);
    expect(guard.take('flood.example', 300, 0)).toBe(0);
    expect(guard.take('flood.example', 300, 2_500)).toBe(25); // 2.5 s at 10 per second
    expect(guard.take('other.example', 50, 2_500)).toBe(50); // each site has its own budget
  });

  it('gives back what a capture reserved but did not add (articles already known)', () => {
    const guard = new FloodGuard(policy);
    expect(guard.take('a.example', 80, 0)).toBe(80);
    guard.giveBack('a.example', 75, 0);
    expect(guard.take('a.example', 100, 0)).toBe(95);
    guard.giveBack('a.example', 1_000, 0);
    expect(guard.take('a.example', 1_000, 0)).toBe(100); // never above the burst
  });

  it('asks a flooding site to wait as long as its excess takes to refill, at most a minute', () => {
    const guard = new FloodGuard(policy);
    expect(guard.pauseFor(0)).toBe(0);
    expect(guard.pauseFor(275)).toBe(27_500);
    expect(guard.pauseFor(10_000)).toBe(60_000);
  });

  it('remembers a bounded number of sites', () => {
    const guard = new FloodGuard(policy);
    for (let i = 0; i < 2_000; i++) guard.take(`site${i}.example`, 100, 0);
    // The first sites were forgotten: their budget is whole again.
    expect(guard.take('site0.example', 100, 0)).toBe(100);
    expect(guard.take('site1999.example', 100, 0)).toBe(0);
    // A site that starts flooding then is remembered, and slowed, like any other.
    expect(guard.take('new.example', 100, 0)).toBe(100);
    expect(guard.take('new.example', 100, 0)).toBe(0);
  });
});
