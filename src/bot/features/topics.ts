import { Composer, InlineKeyboard } from "grammy";
import { ADD_TOPIC } from "../../flows/ids.js";
import { curatedProgramme, refuse, type ProgrammeView } from "../access.js";
import { topicLabeller } from "../answers.js";
import { ID, cb } from "../callbacks.js";
import type { BaseContext, BotContext } from "../context.js";
import { enterFlow } from "../flow.js";
import { showScreen } from "../screen.js";

// The programme's shared topic list (requests of mentees, competencies of mentors): the
// curator adds their own topics and removes ones the school does not need.

export async function topicsScreen(ctx: BaseContext, view: ProgrammeView) {
  const pid = view.programme._id;
  const label = topicLabeller(ctx.t, view.programme.topicLabels);
  const lines = view.programme.topicIds.map((id, i) => `${i + 1}. ${label(id)}`);
  const kb = new InlineKeyboard();
  view.programme.topicIds.forEach((id, i) => {
    kb.text(ctx.t("topics-remove", { n: i + 1 }), cb("tp", "rm", pid, id));
    if (i % 4 === 3) kb.row();
  });
  kb.row().text(ctx.t("topics-add"), cb("tp", "add", pid)).row().text(ctx.t("back"), cb("bb", pid));
  return { text: [ctx.t("topics-title", { count: lines.length }), "", ...lines].join("\n"), keyboard: kb };
}

export function topicsFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.callbackQuery(new RegExp(`^tp:(ls|add):${ID}$`), async (ctx) => {
    const [, action, pid] = ctx.match as RegExpMatchArray;
    const view = await curatedProgramme(ctx, pid!);
    if (!view) return refuse(ctx, "curator-only");
    await ctx.answerCallbackQuery();
    if (action === "add") return enterFlow(ctx, ADD_TOPIC, view.programme._id);
    await showScreen(ctx, await topicsScreen(ctx, view));
  });
  feature.callbackQuery(new RegExp(`^tp:rm:${ID}:([a-z0-9-]{1,24})$`), async (ctx) => {
    const [, pid, topic] = ctx.match as RegExpMatchArray;
    const view = await curatedProgramme(ctx, pid!);
    if (!view) return refuse(ctx, "curator-only");
    if (view.programme.topicIds.length <= 1) return refuse(ctx, "topics-keep-one");
    const removed = await ctx.deps.store.programmes.removeTopic(pid!, topic!);
    await ctx.answerCallbackQuery({ text: ctx.t(removed ? "topics-removed" : "button-stale") });
    const fresh = await curatedProgramme(ctx, pid!);
    if (fresh) {
      await showScreen(ctx, await topicsScreen(ctx, fresh));
    }
  });
  feature.callbackQuery(/^tp:/, (ctx) => refuse(ctx, "button-stale"));
  return feature;
}
