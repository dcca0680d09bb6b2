import type { I18n } from "@grammyjs/i18n";
import { Composer, InlineKeyboard, InputFile } from "grammy";
import { INTAKE_STATUSES, STUCK_STATUSES, type IntakeStatus } from "../../domain/consent.js";
import { CATEGORIES, categoriesFor, type Category, type Role } from "../../domain/programme.js";
import { applicableQuestions, questionnaireFor } from "../../domain/questionnaire.js";
import { QUESTIONNAIRES } from "../../domain/questionnaires.js";
import type { Membership } from "../../store/memberships.js";
import { PAPER_CONSENT, WRITE_TO_PERSON } from "../../flows/ids.js";
import { curatorButton, refuse, type ProgrammeView } from "../access.js";
import { answerText, topicLabeller } from "../answers.js";
import { ID, cb } from "../callbacks.js";
import type { BaseContext, BotContext } from "../context.js";
import { basesWorkbook, type BaseRow } from "../exports/bases.js";
import { categoryLabel, categorySuffix, formatDate, roleLabel } from "../labels.js";
import type { Notifier } from "../notify.js";
import { enterFlow } from "../flow.js";
import { showScreen } from "../screen.js";

// The curator's bases of mentors and mentees (stages 2–3): counts by status, lists with
// filters and pages, a person's card, reminders to those stuck at a step, an XLSX export.

const PAGE = 8;
/** The language of files a school keeps. */
const FILES_LOCALE = "ru";
const ROLE_CODE = { mr: "mentor", me: "mentee" } as const satisfies Record<string, Role>;
type RoleCode = keyof typeof ROLE_CODE;
const roleCode = (role: Role): RoleCode => (role === "mentor" ? "mr" : "me");

interface ListFilter {
  role: RoleCode;
  status: IntakeStatus | "all";
  category: Category | "all";
  topic: string;
  page: number;
}

const listData = (pid: string, f: ListFilter) => cb("bl", pid, f.role, f.status, f.category, f.topic, f.page);

function cycle<T>(values: readonly T[], current: T): T {
  return values[(values.indexOf(current) + 1) % values.length]!;
}

export async function personName(ctx: BaseContext, membershipId: string): Promise<string | null> {
  const profile = await ctx.deps.store.profiles.get(membershipId);
  const name = profile?.answers["full-name"];
  return typeof name === "string" && name ? name : null;
}

async function basesScreen(ctx: BaseContext, view: ProgrammeView) {
  const pid = view.programme._id;
  const line = async (role: Role) => {
    const counts = await ctx.deps.store.memberships.intakeCounts(pid, role);
    const total = INTAKE_STATUSES.reduce((sum, s) => sum + counts[s], 0);
    return ctx.t("bases-line", { role: ctx.t(`bases-${role}s`), total, ...Object.fromEntries(INTAKE_STATUSES.map((s) => [s, counts[s]])) });
  };
  const text = [ctx.t("bases-title", { school: view.school.name, year: view.programme.academicYear }), "", await line("mentor"), "", await line("mentee")].join("\n");
  const first = (role: RoleCode): ListFilter => ({ role, status: "all", category: "all", topic: "-", page: 0 });
  const keyboard = new InlineKeyboard()
    .text(ctx.t("bases-mentors"), listData(pid, first("mr")))
    .text(ctx.t("bases-mentees"), listData(pid, first("me")))
    .row()
    .text(ctx.t("bases-export"), cb("bx", pid))
    .text(ctx.t("bases-remind"), cb("br", pid))
    .row()
    .text(ctx.t("bases-topics"), cb("tp", "ls", pid))
    .row()
    .text(ctx.t("back"), cb("cur", "panel", pid));
  return { text, keyboard };
}

