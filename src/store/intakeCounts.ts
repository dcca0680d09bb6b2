import { INTAKE_STATUSES, type IntakeStatus } from "../domain/consent.js";

// The curator's bases screen shows how many mentors and mentees of a programme are at each intake
// step. Counting them reads every membership of the programme, which FerretDB does by a scan
// (2.6-6 s at 10,000 people). So the process keeps the counts: counted once (for every programme
// at start, in the background), then moved by this process's own writes (a membership added,
// moved, removed), and counted again in the background once they are older than COUNTS_FRESH_MS,
// for what another process may have written. Nothing is added to the writes themselves: no lock,
// no command (a shared counts document would cost a lock and two commands on every intake step).

export type CountedRole = "mentor" | "mentee";
export type IntakeCountsOf = Record<CountedRole, Record<IntakeStatus, number>>;
export interface CountRow {
  programmeId: string;
  role: string;
  intake: IntakeStatus | null;
  n: number;
}

/** How long counts are shown without counting again (another process's writes show by then). */
export const COUNTS_FRESH_MS = 300_000;
const TRIES = 3;

const zero = (): IntakeCountsOf => ({
  mentor: Object.fromEntries(INTAKE_STATUSES.map((s) => [s, 0])) as Record<IntakeStatus, number>,
  mentee: Object.fromEntries(INTAKE_STATUSES.map((s) => [s, 0])) as Record<IntakeStatus, number>,
});
const counted = (role: string): role is CountedRole => role === "mentor" || role === "mentee";

function tally(rows: readonly CountRow[]): Map<string, IntakeCountsOf> {
  const out = new Map<string, IntakeCountsOf>();
  for (const row of rows) {
    if (!counted(row.role) || !row.intake) continue;
    const counts = out.get(row.programmeId) ?? zero();
    counts[row.role][row.intake] += row.n;
    out.set(row.programmeId, counts);
  }
  return out;
}

export class IntakeCounts {
  private readonly entries = new Map<string, { counts: IntakeCountsOf; at: number }>();
  /** Writes seen per programme: a count that ran while one landed is not trusted. */
  private readonly writes = new Map<string, number>();
  private readonly counting = new Map<string, Promise<IntakeCountsOf>>();
  /**
   * Once every programme was counted at start: a programme not in that count had no mentor or
   * mentee then, unless a write to it landed while counting (those are counted on their own).
   */
  private warmedAt: number | null = null;
  private readonly notWarmed = new Set<string>();

  constructor(
    /** Counts by programme, role and intake: of one programme, or of all. */
    private readonly count: (programmeId?: string) => Promise<CountRow[]>,
    private readonly now: () => number = Date.now,
  ) {}

  async of(programmeId: string): Promise<IntakeCountsOf> {
    const entry = this.entries.get(programmeId) ?? this.emptySinceWarm(programmeId);
    if (entry && this.now() - entry.at < COUNTS_FRESH_MS) return entry.counts;
    const fresh = this.recount(programmeId);
    if (!entry) return fresh;
    // Old: shown now, counted again behind (a failed count is tried at the next look).
    fresh.catch(() => {});
    return entry.counts;
  }

  /** A membership of a counted role moved from one step to another (null: added or removed). */
  moved(programmeId: string, role: string, from: IntakeStatus | null, to: IntakeStatus | null): void {
    if (!counted(role) || from === to) return;
    this.writes.set(programmeId, (this.writes.get(programmeId) ?? 0) + 1);
    const entry = this.entries.get(programmeId) ?? this.emptySinceWarm(programmeId);
    if (!entry) return;
    if (from) entry.counts[role][from] = Math.max(0, entry.counts[role][from] - 1);
    if (to) entry.counts[role][to] += 1;
  }

  /** Counts every programme at once (one read), for a process that has just started. */
  async warm(): Promise<void> {
    const before = new Map(this.writes);
    const at = this.now();
    const rows = await this.count();
    for (const [programmeId, n] of this.writes) if (n !== (before.get(programmeId) ?? 0)) this.notWarmed.add(programmeId);
    for (const [programmeId, counts] of tally(rows)) {
      if (this.notWarmed.has(programmeId) || this.entries.has(programmeId)) continue;
      this.entries.set(programmeId, { counts, at });
    }
    this.warmedAt = at;
  }

  /** A programme the start's count found empty: zero from then on (moved by later writes). */
  private emptySinceWarm(programmeId: string): { counts: IntakeCountsOf; at: number } | undefined {
    if (this.warmedAt === null || this.notWarmed.has(programmeId)) return undefined;
    const entry = { counts: zero(), at: this.warmedAt };
    this.entries.set(programmeId, entry);
    return entry;
  }

  private recount(programmeId: string): Promise<IntakeCountsOf> {
    const running = this.counting.get(programmeId);
    if (running) return running;
    const run = (async () => {
      let counts = zero();
      for (let i = 0; i < TRIES; i++) {
        const before = this.writes.get(programmeId) ?? 0;
        counts = tally(await this.count(programmeId)).get(programmeId) ?? zero();
        // A write landed while counting: it may or may not be in the count; count again.
        if ((this.writes.get(programmeId) ?? 0) === before) break;
      }
      this.entries.set(programmeId, { counts, at: this.now() });
      return counts;
    })().finally(() => this.counting.delete(programmeId));
    this.counting.set(programmeId, run);
    return run;
  }
}
