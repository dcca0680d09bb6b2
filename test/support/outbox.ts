import type { Store } from "../../src/store/index.js";
import { defaultTopicIds } from "../../src/domain/questionnaires.js";
import type { Category } from "../../src/domain/programme.js";
import type { BotApiEmulator } from "./emulator/index.js";

// People waiting for their consent, made straight in the store for the outbox's tests: the
// Pending job (jobs/pending.ts) reminds each of them once, `since` + 3 days.

export async function schoolWithPendingConsents(
  store: Store,
  emulator: BotApiEmulator,
  opts: { count: number; since: Date; timeZone?: string; category?: Category; name?: string },
): Promise<{ programmeId: string; userIds: number[] }> {
  const school = await store.schools.create({ name: opts.name ?? "МОУ СШ № 5", city: "Ярославль", timeZone: opts.timeZone ?? "Europe/Moscow", createdBy: 1 }, opts.since);
  const forms = ["teacher-teacher", "student-student"] as const;
  const programme = await store.programmes.create({ schoolId: school._id, academicYear: "2026/2027", forms: [...forms], topicIds: defaultTopicIds(forms), createdBy: 1 }, opts.since);
  const userIds: number[] = [];
  const category = opts.category ?? "teacher";
  for (let i = 0; i < opts.count; i++) {
    const user = emulator.createUser({ firstName: `Участник ${i}`, languageCode: "ru" });
    await store.memberships.add({ userId: user.id, programmeId: programme._id, role: "mentee", category, grade: category === "student" ? 8 : null, invitationId: null }, opts.since);
    userIds.push(user.id);
  }
  return { programmeId: programme._id, userIds };
}

/** How many messages each chat got, counted at the emulator (successful sends only). */
export function sentPerChat(emulator: BotApiEmulator, chats: readonly number[]): number[] {
  const counts = new Map<number, number>(chats.map((c) => [c, 0]));
  for (const call of emulator.calls) {
    if (!/^send/.test(call.method) || call.status !== 200) continue;
    const chat = Number((call.params as { chat_id?: unknown }).chat_id);
    if (counts.has(chat)) counts.set(chat, counts.get(chat)! + 1);
  }
  return chats.map((c) => counts.get(c)!);
}