async function listScreen(ctx: BaseContext, view: ProgrammeView, f: ListFilter) {
  const pid = view.programme._id;
  const role = ROLE_CODE[f.role];
  let people = await ctx.deps.store.memberships.participants(pid, role, {
    intake: f.status === "all" ? undefined : f.status,
    category: f.category === "all" ? undefined : f.category,
  });
  const profiles = await ctx.deps.store.profiles.getMany(people.map((m) => m._id));
  if (f.topic !== "-") {
    const key = role === "mentor" ? "competencies" : "requests";
    people = people.filter((m) => {
      const chosen = profiles.get(m._id)?.answers[key];
      return Array.isArray(chosen) && chosen.includes(f.topic);
    });
  }
  const pages = Math.max(1, Math.ceil(people.length / PAGE));
  const page = Math.min(f.page, pages - 1);
  const shown = people.slice(page * PAGE, page * PAGE + PAGE);
  const topicLabel = topicLabeller(ctx.t, view.programme.topicLabels);
  const header = ctx.t("bases-list-title", {
    role: ctx.t(`bases-${role}s`),
    status: f.status === "all" ? ctx.t("bases-filter-all") : ctx.t(`intake-${f.status}`),
    category: f.category === "all" ? ctx.t("bases-filter-all") : categoryLabel(ctx.t, f.category, null),
    topic: f.topic === "-" ? ctx.t("bases-filter-all") : topicLabel(f.topic),
    count: people.length,
  });
  const lines = shown.map((m, i) => {
    const name = profiles.get(m._id)?.answers["full-name"];
    return ctx.t("bases-list-item", {
      n: page * PAGE + i + 1,
      name: typeof name === "string" && name ? name : ctx.t("bases-no-name"),
      category: categoryLabel(ctx.t, m.category, m.grade),
      status: ctx.t(`intake-${m.intake ?? "invited"}`),
    });
  });
  const kb = new InlineKeyboard();
  shown.forEach((m, i) => {
    kb.text(String(page * PAGE + i + 1), cb("bc", pid, m._id));
    if (i % 4 === 3) kb.row();
  });
  kb.row();
  const at = (change: Partial<ListFilter>) => listData(pid, { ...f, page: 0, ...change });
  kb.text(ctx.t("bases-filter-status"), at({ status: cycle(["all", ...INTAKE_STATUSES] as const, f.status) }));
  kb.text(ctx.t("bases-filter-category"), at({ category: cycle(["all", ...categoriesFor(role)] as const, f.category) }));
  kb.text(ctx.t("bases-filter-topic"), at({ topic: cycle(["-", ...view.programme.topicIds], f.topic) }));
  kb.row();
  if (page > 0) kb.text(ctx.t("invite-prev"), listData(pid, { ...f, page: page - 1 }));
  if (page < pages - 1) kb.text(ctx.t("invite-next"), listData(pid, { ...f, page: page + 1 }));
  kb.row().text(ctx.t("back"), cb("bb", pid));
  return { text: [header, "", ...(lines.length ? lines : [ctx.t("bases-list-empty")])].join("\n"), keyboard: kb };
}

