import { InlineKeyboard } from "grammy";
import {
  SKIPPED,
  applicableQuestions,
  checkAll,
  checkAnswer,
  nextQuestion,
  previousQuestion,
  pruneAnswers,
  questionnaireFor,
  type AnswerProblem,
  type AnswerValue,
  type Answers,
  type Question,
  type QuestionnaireId,
} from "../domain/questionnaire.js";
import { QUESTIONNAIRES } from "../domain/questionnaires.js";
import type { BaseContext, FlowContext, FlowConversation } from "../bot/context.js";
import { answerText, topicLabeller } from "../bot/answers.js";
import { flowWait } from "./ask.js";

// The questionnaire: one question at a time, every answer saved at once in the store, so a
// restart or a pause of days loses nothing; "back", "skip" for optional questions, /cancel;
// a summary with "change answer N" and "submit"; answers checked again before they are stored.

export { QUESTIONNAIRE } from "./ids.js";
/** Upper bound of steps in one run, so that a forgotten conversation cannot grow without end. */
const MAX_STEPS = 300;

interface State {
  questionnaireId: QuestionnaireId;
  answers: Answers;
  cursor: string;
  submitted: boolean;
  topicIds: string[];
  topicLabels: Record<string, string>;
}

/** Loads (or starts) the person's questionnaire; null when it is not theirs or not open to them. */
async function loadState(c: BaseContext, membershipId: string): Promise<State | null> {
  const { store } = c.deps;
  const m = await store.memberships.get(membershipId);
  if (!m || m.userId !== c.from?.id || (m.intake !== "questionnaire" && m.intake !== "ready")) return null;
  const questionnaireId = questionnaireFor(m.role, m.category);
  const programme = await store.programmes.get(m.programmeId);
  if (!questionnaireId || !programme) return null;
  const definition = QUESTIONNAIRES[questionnaireId];
  const profile = await store.profiles.open(
    { _id: m._id, userId: m.userId, programmeId: m.programmeId, questionnaireId, version: definition.version, cursor: definition.questions[0]!.id },
    c.deps.clock(),
  );
  return {
    questionnaireId,
    answers: profile.answers,
    cursor: profile.cursor,
    submitted: profile.status === "submitted",
    topicIds: programme.topicIds,
    topicLabels: programme.topicLabels,
  };
}

/** Where to go after answering `answered`: the next unanswered applicable question, or the summary. */
function cursorAfter(questions: Question[], answers: Answers, answered: string): string {
  const index = questions.findIndex((q) => q.id === answered);
  const later = questions.slice(index + 1).find((q) => !(q.id in answers));
  return later?.id ?? questions.find((q) => !(q.id in answers))?.id ?? "summary";
}

function problemText(ctx: BaseContext, p: AnswerProblem): string {
  switch (p.problem) {
    case "too-long":
      return ctx.t("input-too-long", { max: p.max });
    case "out-of-range":
      return ctx.t("answer-out-of-range", { min: p.min, max: p.max });
    case "too-few":
      return ctx.t("answer-too-few", { min: p.min });
    case "too-many":
      return ctx.t("answer-too-many", { max: p.max });
    default:
      return ctx.t(`answer-${p.problem}`);
  }
}

/** The first line of a prompt, short enough for a summary line. */
function shortPrompt(ctx: BaseContext, question: Question): string {
  const first = ctx.t(`q-${question.id}`).split("\n")[0] ?? "";
  return first.length > 60 ? `${first.slice(0, 57)}…` : first;
}

