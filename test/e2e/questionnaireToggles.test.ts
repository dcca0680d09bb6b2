import { describe, expect, it } from "vitest";
import { useTestBot } from "../support/harness.js";
import { invitation, joinAndConsentAsAdult, programmeWithCurator } from "../support/programme.js";

// A multiple choice's toggles are kept in the profile, outside the conversation: 500 presses
// leave the conversation's saved state as it was and each press costs the same. The topic
// question pages its options, so 120 topics stay within Telegram's button limits.

const t = useTestBot();

const conversationBytes = async (): Promise<number> => {
  const docs = await t.client.db(t.dbName).collection<{ state: string }>("conversations").find().toArray();
  return docs.reduce((sum, d) => sum + d.state.length, 0);
};

describe("a multiple choice with 120 topics", () => {
  it("pages the options; 500 toggles keep the conversation state bounded and each press as fast as the first", async () => {
    const { programmeId } = await programmeWithCurator(t);
    const now = t.deps.clock();
    const have = (await t.store.programmes.get(programmeId))!.topicIds.length;
    for (let i = have; i < 120; i++) await t.store.programmes.addTopic(programmeId, `extra-${i}`, `Тема ${i + 1}`);
    expect((await t.store.programmes.get(programmeId))!.topicIds).toHaveLength(120);

    const teacher = t.emulator.createUser({ firstName: "Анна", languageCode: "ru" });
    await joinAndConsentAsAdult(t, teacher, await invitation(t, programmeId, "mentee", "teacher"));
    const mid = (await t.store.memberships.ofUser(teacher.id)).find((m) => m.role === "mentee")!._id;
    // Questions 2–4 answered already; the name is typed and the topics come next.
    await t.store.profiles.setAnswers(mid, { subjects: "Физика", experience: 2, "age-band": "under-35" }, "full-name", now);
    await teacher.sendText("Анна Петрова");
    const question = await teacher.waitForText(/Вопрос 5 из/);
    const first = teacher.buttons(question);
    expect(first.flat().length).toBeLessThanOrEqual(100);
    expect(first.every((row) => row.length <= 8)).toBe(true);
    expect(first.flat().filter((b) => /^(⬜|☑️) /.test(b))).toHaveLength(20);
    expect(first.flat()).toContain("1–20 из 120");

    // The pager walks to the last page and back.
    for (let p = 1; p < 6; p++) {
      await teacher.press(question, "▶️");
      await teacher.nextEdit();
    }
    expect(teacher.buttons(question).flat()).toContain("101–120 из 120");
    expect(teacher.buttons(question).flat()).toContain("⬜ Тема 120");
    expect(teacher.buttons(question).flat()).not.toContain("▶️");
    await teacher.press(question, "◀️");
    await teacher.nextEdit();
    expect(teacher.buttons(question).flat()).toContain("81–100 из 120");

    // 500 toggles of one topic on that page.
    await teacher.press(question, /Тема 100$/);
    await teacher.nextEdit();
    const before = await conversationBytes();
    const times: number[] = [];
    for (let i = 1; i < 500; i++) {
      const started = performance.now();
      await teacher.press(question, /Тема 100$/);
      await teacher.nextEdit();
      times.push(performance.now() - started);
    }
    const after = await conversationBytes();
    expect(after).toBe(before);
    expect(after).toBeLessThan(64 * 1024);
    // Medians, and a generous margin: the machine running the suite is shared and noisy. A log
    // that grew with each press would make the last presses many times slower than the first.
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const early = median(times.slice(0, 50));
    const late = median(times.slice(-50));
    expect(late, `first 50: ${early.toFixed(1)} ms, last 50: ${late.toFixed(1)} ms a press (median)`).toBeLessThan(early * 3 + 50);
    // An even number of presses: the topic is not ticked.
    expect((await t.store.profiles.get(mid))?.selection).toEqual({ questionId: "requests", values: [] });

    // Ticks on two pages, then «Готово»: the answer is saved and the next question comes.
    await teacher.press(question, /Тема 90$/);
    await teacher.nextEdit();
    await teacher.press(question, "◀️");
    await teacher.nextEdit();
    await teacher.press(question, /Тема 62$/);
    await teacher.nextEdit();
    expect(teacher.buttons(question).flat()).toContain("✅ Готово (отмечено: 2)");
    await teacher.press(question, /^✅ Готово/);
    await teacher.waitForText(/Вопрос 6 из/);
    expect((await t.store.profiles.get(mid))?.answers["requests"]).toEqual(["extra-89", "extra-61"]);

    // The old message's toggles are out of date now.
    const pressed = await teacher.press(question, /Тема 62$/);
    expect((await teacher.nextCallbackAnswer(pressed)).text).toMatch(/устарела/);
    expect((await t.store.profiles.get(mid))?.answers["requests"]).toEqual(["extra-89", "extra-61"]);
  }, 540_000);

  it("more ticks than the question allows are refused at once", async () => {
    const { programmeId } = await programmeWithCurator(t);
    const teacher = t.emulator.createUser({ firstName: "Ольга", languageCode: "ru" });
    await joinAndConsentAsAdult(t, teacher, await invitation(t, programmeId, "mentee", "teacher"));
    const mid = (await t.store.memberships.ofUser(teacher.id)).find((m) => m.role === "mentee")!._id;
    await t.store.profiles.setAnswers(mid, { subjects: "Физика", experience: 2, "age-band": "under-35" }, "full-name", t.deps.clock());
    await teacher.sendText("Ольга Петрова");
    const shown = await teacher.waitForText(/Вопрос 5 из/);
    // «Готово» with nothing ticked: the reason, and under it the question with its buttons.
    await teacher.press(shown, /^✅ Готово/);
    const question = await teacher.waitForText(/^Отметьте хотя бы 1\.\n\nВопрос 5 из/);
    expect(teacher.buttons(question).flat()).toContain("✅ Готово");
    const options = teacher.buttons(question).flat().filter((b) => b.startsWith("⬜ "));
    for (const o of options.slice(0, 5)) {
      await teacher.press(question, o);
      await teacher.nextEdit();
    }
    const sixth = await teacher.press(question, options[5]!);
    expect((await teacher.nextCallbackAnswer(sixth)).text).toBe("Можно отметить не больше 5.");
    expect((await t.store.profiles.get(mid))?.selection?.values).toHaveLength(5);
  });
});
