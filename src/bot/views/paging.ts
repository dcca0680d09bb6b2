import type { InlineKeyboard } from "grammy";
import type { Page } from "../../domain/paging.js";
import type { Action } from "../../services/actions/index.js";
import { addButton } from "../buttons.js";
import type { BaseContext } from "../context.js";

// The pager row every paged list shows: «‹», the count «1–20 из 143», «›».

/** «1–20 из 143». */
export const pageCount = (ctx: BaseContext, page: Page<unknown>): string => ctx.t("common-page-count", { from: page.from, to: page.to, total: page.total });

/**
 * Adds the pager row when there is more than one page: the previous page, the count (which shows
 * the same page again), the next page. `to` packs the action that opens a page.
 */
export function addPagerRow(ctx: BaseContext, kb: InlineKeyboard, page: Page<unknown>, to: (page: number) => Action): InlineKeyboard {
  if (page.pages <= 1) return kb;
  kb.row();
  if (page.page > 0) addButton(kb, ctx.t("common-prev"), to(page.page - 1));
  addButton(kb, pageCount(ctx, page), to(page.page));
  if (page.page < page.pages - 1) addButton(kb, ctx.t("common-next"), to(page.page + 1));
  return kb.row();
}
