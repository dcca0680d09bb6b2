import type { InlineKeyboard } from "grammy";
import type { Page } from "../../domain/paging.js";
import type { Action } from "../../services/actions/index.js";
import { addButton } from "../buttons.js";
import type { BaseContext } from "../context.js";

// The pager every list shares: the count «1–20 из 143» for the text, and a row of ◀️ / ▶️ buttons
// whose actions the list names (page number → action). One row of at most two buttons, so it never
// takes a keyboard past Telegram's limits (limits.ts) by itself.

type Ctx = Pick<BaseContext, "t">;

/** «1–20 из 143»; an empty list says «0 из 0». */
export function pageCount(ctx: Ctx, page: Pick<Page<unknown>, "from" | "to" | "total">): string {
  return ctx.t("common-page-count", { from: page.from, to: page.to, total: page.total });
}

/** Adds a row with the previous and next page buttons, if there are other pages; the keyboard ends on a new row. */
export function addPager(kb: InlineKeyboard, ctx: Ctx, page: Pick<Page<unknown>, "page" | "pages">, to: (page: number) => Action): InlineKeyboard {
  if (page.pages <= 1) return kb;
  newRow(kb);
  if (page.page > 0) addButton(kb, ctx.t("common-prev"), to(page.page - 1));
  if (page.page < page.pages - 1) addButton(kb, ctx.t("common-next"), to(page.page + 1));
  return newRow(kb);
}

/** Starts a new row unless the last one is still empty. */
export function newRow(kb: InlineKeyboard): InlineKeyboard {
  return kb.inline_keyboard.at(-1)?.length ? kb.row() : kb;
}

/**
 * The same pager with the count in the middle (pressing it shows the same page again): for lists
 * whose text has no room for the count. `to` packs the action that opens a page.
 */
export function addPagerRow(ctx: Ctx, kb: InlineKeyboard, page: Page<unknown>, to: (page: number) => Action): InlineKeyboard {
  if (page.pages <= 1) return kb;
  newRow(kb);
  if (page.page > 0) addButton(kb, ctx.t("common-prev"), to(page.page - 1));
  addButton(kb, pageCount(ctx, page), to(page.page));
  if (page.page < page.pages - 1) addButton(kb, ctx.t("common-next"), to(page.page + 1));
  return kb.row();
}