export async function questionnaire(conversation: FlowConversation, ctx: FlowContext, membershipId: string): Promise<void> {
  for (let step = 0; step < MAX_STEPS; step++) {
    const state = await conversation.external((c) => loadState(c, membershipId));
    if (!state) {
      await ctx.reply(ctx.t("questionnaire-closed"));
      return;
    }
    const definition = QUESTIONNAIRES[state.questionnaireId];
    const questions = applicableQuestions(definition, state.answers);
    const topicLabel = topicLabeller(ctx.t, state.topicLabels);
    const question = questions.find((q) => q.id === state.cursor) ?? (state.cursor === "summary" ? null : nextQuestion(definition, state.answers));

    if (!question) {
      // The summary: every answer with a button to change it, and "submit".
      const lines = questions.map((q, i) => `${i + 1}. ${shortPrompt(ctx, q)}\n   ${answerText(ctx.t, q, state.answers[q.id], topicLabel)}`);
      const kb = new InlineKeyboard();
      questions.forEach((q, i) => {
        kb.text(ctx.t("summary-change", { n: i + 1 }), `qs:e:${q.id}`);
        if (i % 4 === 3) kb.row();
      });
      kb.row().text(ctx.t(state.submitted ? "summary-save" : "summary-submit"), "qs:submit").row().text(ctx.t("summary-later"), "qs:later");
      await ctx.reply([ctx.t("summary-title"), ...lines].join("\n"), { reply_markup: kb });
      const pressed = await flowWait(conversation).and((c) => /^qs:(submit|later|e:[a-z0-9-]+)$/.test(c.callbackQuery?.data ?? ""), {
        otherwise: (c) => (c.callbackQuery ? c.answerCallbackQuery({ text: c.t("input-use-buttons") }) : c.reply(c.t("input-use-buttons"))),
      });
      await pressed.answerCallbackQuery();
      const data = pressed.callbackQuery!.data!;
      if (data === "qs:later") {
        await ctx.reply(ctx.t("questionnaire-paused"), { reply_markup: new InlineKeyboard().text(ctx.t("to-menu"), "menu") });
        return;
      }
      if (data.startsWith("qs:e:")) {
        const target = data.slice(5);
        if (questions.some((q) => q.id === target)) await conversation.external((c) => c.deps.store.profiles.setCursor(membershipId, target, c.deps.clock()));
        continue;
      }
      // Submit: the stored answers are checked again against the definition and today's topics.
      const result = await conversation.external(async (c) => {
        const fresh = await loadState(c, membershipId);
        if (!fresh) return { ok: false as const, questionId: null };
        const checked = checkAll(QUESTIONNAIRES[fresh.questionnaireId], fresh.answers, fresh.topicIds);
        if (!checked.ok) {
          await c.deps.store.profiles.setCursor(membershipId, checked.questionId, c.deps.clock());
          return { ok: false as const, questionId: checked.questionId };
        }
        await c.deps.store.profiles.submit(membershipId, c.deps.clock());
        // A mentor's own answer on how many mentees at once becomes their limit (the curator may lower it).
        const capacity = fresh.answers["capacity"];
        if (typeof capacity === "number" && capacity >= 1 && capacity <= 3) await c.deps.store.memberships.setMentorLimit(membershipId, capacity);
        await c.deps.store.memberships.moveIntake(membershipId, ["questionnaire", "ready"], "ready", c.deps.clock());
        c.log.info({ membershipId }, "questionnaire submitted");
        return { ok: true as const, questionId: null };
      });
      if (!result.ok) {
        if (result.questionId === null) return;
        await ctx.reply(ctx.t("questionnaire-recheck"));
        continue;
      }
      await ctx.reply(ctx.t("questionnaire-submitted"), { reply_markup: new InlineKeyboard().text(ctx.t("to-menu"), "menu") });
      return;
    }

    // One question.
    const number = questions.findIndex((q) => q.id === question.id) + 1;
    const current = state.answers[question.id];
    const hasPrevious = previousQuestion(definition, state.answers, question.id) !== null;
    const nav = new InlineKeyboard();
    if (hasPrevious) nav.text(ctx.t("question-back"), "qa:back");
    if (question.optional) nav.text(ctx.t("question-skip"), "qa:skip");
    const header = ctx.t("question-header", { n: number, total: questions.length });
    const now = current !== undefined ? `\n\n${ctx.t("question-current", { answer: answerText(ctx.t, question, current, topicLabel) })}` : "";
    const hintKey = question.kind === "text" ? "question-hint-text" : question.kind === "number" ? "question-hint-number" : question.kind === "multi" ? "question-hint-multi" : "question-hint-choice";
    const prompt = `${header}\n\n${ctx.t(`q-${question.id}`)}\n\n${ctx.t(hintKey, question.kind === "number" ? { min: question.min, max: question.max } : undefined)}${now}`;

    let answer: AnswerValue | "back";
    if (question.kind === "text" || question.kind === "number") {
      await ctx.reply(prompt, nav.inline_keyboard.length && nav.inline_keyboard[0]!.length ? { reply_markup: nav } : {});
      const got = await flowWait(conversation)
        .and((c) => c.message?.text !== undefined || c.callbackQuery?.data === "qa:back" || c.callbackQuery?.data === "qa:skip", {
          otherwise: (c) => (c.callbackQuery ? c.answerCallbackQuery({ text: c.t("input-use-buttons") }) : c.reply(c.t("input-not-text"))),
        })
        .and(
          (c) => c.callbackQuery !== undefined || checkAnswer(question, c.message!.text, state.topicIds).ok,
          {
            otherwise: (c) => {
              const checked = checkAnswer(question, c.message?.text, state.topicIds);
              return c.reply(checked.ok ? c.t("input-not-text") : problemText(c, checked));
            },
          },
        );
      if (got.callbackQuery) await got.answerCallbackQuery();
      answer = got.callbackQuery?.data === "qa:back" ? "back" : got.callbackQuery ? SKIPPED : (got.message!.text ?? "");
    } else if (question.kind === "single" || question.kind === "scale") {
      const values = question.kind === "single" ? question.options : Array.from({ length: question.max - question.min + 1 }, (_, i) => String(question.min + i));
      const kb = new InlineKeyboard();
      values.forEach((v, i) => {
        kb.text(question.kind === "single" ? ctx.t(`opt-${v}`) : v, `qa:o:${v}`);
        if (question.kind === "single" || i % 5 === 4) kb.row();
      });
      kb.row();
      for (const row of nav.inline_keyboard) for (const b of row) kb.add(b);
      await ctx.reply(prompt, { reply_markup: kb });
      const pressed = await flowWait(conversation).and((c) => /^qa:(back|skip|o:[a-z0-9-]+)$/.test(c.callbackQuery?.data ?? ""), {
        otherwise: (c) => (c.callbackQuery ? c.answerCallbackQuery({ text: c.t("input-use-buttons") }) : c.reply(c.t("input-use-buttons"))),
      });
      await pressed.answerCallbackQuery();
      const data = pressed.callbackQuery!.data!;
      answer = data === "qa:back" ? "back" : data === "qa:skip" ? SKIPPED : question.kind === "scale" ? Number(data.slice(5)) : data.slice(5);
    } else {
      // Multiple choice: toggles edit the message in place; "done" submits the selection.
      const options = question.options === "topics" ? state.topicIds : question.options;
      const label = (o: string) => (question.options === "topics" ? topicLabel(o) : ctx.t(`opt-${o}`));
      const selected = new Set(Array.isArray(current) ? current : []);
      const keyboard = () => {
        const kb = new InlineKeyboard();
        for (const o of options) kb.text(`${selected.has(o) ? "☑️" : "⬜"} ${label(o)}`, `qa:t:${o}`).row();
        kb.text(ctx.t("question-done"), "qa:done").row();
        for (const row of nav.inline_keyboard) for (const b of row) kb.add(b);
        return kb;
      };
      const message = await ctx.reply(prompt, { reply_markup: keyboard() });
      answer = "back";
      for (let presses = 0; presses < 200; presses++) {
        const pressed = await flowWait(conversation).and((c) => /^qa:(back|skip|done|t:[a-z0-9-]+)$/.test(c.callbackQuery?.data ?? ""), {
          otherwise: (c) => (c.callbackQuery ? c.answerCallbackQuery({ text: c.t("input-use-buttons") }) : c.reply(c.t("input-use-buttons"))),
        });
        const data = pressed.callbackQuery!.data!;
        if (data.startsWith("qa:t:")) {
          const option = data.slice(5);
          if (!options.includes(option)) {
            await pressed.answerCallbackQuery({ text: ctx.t("answer-unknown-option") });
            continue;
          }
          if (selected.has(option)) selected.delete(option);
          else selected.add(option);
          await pressed.answerCallbackQuery();
          await ctx.api.editMessageReplyMarkup(message.chat.id, message.message_id, { reply_markup: keyboard() });
          continue;
        }
        if (data === "qa:done") {
          const checked = checkAnswer(question, [...selected], state.topicIds);
          if (!checked.ok) {
            await pressed.answerCallbackQuery({ text: problemText(ctx, checked), show_alert: true });
            continue;
          }
          await pressed.answerCallbackQuery();
          answer = [...selected];
          break;
        }
        await pressed.answerCallbackQuery();
        answer = data === "qa:back" ? "back" : SKIPPED;
        break;
      }
    }

    if (answer === "back") {
      const previous = previousQuestion(definition, state.answers, question.id);
      if (previous) await conversation.external((c) => c.deps.store.profiles.setCursor(membershipId, previous.id, c.deps.clock()));
      continue;
    }
    const checked = checkAnswer(question, answer, state.topicIds);
    if (!checked.ok) {
      await ctx.reply(problemText(ctx, checked));
      continue;
    }
    const value = checked.value;
    await conversation.external(async (c) => {
      const answers = pruneAnswers(definition, { ...state.answers, [question.id]: value });
      const cursor = state.submitted ? "summary" : cursorAfter(applicableQuestions(definition, answers), answers, question.id);
      await c.deps.store.profiles.setAnswers(membershipId, answers, cursor === "summary" || !state.submitted ? cursor : "summary", c.deps.clock());
    });
  }
}
