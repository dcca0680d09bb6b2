import { InlineKeyboard } from "grammy";
import { INTAKE_STATUSES } from "../../domain/consent.js";
import { categoriesFor } from "../../domain/programme.js";
import { applicableQuestions, questionnaireFor } from "../../domain/questionnaire.js";
import { QUESTIONNAIRES } from "../../domain/questionnaires.js";
import type { ActionOf } from "../../services/actions/index.js";
import type { BaseFilter, BaseList, BaseRole, BasesOverview, PersonCard } from "../../services/bases.js";
import { answerLine, topicLabeller } from "../answers.js";
import { addButton } from "../buttons.js";
import type { BaseContext } from "../context.js";
import { categoryLabel, categorySuffix, formatDate, roleLabel } from "../labels.js";
import { MESSAGE_MAX_CHARS, shorten } from "../limits.js";
import type { Screen } from "../screen.js";
import { pageCount, pagerRow } from "./curator.js";

// The curator's bases: the counts, the filtered lists, a person's card, the small answers.

const listAction = (programmeId: string, f: BaseFilter): ActionOf<"basesList"> => ({ type: "basesList", programmeId, ...f });
const firstPage = (role: BaseRole): BaseFilter => ({ role, status: "all", category: "all", topic: 0, page: 0 });

function cycle<T>(values: readonly T[], current: T): T {
  return values[(values.indexOf(current) + 1) % values.length]!;
}

export function basesScreen(ctx: BaseContext, o: BasesOverview): Screen {
  const programmeId = o.programme._id;
  const line = (role: BaseRole) => {
    const counts = o.counts[role];
    const total = INTAKE_STATUSES.reduce((sum, s) => sum + counts[s], 0);
    return ctx.t("bases-line", { role: ctx.t(`bases-${role}s`), total, ...Object.fromEntries(INTAKE_STATUSES.map((s) => [s, counts[s]])) });
  };
  const text = [ctx.t("bases-title", { school: o.school.name, year: o.programme.academicYear }), "", line("mentor"), "", line("mentee")].join("\n");
  const keyboard = new InlineKeyboard();
  addButton(keyboard, ctx.t("bases-mentors"), listAction(programmeId, firstPage("mentor")));
  addButton(keyboard, ctx.t("bases-mentees"), listAction(programmeId, firstPage("mentee"))).row();
  addButton(keyboard, ctx.t("bases-export"), { type: "basesExport", programmeId });
  addButton(keyboard, ctx.t("bases-remind"), { type: "basesRemind", programmeId }).row();
  addButton(keyboard, ctx.t("bases-topics"), { type: "topicsList", programmeId, page: 0 }).row();
  addButton(keyboard, ctx.t("common-back"), { type: "curatorPanel", programmeId });
  return { text, keyboard };
}

export function listScreen(ctx: BaseContext, list: BaseList): Screen {
  const programmeId = list.programme._id;
  const f = list.filter;
  const topicLabel = topicLabeller(ctx.t, list.programme.topicLabels);
  const header = ctx.t("bases-list-title", {
    role: ctx.t(`bases-${f.role}s`),
    status: f.status === "all" ? ctx.t("bases-filter-all") : ctx.t(`intake-${f.status}`),
    category: f.category === "all" ? ctx.t("bases-filter-all") : categoryLabel(ctx.t, f.category, null),
    topic: list.topicId ? topicLabel(list.topicId) : ctx.t("bases-filter-all"),
    count: list.total,
  });
  const lines = list.items.map(({ n, membership: m, name }) =>
    ctx.t("bases-list-item", {
      n,
      name: name ?? ctx.t("bases-no-name"),
      category: categoryLabel(ctx.t, m.category, m.grade),
      status: ctx.t(`intake-${m.intake ?? "invited"}`),
    }),
  );
  const kb = new InlineKeyboard();
  list.items.forEach(({ n, membership }, i) => {
    addButton(kb, String(n), { type: "basesCard", programmeId, membershipId: membership._id });
    if (i % 4 === 3) kb.row();
  });
  kb.row();
  const at = (change: Partial<BaseFilter>) => listAction(programmeId, { ...f, page: 0, ...change });
  const topics = list.programme.topicIds.length;
  addButton(kb, ctx.t("bases-filter-status"), at({ status: cycle(["all", ...INTAKE_STATUSES] as const, f.status) }));
  addButton(kb, ctx.t("bases-filter-category"), at({ category: cycle(["all", ...categoriesFor(f.role)] as const, f.category) }));
  addButton(kb, ctx.t("bases-filter-topic"), at({ topic: (f.topic + 1) % (topics + 1) }));
  kb.row();
  pagerRow(ctx, kb, { page: f.page, pages: list.pages }, (page) => listAction(programmeId, { ...f, page }));
  addButton(kb, ctx.t("common-back"), { type: "basesOpen", programmeId });
  const from = list.items[0]?.n ?? 0;
  const count = pageCount(ctx, { from, to: list.items.at(-1)?.n ?? 0, total: list.total });
  return { text: [header, count, "", ...(lines.length ? lines : [ctx.t("bases-list-empty")])].join("\n"), keyboard: kb };
}

