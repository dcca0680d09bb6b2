import { FORMS, selectableAcademicYears, type Form } from "../domain/programme.js";
import { LIMITS, isTimeZone } from "../domain/text.js";
import type { ActionOf, ActionType } from "../services/actions/index.js";
import { canCreateSchools, createSchoolProgramme } from "../services/programmes.js";
import { pressedAction } from "../bot/buttons.js";
import type { FlowContext, FlowConversation } from "../bot/context.js";
import { sendInvitation } from "../bot/views/curator.js";
import { formsKeyboard, summaryScreen, timeZoneKeyboard, yearKeyboard } from "../bot/views/operator.js";
import { askText, flowWait } from "./ask.js";

// The operator creates a school, its programme for an academic year, and the first curator's invitation.

export { CREATE_SCHOOL } from "./ids.js";

/** Waits for a press of one of these actions (anything else is hinted at) and answers it. */
async function askAction<K extends ActionType>(conversation: FlowConversation, types: readonly K[]): Promise<{ action: ActionOf<K>; ctx: FlowContext }> {
  const pressed = await flowWait(conversation).and((c) => pressedAction(c, types) !== null, {
    otherwise: (c) => (c.callbackQuery ? c.answerCallbackQuery({ text: c.t("input-use-buttons") }) : c.reply(c.t("input-use-buttons"))),
  });
  await pressed.answerCallbackQuery();
  return { action: pressedAction(pressed, types)!, ctx: pressed };
}

export async function createSchool(conversation: FlowConversation, ctx: FlowContext): Promise<void> {
  const allowed = await conversation.external((c) => canCreateSchools(c.deps, { userId: c.from!.id }));
  if (!allowed) {
    await ctx.reply(ctx.t("operator-only"));
    return;
  }
  const name = await askText(conversation, ctx, ctx.t("school-ask-name"), LIMITS.schoolName);
  const city = await askText(conversation, ctx, ctx.t("school-ask-city"), LIMITS.city);

  // Time zone: a button or a typed IANA name.
  await ctx.reply(ctx.t("school-ask-timezone"), { reply_markup: timeZoneKeyboard(ctx) });
  const tzAnswer = await flowWait(conversation).and((c) => pressedAction(c, ["schoolTimeZone"]) !== null || (c.message?.text !== undefined && isTimeZone(c.message.text.trim())), {
    otherwise: (c) => (c.callbackQuery ? c.answerCallbackQuery() : c.reply(c.t("school-bad-timezone"))),
  });
  if (tzAnswer.callbackQuery) await tzAnswer.answerCallbackQuery();
  const timeZone = pressedAction(tzAnswer, ["schoolTimeZone"])?.zone ?? tzAnswer.message!.text!.trim();

  const now = new Date(await conversation.now());
  const years = selectableAcademicYears(now, timeZone);
  await ctx.reply(ctx.t("school-ask-year"), { reply_markup: yearKeyboard(years) });
  let year: string | undefined;
  // A year outside the list can only be a forged press; bounded all the same.
  for (let presses = 0; presses < 10 && year === undefined; presses++) year = years[(await askAction(conversation, ["schoolYear"])).action.year];
  if (year === undefined) return void (await ctx.reply(ctx.t("cancelled")));

  // Forms: toggles and "done"; the message is edited in place.
  const chosen = new Set<Form>();
  const formsMsg = await ctx.reply(ctx.t("school-ask-forms"), { reply_markup: formsKeyboard(ctx, chosen) });
  // Bounded, so that a forgotten conversation cannot grow without end.
  for (let presses = 0; presses < 100; presses++) {
    const { action, ctx: pressed } = await askAction(conversation, ["schoolForm", "schoolFormsDone"]);
    if (action.type === "schoolFormsDone") {
      if (chosen.size > 0) break;
      await pressed.reply(ctx.t("school-forms-none"));
      continue;
    }
    const { form } = action as ActionOf<"schoolForm">;
    if (chosen.has(form)) chosen.delete(form);
    else chosen.add(form);
    await ctx.api.editMessageReplyMarkup(formsMsg.chat.id, formsMsg.message_id, { reply_markup: formsKeyboard(ctx, chosen) });
  }
  const forms = FORMS.filter((f) => chosen.has(f));

  const summary = summaryScreen(ctx, { name, city, timeZone, year, forms });
  await ctx.reply(summary.text, { reply_markup: summary.keyboard });
  const { action } = await askAction(conversation, ["schoolConfirm"]);
  if (action.answer === "cancel") {
    await ctx.reply(ctx.t("cancelled"));
    return;
  }

  // One external step: the records and the curator's invitation (its token exists only here).
  await conversation.external(async (c) => {
    const created = await createSchoolProgramme(c.deps, { userId: c.from!.id }, { name, city, timeZone, academicYear: year, forms });
    // A message, not an alert: the answer to a finished conversation stays in the chat.
    if (!created.ok) return void (await c.reply(c.t(created.reason, created.vars)));
    const { school, programme, reused, invitation, token } = created.value;
    if (reused) await c.reply(c.t("school-reused", { name: school.name, city: school.city }));
    await c.reply(c.t("school-created", { name: school.name, year: programme.academicYear }));
    await sendInvitation(c, { school, programme }, invitation, token);
  });
}