async function cardScreen(ctx: BaseContext, view: ProgrammeView, m: Membership) {
  const pid = view.programme._id;
  const locale = await ctx.i18n.getLocale();
  const tz = view.school.timeZone;
  const name = (await personName(ctx, m._id)) ?? ctx.t("bases-no-name");
  const lines = [
    ctx.t("card-title", { name, role: roleLabel(ctx.t, m.role), category: categorySuffix(ctx.t, m) }),
    ctx.t("privacy-status", { status: ctx.t(`intake-${m.intake ?? "invited"}`) }),
    "",
    ctx.t("card-consents"),
  ];
  const history = await ctx.deps.store.consents.history(m._id);
  if (history.length === 0) lines.push(ctx.t("card-no-consents"));
  for (const c of history) {
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
  const profile = await ctx.deps.store.profiles.get(m._id);
  const qid = questionnaireFor(m.role, m.category);
  if (profile && qid) {
    lines.push("", ctx.t(profile.status === "submitted" ? "card-answers" : "card-answers-draft"));
    const label = topicLabeller(ctx.t, view.programme.topicLabels);
    for (const q of applicableQuestions(QUESTIONNAIRES[qid], profile.answers)) {
      if (q.id in profile.answers) lines.push(`• ${ctx.t(`q-${q.id}`).split("\n")[0]}: ${answerText(ctx.t, q, profile.answers[q.id], label)}`);
    }
  }
  const kb = new InlineKeyboard().text(ctx.t("card-write"), cb("bw", pid, m._id)).row();
  if (m.intake === "invited" || m.intake === "parent" || m.intake === "declined") kb.text(ctx.t("card-paper-consent"), cb("bp", pid, m._id)).row();
  kb.text(ctx.t("back"), listData(pid, { role: roleCode(m.role), status: "all", category: "all", topic: "-", page: 0 }));
  return { text: lines.join("\n"), keyboard: kb };
}

const REMINDER_KEY: Partial<Record<IntakeStatus, string>> = { invited: "remind-consent", parent: "remind-parent", questionnaire: "remind-questionnaire" };
const REMINDER_ACTION: Partial<Record<IntakeStatus, string>> = { invited: "c", parent: "pl", questionnaire: "q" };

export function basesFeature(notifier: Notifier, i18n: I18n<BaseContext>): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  const asCurator = (pattern: RegExp, action: Parameters<typeof curatorButton>[2]) => curatorButton(feature, pattern, action);

  const show = showScreen;

  asCurator(new RegExp(`^bb:${ID}$`), async (ctx, view) => {
    await ctx.answerCallbackQuery();
    await show(ctx, await basesScreen(ctx, view));
  });

  const statuses = ["all", ...INTAKE_STATUSES].join("|");
  const categories = ["all", ...CATEGORIES].join("|");
  asCurator(new RegExp(`^bl:${ID}:(mr|me):(${statuses}):(${categories}):([a-z0-9-]{1,24}):(\\d{1,3})$`), async (ctx, view, m) => {
    const topic = m[5]!;
    if (topic !== "-" && !view.programme.topicIds.includes(topic)) return refuse(ctx, "button-stale");
    await ctx.answerCallbackQuery();
    await show(ctx, await listScreen(ctx, view, { role: m[2] as RoleCode, status: m[3] as ListFilter["status"], category: m[4] as ListFilter["category"], topic, page: Number(m[6]) }));
  });

  asCurator(new RegExp(`^bc:${ID}:${ID}$`), async (ctx, view, m) => {
    const person = await ctx.deps.store.memberships.get(m[2]!);
    // The person must belong to this very programme: a card id from elsewhere is refused.
    if (!person || person.programmeId !== view.programme._id || person.role === "curator") return refuse(ctx, "not-allowed");
    await ctx.answerCallbackQuery();
    await show(ctx, await cardScreen(ctx, view, person));
  });

  asCurator(new RegExp(`^bw:${ID}:${ID}$`), async (ctx, view, m) => {
    const person = await ctx.deps.store.memberships.get(m[2]!);
    if (!person || person.programmeId !== view.programme._id) return refuse(ctx, "not-allowed");
    await ctx.answerCallbackQuery();
    await enterFlow(ctx, WRITE_TO_PERSON, view.programme._id, person._id);
  });

  asCurator(new RegExp(`^bp:${ID}:${ID}$`), async (ctx, view, m) => {
    const person = await ctx.deps.store.memberships.get(m[2]!);
    if (!person || person.programmeId !== view.programme._id || person.role === "curator") return refuse(ctx, "not-allowed");
    await ctx.answerCallbackQuery();
    await enterFlow(ctx, PAPER_CONSENT, view.programme._id, person._id);
  });

  asCurator(new RegExp(`^bx:${ID}$`), async (ctx, view) => {
    await ctx.answerCallbackQuery();
    const pid = view.programme._id;
    const collect = async (role: Role): Promise<BaseRow[]> => {
      const people = await ctx.deps.store.memberships.participants(pid, role);
      const ids = people.map((p) => p._id);
      const [profiles, consents] = [await ctx.deps.store.profiles.getMany(ids), await ctx.deps.store.consents.standing(ids)];
      return people.map((membership) => ({ membership, profile: profiles.get(membership._id) ?? null, consent: consents.get(membership._id) ?? null }));
    };
    // The workbook goes into the school's files: Russian, whatever the curator's own language.
    const ru = (key: string, vars?: Record<string, string | number>) => i18n.t(FILES_LOCALE, key, vars);
    const buffer = await basesWorkbook(ru, { mentor: await collect("mentor"), mentee: await collect("mentee") }, topicLabeller(ru, view.programme.topicLabels));
    const name = `${ctx.t("xlsx-file-name")}-${view.programme.academicYear.replace("/", "-")}.xlsx`;
    await ctx.replyWithDocument(new InputFile(buffer, name), { caption: ctx.t("xlsx-caption", { school: view.school.name, year: view.programme.academicYear }) });
  });

  asCurator(new RegExp(`^br:${ID}$`), async (ctx, view) => {
    // Answer the tap first: sending to many people may take longer than Telegram waits.
    await ctx.answerCallbackQuery({ text: ctx.t("bases-reminding") });
    let sent = 0;
    for (const role of ["mentor", "mentee"] as const) {
      for (const person of await ctx.deps.store.memberships.participants(view.programme._id, role)) {
        const status = person.intake;
        if (!status || !STUCK_STATUSES.includes(status)) continue;
        const ok = await notifier.toUser(
          person.userId,
          (t) => t(REMINDER_KEY[status]!, { school: view.school.name }),
          (t) => new InlineKeyboard().text(t(status === "parent" ? "participant-parent-link-again" : status === "invited" ? "participant-give-consent" : "questionnaire-start"), cb("p", REMINDER_ACTION[status]!, person._id)),
        );
        if (ok) sent++;
      }
    }
    ctx.log.info({ sent }, "reminders sent");
    await ctx.reply(ctx.t("bases-reminded", { count: sent }), { reply_markup: new InlineKeyboard().text(ctx.t("back"), cb("bb", view.programme._id)) });
  });

  for (const prefix of ["bb", "bl", "bc", "bp", "bx", "br", "bw"]) feature.callbackQuery(new RegExp(`^${prefix}:`), (ctx) => refuse(ctx, "button-stale"));
  return feature;
}
