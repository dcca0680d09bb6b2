import { Menu } from "@grammyjs/menu";
import type { Membership } from "../../store/memberships.js";
import { canCreateSchools, rolesOf } from "../../services/programmes.js";
import { setNudgesMuted } from "../../services/users.js";
import type { BaseContext, BotContext } from "../context.js";
import { roleLabel } from "../labels.js";
import { CREATE_SCHOOL } from "../../flows/ids.js";
import { enterFlow } from "../flow.js";
import { parentCard, parentChildren } from "../../services/pairCards.js";
import { renderVar } from "../notices.js";
import { parentCardScreen } from "../views/feedback.js";

// The main menu: what the person can do in each programme, built once at startup.

export interface RoleEntry {
  membership: Membership;
  label: string;
}

/** The person's roles with readable labels, from the store. */
export async function roleEntries(ctx: BaseContext): Promise<RoleEntry[]> {
  if (!ctx.from) return [];
  return (await rolesOf(ctx.deps, { userId: ctx.from.id })).map(({ membership, programme, school }) => ({
    membership,
    label: ctx.t("menu-role-button", { role: roleLabel(ctx.t, membership.role), school: school.name, year: programme.academicYear }),
  }));
}

export async function mainMenuText(ctx: BaseContext): Promise<string> {
  const roles = await roleEntries(ctx);
  return [ctx.t("menu-title"), roles.length ? ctx.t("menu-roles") : ctx.t("menu-empty")].join("\n\n");
}

const isOperator = (ctx: BaseContext) => ctx.from !== undefined && canCreateSchools(ctx.deps, { userId: ctx.from.id });

export interface MainMenus {
  main: Menu<BotContext>;
  language: Menu<BotContext>;
}

export type RolePanelOpener = (ctx: BotContext, membership: Membership) => Promise<void>;

export function createMainMenus(openRolePanel: RolePanelOpener, setLocale: (ctx: BotContext, locale: "ru" | "en") => Promise<void>): MainMenus {
  const main = new Menu<BotContext>("main", {
    onMenuOutdated: async (ctx) => {
      await ctx.answerCallbackQuery({ text: ctx.t("button-stale") });
      await ctx.editMessageText(await mainMenuText(ctx), { reply_markup: main }).catch(() => {});
    },
  });
  main
    .dynamic(async (ctx, range) => {
      if (isOperator(ctx)) {
        range.text(ctx.t("menu-new-school"), async (c) => {
          // Checked again at press time: the operator list may have changed since the menu was drawn.
          if (!isOperator(c)) return c.reply(c.t("operator-only"));
          await enterFlow(c, CREATE_SCHOOL);
        });
        range.row();
      }
      for (const entry of await roleEntries(ctx)) {
        range
          .text({ text: entry.label, payload: entry.membership._id }, async (c) => {
            const membership = c.from && (await rolesOf(c.deps, { userId: c.from.id })).find((r) => r.membership._id === c.match)?.membership;
            if (!membership) return c.reply(c.t("button-stale"));
            await openRolePanel(c, membership);
          })
          .row();
      }
      // A parent who consented in the bot: their child's pair card (the parent's cut of it).
      if (ctx.from) {
        const locale = await ctx.i18n.getLocale();
        for (const child of await parentChildren(ctx.deps, { userId: ctx.from.id })) {
          const name = String(renderVar(ctx.t, locale, child.child));
          range
            .text({ text: ctx.t("parent-card-button", { child: name }), payload: child.membershipId }, async (c) => {
              const card = await parentCard(c.deps, { userId: c.from.id }, { membershipId: c.match ?? "" });
              if (!card.ok) return c.reply(c.t(card.reason, card.vars));
              const screen = await parentCardScreen(c, card.value);
              await c.reply(screen.text, { reply_markup: screen.keyboard });
            })
            .row();
        }
      }
    })
    .submenu((ctx) => ctx.t("menu-language"), "language")
    .row()
    // Non-essential nudges on or off (alarms and agreements always come).
    .text(
      async (ctx) => ((await nudgesMuted(ctx)) ? ctx.t("menu-nudges-muted") : ctx.t("menu-nudges-on")),
      async (ctx) => {
        if (!ctx.from) return;
        const muted = !(await nudgesMuted(ctx));
        await setNudgesMuted(ctx.deps, { userId: ctx.from.id }, muted);
        ctx.menu.update();
      },
    );

  const language = new Menu<BotContext>("language", { onMenuOutdated: false })
    .text((ctx) => ctx.t("language-ru"), (ctx) => setLocale(ctx, "ru"))
    .text((ctx) => ctx.t("language-en"), (ctx) => setLocale(ctx, "en"))
    .row()
    .back((ctx) => ctx.t("common-back"), async (ctx) => {
      await ctx.editMessageText(await mainMenuText(ctx));
    });
  main.register(language);
  return { main, language };
}

async function nudgesMuted(ctx: BotContext): Promise<boolean> {
  return ctx.from ? ((await ctx.deps.store.users.get(ctx.from.id))?.nudgesMuted ?? false) : false;
}

/** Sends the main menu as a new message. */
export async function replyWithMainMenu(ctx: BotContext, menus: MainMenus): Promise<void> {
  await ctx.reply(await mainMenuText(ctx), { reply_markup: menus.main });
}

