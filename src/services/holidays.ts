import type { Holiday } from "../domain/courtesy.js";
import { schoolToday } from "../domain/dates.js";
import { HOLIDAYS_MAX, HOLIDAYS_PAGE, addHoliday, dayOfCode, holidayProblem, holidayProblemKey, removeHoliday, typicalHolidays } from "../domain/holidays.js";
import { pageOf, type Page } from "../domain/paging.js";
import { claimKeys } from "../store/claimKeys.js";
import { authorize, type ProgrammeView } from "./access.js";
import type { Actor, ServiceDeps } from "./deps.js";
import { ok, refuse, type Result } from "./result.js";

// The programme's holidays (каникулы), kept by its curators: no message reaches a student on
// them (domain/courtesy.ts, the outbox). Every change reads, changes and writes the list under
// the programme's holidays lock, so two curators adding at once lose neither period.

type Deps = Pick<ServiceDeps, "store" | "clock" | "operatorIds">;

export interface HolidaysPage extends ProgrammeView {
  page: Page<Holiday>;
  /** Today in the school, to mark the periods that are over or under way. */
  today: Date;
}

async function pageFor(deps: Deps, view: ProgrammeView, holidays: readonly Holiday[], page: number): Promise<HolidaysPage> {
  return { programme: { ...view.programme, holidays: [...holidays] }, school: view.school, page: pageOf(holidays, page, HOLIDAYS_PAGE), today: schoolToday(deps.clock(), view.school.timeZone) };
}

/** The list, a page: curators of the programme. */
export async function holidaysList(deps: Deps, actor: Actor, input: { programmeId: string; page: number }): Promise<Result<HolidaysPage>> {
  const granted = await authorize(deps, actor, { kind: "curator", programmeId: input.programmeId });
  if (!granted.ok) return granted;
  return ok(await pageFor(deps, granted.value, granted.value.programme.holidays, input.page));
}

/** Reads the list afresh, lets `change` decide the new one (or refuse), writes it: alone. */
async function changeHolidays(
  deps: Deps,
  view: ProgrammeView,
  change: (current: Holiday[]) => Result<Holiday[]>,
): Promise<Result<Holiday[]>> {
  const programmeId = view.programme._id;
  return deps.store.claims.withLock(claimKeys.holidaysLock(programmeId), async () => {
    const current = (await deps.store.programmes.get(programmeId))?.holidays ?? [];
    const next = change(current);
    if (!next.ok) return next;
    if (next.value.length > HOLIDAYS_MAX) return refuse("rule", holidayProblemKey("too-many"), { max: HOLIDAYS_MAX });
    await deps.store.programmes.setHolidays(programmeId, next.value);
    return next;
  });
}

/** Adds a period (checked against the academic year; overlapping or touching periods merge). */
export async function addHolidays(deps: Deps, actor: Actor, input: { programmeId: string; from: Date; to: Date }): Promise<Result<HolidaysPage>> {
  const granted = await authorize(deps, actor, { kind: "curator", programmeId: input.programmeId });
  if (!granted.ok) return granted;
  const period = { from: input.from, to: input.to };
  const problem = holidayProblem(period, granted.value.programme.academicYear);
  if (problem) return refuse("rule", holidayProblemKey(problem));
  const changed = await changeHolidays(deps, granted.value, (current) => ok(addHoliday(current, period)));
  if (!changed.ok) return changed;
  const at = changed.value.findIndex((h) => h.from.getTime() <= period.from.getTime() && h.to.getTime() >= period.to.getTime());
  return ok(await pageFor(deps, granted.value, changed.value, Math.max(0, Math.floor(at / HOLIDAYS_PAGE))));
}

/** The typical autumn, winter and spring holidays of the programme's year, merged into the list. */
export async function addTypicalHolidays(deps: Deps, actor: Actor, input: { programmeId: string }): Promise<Result<HolidaysPage>> {
  const granted = await authorize(deps, actor, { kind: "curator", programmeId: input.programmeId });
  if (!granted.ok) return granted;
  const typical = typicalHolidays(granted.value.programme.academicYear);
  const changed = await changeHolidays(deps, granted.value, (current) => ok(typical.reduce(addHoliday, current)));
  if (!changed.ok) return changed;
  return ok(await pageFor(deps, granted.value, changed.value, 0));
}

/** Removes the period that starts on the given day (its row's «✖️»); pressed twice, the second finds it gone. */
export async function removeHolidays(deps: Deps, actor: Actor, input: { programmeId: string; holidayFrom: string; page: number }): Promise<Result<HolidaysPage>> {
  const granted = await authorize(deps, actor, { kind: "curator", programmeId: input.programmeId });
  if (!granted.ok) return granted;
  const from = dayOfCode(input.holidayFrom);
  if (!from) return refuse("stale", "holidays-gone");
  const changed = await changeHolidays(deps, granted.value, (current) => {
    const next = removeHoliday(current, from);
    return next.length === current.length ? refuse("stale", "holidays-gone") : ok(next);
  });
  if (!changed.ok) return changed;
  return ok(await pageFor(deps, granted.value, changed.value, input.page));
}
