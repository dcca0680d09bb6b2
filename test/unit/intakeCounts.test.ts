import { describe, expect, it } from "vitest";
import { COUNTS_FRESH_MS, IntakeCounts, type CountRow } from "../../src/store/intakeCounts.js";

// The bases screen's counts are kept in the process and moved by its own writes; these check the
// bookkeeping against a fake count whose rows and timing the test decides.

function fake(rows: CountRow[]) {
  const calls: (string | undefined)[] = [];
  let gate: Promise<void> | null = null;
  const count = async (programmeId?: string) => {
    calls.push(programmeId);
    const snapshot = rows.filter((r) => !programmeId || r.programmeId === programmeId).map((r) => ({ ...r }));
    if (gate) await gate;
    return snapshot;
  };
  return { count, calls, hold: (p: Promise<void>) => (gate = p), release: () => (gate = null) };
}

describe("intake counts kept in the process", () => {
  it("counts once, then follows the writes without reading", async () => {
    const f = fake([{ programmeId: "p", role: "mentee", intake: "invited", n: 2 }]);
    const counts = new IntakeCounts(f.count);
    expect((await counts.of("p")).mentee.invited).toBe(2);
    counts.moved("p", "mentee", "invited", "questionnaire");
    counts.moved("p", "mentor", null, "invited");
    counts.moved("p", "curator", null, null);
    const now = await counts.of("p");
    expect([now.mentee.invited, now.mentee.questionnaire, now.mentor.invited]).toEqual([1, 1, 1]);
    expect(f.calls).toEqual(["p"]);
  });

  it("a write that lands while counting makes it count again", async () => {
    const f = fake([{ programmeId: "p", role: "mentee", intake: "ready", n: 1 }]);
    let open!: () => void;
    f.hold(new Promise<void>((r) => (open = r)));
    const counts = new IntakeCounts(f.count);
    const first = counts.of("p");
    await new Promise((r) => setTimeout(r, 5));
    counts.moved("p", "mentee", null, "ready");
    f.release();
    open();
    // The first count ran before the write: it is not kept; the second is.
    await first;
    expect(f.calls).toEqual(["p", "p"]);
  });

  it("after the start's count, a programme it did not find is empty without a read; old counts are shown and counted again behind", async () => {
    let t = 1_000_000;
    const f = fake([{ programmeId: "a", role: "mentor", intake: "ready", n: 3 }]);
    const counts = new IntakeCounts(f.count, () => t);
    await counts.warm();
    expect((await counts.of("a")).mentor.ready).toBe(3);
    counts.moved("new", "mentee", null, "invited");
    expect((await counts.of("new")).mentee.invited).toBe(1);
    expect(f.calls).toEqual([undefined]);
    t += COUNTS_FRESH_MS + 1;
    expect((await counts.of("a")).mentor.ready).toBe(3);
    await new Promise((r) => setTimeout(r, 5));
    expect(f.calls).toEqual([undefined, "a"]);
  });
});
