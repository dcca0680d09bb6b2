import { describe, expect, it } from "vitest";
import { useTestBot } from "../support/harness.js";
import { invitation, joinAndConsentAsAdult, label, programmeWithCurator } from "../support/programme.js";

// The questionnaire's typed buttons: a press on an older question's message is not an answer to
// the question asked now.

const t = useTestBot();

describe("intake buttons", () => {
  it("an older question's button is not taken as the answer to the current one", async () => {
    const { programmeId } = await programmeWithCurator(t);
    const teacher = t.emulator.createUser({ firstName: "Вера", languageCode: "ru" });
    await joinAndConsentAsAdult(t, teacher, await invitation(t, programmeId, "mentee", "teacher"));
    await teacher.sendText("Вера Николаевна");
    await teacher.waitForText(/Вопрос 2 из/);
    await teacher.sendText("Химия");
    await teacher.waitForText(/Вопрос 3 из/);
    await teacher.sendText("1");
    const ageBand = await teacher.waitForText(/Вопрос 4 из/);
    await teacher.press(ageBand, label(t, "opt-under-35"));
    await teacher.waitForText(/Вопрос 5 из/);

    // The age question's other option, pressed now, is hinted at and changes nothing.
    const id = await teacher.press(ageBand, label(t, "opt-age-35-plus"));
    expect((await teacher.nextCallbackAnswer(id)).text).toBe(label(t, "input-use-buttons"));
    const mid = (await t.store.memberships.ofUser(teacher.id))[0]!._id;
    const profile = await t.store.profiles.get(mid);
    expect(profile?.answers["age-band"]).toBe("under-35");
    expect(profile?.cursor).toBe("requests");
  });
});
