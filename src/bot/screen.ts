import type { InlineKeyboard } from "grammy";
import type { BaseContext } from "./context.js";

export interface Screen {
  text: string;
  keyboard: InlineKeyboard;
}

/**
 * Shows a screen in place of the message whose button was pressed. A second tap on the same
 * button gives the same screen, which Telegram refuses as "message is not modified": that is fine.
 */
export async function showScreen(ctx: BaseContext, screen: Screen): Promise<void> {
  try {
    await ctx.editMessageText(screen.text, { reply_markup: screen.keyboard });
  } catch (error) {
    if (!String(error).includes("message is not modified")) throw error;
  }
}
