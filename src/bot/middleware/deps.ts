import type { MiddlewareFn } from "grammy";
import type { AppDeps, BaseContext } from "../context.js";

/** Gives every update its dependencies and a logger bound to the update id. */
export function provideDeps(deps: AppDeps): MiddlewareFn<BaseContext> {
  return (ctx, next) => {
    ctx.deps = deps;
    ctx.log = deps.logger.child({ update_id: ctx.update.update_id });
    ctx.user ??= null;
    return next();
  };
}

/** Loads (or creates) the person's record; in private chats only. */
export const loadUser: MiddlewareFn<BaseContext> = async (ctx, next) => {
  // A change of the chat's membership (blocked, unblocked) is not the person writing: it must not
  // mark them active; the chat member feature decides.
  if (ctx.myChatMember) {
    ctx.user = ctx.from ? await ctx.deps.store.users.get(ctx.from.id) : null;
    return next();
  }
  if (ctx.from && !ctx.from.is_bot) ctx.user = await ctx.deps.store.users.touch(ctx.from.id, ctx.deps.clock(), ctx.from.language_code ?? null);
  return next();
};
