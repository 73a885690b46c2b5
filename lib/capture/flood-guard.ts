/**
 * Slows a site whose pages keep yielding new articles (a page that re-renders hundreds of fresh
 * items every few seconds would otherwise fill the library): each site has a budget of new
 * articles that refills at a steady rate; what a capture brings beyond it is dropped, and the
 * site's pages are asked to wait before reading again. A reader paging through results stays
 * far below the rate. Kept in the background's memory: a flood is a matter of minutes.
 */
export interface FloodPolicy {
  /** New articles a site may add at once. */
  burst: number;
  /** New articles a site may add per second, once the burst is spent. */
  perSecond: number;
  /** The longest a site's pages are asked to wait. */
  maxPauseMs: number;
}

const FLOOD_POLICY: FloodPolicy = { burst: 1000, perSecond: 10, maxPauseMs: 60_000 };

/** Sites remembered at most; sites whose budget is full again are forgotten first. */
const MAX_SITES = 500;

export class FloodGuard {
  private readonly budgets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly policy: FloodPolicy = FLOOD_POLICY) {}

  private budget(site: string, now: number): { tokens: number; at: number } {
    const known = this.budgets.get(site);
    const budget = { tokens: known ? this.refilled(known, now) : this.policy.burst, at: now };
    this.budgets.delete(site); // re-inserted last: the map stays in order of use
    if (this.budgets.size >= MAX_SITES) this.makeRoom(now);
    this.budgets.set(site, budget);
    return budget;
  }

  private refilled({ tokens, at }: { tokens: number; at: number }, now: number): number {
    return Math.min(this.policy.burst, tokens + ((now - at) / 1000) * this.policy.perSecond);
  }

  /** Forgets the sites whose budget is whole again (as good as unknown), else the least recently used. */
  private makeRoom(now: number): void {
    for (const [site, budget] of this.budgets) {
      if (this.refilled(budget, now) >= this.policy.burst) this.budgets.delete(site);
    }
    while (this.budgets.size >= MAX_SITES) this.budgets.delete(this.budgets.keys().next().value!);
  }

  /** Reserves room for up to `wanted` new articles from `site`; returns how many may be added. */
  take(site: string, wanted: number, now: number): number {
    const budget = this.budget(site, now);
    const granted = Math.max(0, Math.min(wanted, Math.floor(budget.tokens)));
    budget.tokens -= granted;
    return granted;
  }

  /** Returns what a capture reserved but did not add (its articles were known already). */
  giveBack(site: string, unused: number, now: number): void {
    if (unused <= 0) return;
    const budget = this.budget(site, now);
    budget.tokens = Math.min(this.policy.burst, budget.tokens + unused);
  }

  /** How long a site's pages should wait after `dropped` new articles were turned away. */
  pauseFor(dropped: number): number {
    return dropped > 0 ? Math.min(this.policy.maxPauseMs, Math.ceil((dropped / this.policy.perSecond) * 1000)) : 0;
  }
}
