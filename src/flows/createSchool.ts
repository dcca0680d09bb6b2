import { InlineKeyboard } from "grammy";
import { INVITATION_DEFAULT_DAYS, expiryFrom } from "../domain/invitations.js";
import { FORMS, selectableAcademicYears, type Form } from "../domain/programme.js";
import { defaultTopicIds } from "../domain/questionnaires.js";
import { LIMITS, RUSSIAN_TIME_ZONES, isTimeZone } from "../domain/text.js";
import { isOperator } from "../bot/access.js";
import type { FlowContext, FlowConversation } from "../bot/context.js";
import { sendInvitation } from "../bot/features/curator.js";
import { formsLabel } from "../bot/labels.js";
import { askChoice, askText, flowWait } from "./ask.js";

// The operator creates a school, its programme for an academic year, and the first curator's invitation.

export { CREATE_SCHOOL } from "./ids.js";

export async function createSchool(conversation: FlowConversation, ctx: FlowContext): Promise<void> {
  if (!isOperator(ctx)) {
    await ctx.reply(ctx.t("operator-only"));
    return;
  }
  const name = await askText(conversation, ctx, ctx.t("school-ask-name"), LIMITS.schoolName);
  const city = await askText(conversation, ctx, ctx.t("school-ask-city"), LIMITS.city);

  // Time zone: a button or a typed IANA name.
  const zones = new InlineKeyboard();
  RUSSIAN_TIME_ZONES.forEach((tz, i) => {
    zones.text(ctx.t(`tz-${tz.split("/")[1]!.toLowerCase()}`), `tz:${tz}`);
    if (i % 2 === 1) zones.row();
  });
  await ctx.reply(ctx.t("school-ask-timezone"), { reply_markup: zones });
  const tzAnswer = await flowWait(conversation).and(
    (c) => (c.callbackQuery?.data?.startsWith("tz:") ?? false) || (c.message?.text !== undefined && isTimeZone(c.message.text.trim())),
    { otherwise: (c) => (c.callbackQuery ? c.answerCallbackQuery() : c.reply(c.t("school-bad-timezone"))) },
  );
  if (tzAnswer.callbackQuery) await tzAnswer.answerCallbackQuery();
  const timeZone = tzAnswer.callbackQuery?.data?.slice(3) ?? tzAnswer.message!.text!.trim();

  const now = new Date(await conversation.now());
  const years = selectableAcademicYears(now, timeZone);
  const yearKb = new InlineKeyboard();
  for (const y of years) yearKb.text(y, `year:${y}`);
  await ctx.reply(ctx.t("school-ask-year"), { reply_markup: yearKb });
  const year = (await askChoice(conversation, years.map((y) => `year:${y}`))).choice.slice(5);

  // Forms: toggles and "done"; the message is edited in place.
  const chosen = new Set<Form>();
  const formsKb = () => {
    const kb = new InlineKeyboard();
    for (const f of FORMS) kb.text(`${chosen.has(f) ? "☑️" : "⬜"} ${ctx.t(`form-${f}`)}`, `form:${f}`).row();
    return kb.text(ctx.t("school-forms-done"), "forms:done");
  };
  const formsMsg = await ctx.reply(ctx.t("school-ask-forms"), { reply_markup: formsKb() });
  // Bounded, so that a forgotten conversation cannot grow without end.
  for (let presses = 0; presses < 100; presses++) {
    const { choice, ctx: pressed } = await askChoice(conversation, [...FORMS.map((f) => `form:${f}` as const), "forms:done" as const]);
    if (choice === "forms:done") {
      if (chosen.size > 0) break;
      await pressed.reply(ctx.t("school-forms-none"));
      continue;
    }
    const form = choice.slice(5) as Form;
    if (chosen.has(form)) chosen.delete(form);
    else chosen.add(form);
    await ctx.api.editMessageReplyMarkup(formsMsg.chat.id, formsMsg.message_id, { reply_markup: formsKb() });
  }
  const forms = FORMS.filter((f) => chosen.has(f));

  await ctx.reply(ctx.t("school-summary", { name, city, tz: timeZone, year, forms: formsLabel(ctx.t, forms) }), {
    reply_markup: new InlineKeyboard().text(ctx.t("school-create"), "op:create").text(ctx.t("school-cancel"), "op:cancel"),
  });
  const { choice } = await askChoice(conversation, ["op:create", "op:cancel"] as const);
  if (choice === "op:cancel") {
    await ctx.reply(ctx.t("cancelled"));
    return;
  }

  // One external step: the records and the curator's invitation (its token exists only here).
  await conversation.external(async (c) => {
    const { store } = c.deps;
    const at = c.deps.clock();
    // The unique index (city, name) keeps one record per school; an existing one is reused.
    const existing = await store.schools.findByName(city, name);
    const school = existing ?? (await store.schools.create({ name, city, timeZone, createdBy: c.from!.id }, at));
    if (await store.programmes.findBySchoolYear(school._id, year)) {
      await c.reply(c.t("school-exists-programme", { name: school.name, year }));
      return;
    }
    const programme = await store.programmes.create({ schoolId: school._id, academicYear: year, forms, topicIds: defaultTopicIds(forms), createdBy: c.from!.id }, at);
    const { invitation, token } = await store.invitations.create(
      { programmeId: programme._id, role: "curator", category: null, grade: null, createdBy: c.from!.id, expiresAt: expiryFrom(at, INVITATION_DEFAULT_DAYS), maxUses: 1 },
      at,
    );
    c.log.info({ schoolId: school._id, programmeId: programme._id }, "school programme created");
    if (existing) await c.reply(c.t("school-reused", { name: school.name, city: school.city }));
    await c.reply(c.t("school-created", { name: school.name, year }));
    await sendInvitation(c, { school, programme }, invitation, token);
  });
}
