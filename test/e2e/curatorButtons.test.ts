import { describe, expect, it } from "vitest";
import { pack } from "../../src/bot/buttons.js";
import { useTestBot } from "../support/harness.js";
import { invitation, programmeWithCurator } from "../support/programme.js";

// The curator's buttons through Telegram: «✉️ Написать» follows the card's rule (issue 7), and
// flow buttons pressed when no conversation waits are answered.

const t = useTestBot();

describe("curator buttons", () => {
  it("«✉️ Написать» to a curator is refused like the card's other buttons, and no conversation starts", async () => {
    const { programmeId, curator } = await programmeWithCurator(t);
    const colleague = t.emulator.createUser({ firstName: "Коллега", languageCode: "ru" });
    await colleague.start(await invitation(t, programmeId, "curator", null as never));
    await colleague.waitForText(/Ваши роли/);
    const colleagueMid = (await t.store.memberships.ofUser(colleague.id))[0]!._id;

    const menu = await curator.start().then(() => curator.waitForText(/Главное меню/));
    for (const type of ["basesCard", "basesWrite", "basesPaperConsent"] as const) {
      const id = await curator.pressData(menu, pack({ type, programmeId, membershipId: colleagueMid }));
      expect((await curator.nextCallbackAnswer(id)).text).toMatch(/недоступно/);
    }
    // Nothing waits for a message: a text now is not relayed to anyone.
    await curator.sendText("Привет, коллега");
    await curator.waitForText(/не понял/);
    await colleague.expectNoEvent(500);
  });

  it("the school conversation's buttons outside it: stale for an operator, refused for others", async () => {
    const stranger = t.emulator.createUser({ firstName: "Гость", languageCode: "ru" });
    const menu = await stranger.start().then(() => stranger.waitForText(/Главное меню/));
    for (const data of [pack({ type: "schoolTimeZone", zone: "Europe/Moscow" }), pack({ type: "schoolFormsDone" }), pack({ type: "schoolConfirm", answer: "create" })]) {
      const id = await stranger.pressData(menu, data);
      expect((await stranger.nextCallbackAnswer(id)).text).toMatch(/только оператору/);
    }
    expect(await t.store.schools.list()).toEqual([]);
  });
});