export async function cardScreen(ctx: BaseContext, card: PersonCard): Promise<Screen> {
  const programmeId = card.programme._id;
  const m = card.person;
  const locale = await ctx.i18n.getLocale();
  const tz = card.school.timeZone;
  const lines = [
    ctx.t("card-title", { name: card.name ?? ctx.t("bases-no-name"), role: roleLabel(ctx.t, m.role), category: categorySuffix(ctx.t, m) }),
    ctx.t("privacy-status", { status: ctx.t(`intake-${m.intake ?? "invited"}`) }),
    "",
    ctx.t("card-consents"),
  ];
  if (card.consents.length === 0) lines.push(ctx.t("card-no-consents"));
  for (const c of card.consents) {
    lines.push(
      ctx.t("privacy-consent-line", {
        date: formatDate(c.at, locale, tz),
        decision: ctx.t(`consent-decision-${c.decision}`),
        relation: ctx.t(`consent-relation-${c.relation}`),
        method: ctx.t(`consent-method-${c.method}`),
        version: c.textVersion,
      }) + (c.method === "paper" && c.signedBy && c.signedOn ? ` — ${ctx.t("card-paper", { signer: c.signedBy, date: formatDate(c.signedOn, locale, "UTC") })}` : ""),
    );
  }
  const qid = questionnaireFor(m.role, m.category);
  if (card.profile && qid) {
    const answers = card.profile.answers;
    lines.push("", ctx.t(card.profile.status === "submitted" ? "card-answers" : "card-answers-draft"));
    const label = topicLabeller(ctx.t, card.programme.topicLabels);
    for (const q of applicableQuestions(QUESTIONNAIRES[qid], answers)) {
      if (q.id in answers) lines.push(`• ${answerLine(ctx.t, q, answers[q.id], label)}`);
    }
  }
  const kb = new InlineKeyboard();
  addButton(kb, ctx.t("card-write"), { type: "basesWrite", programmeId, membershipId: m._id }).row();
  if (card.paperConsent) addButton(kb, ctx.t("card-paper-consent"), { type: "basesPaperConsent", programmeId, membershipId: m._id }).row();
  addButton(kb, ctx.t("common-back"), listAction(programmeId, firstPage(m.role === "mentor" ? "mentor" : "mentee")));
  // Long answers (many topics chosen) are cut to Telegram's limit; the workbook holds them whole.
  return { text: shorten(lines.join("\n"), MESSAGE_MAX_CHARS), keyboard: kb };
}

/** After «✉️ Написать»: delivered or not, and the way back to the card. */
export function relayResult(ctx: BaseContext, programmeId: string, membershipId: string, delivered: boolean): Screen {
  const keyboard = addButton(new InlineKeyboard(), ctx.t("common-back"), { type: "basesCard", programmeId, membershipId });
  return { text: ctx.t(delivered ? "write-sent" : "write-not-delivered"), keyboard };
}

/** After the reminders: how many were reached, and the way back to the bases. */
export function remindedScreen(ctx: BaseContext, programmeId: string, sent: number, already = 0): Screen {
  return { text: sent === 0 && already > 0 ? ctx.t("bases-reminded-none") : ctx.t("bases-reminded", { count: sent }), keyboard: addButton(new InlineKeyboard(), ctx.t("common-back"), { type: "basesOpen", programmeId }) };
}
