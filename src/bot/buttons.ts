import { Composer, InlineKeyboard } from "grammy";
import { ACTIONS, type Action, type ActionOf, type ActionType } from "../services/actions/index.js";
import type { ActionSpec } from "../services/actions/define.js";
import type { BaseContext, BotContext } from "./context.js";
import { CALLBACK_DATA_MAX_BYTES } from "./limits.js";

// Telegram's side of the one codec table: an action is packed into callback data as
// "prefix:field1:field2…" and parsed back strictly (zod), or not at all.

const SEP = ":";

const specs = ACTIONS as Record<ActionType, ActionSpec>;
const byPrefix = new Map<string, ActionType>();
for (const [type, spec] of Object.entries(specs) as [ActionType, ActionSpec][]) {
  if (byPrefix.has(spec.prefix)) throw new Error(`two actions share the prefix ${spec.prefix}`);
  if (spec.prefix.includes(SEP)) throw new Error(`prefix ${spec.prefix} holds the separator`);
  byPrefix.set(spec.prefix, type);
}

export function pack(action: Action): string {
  const spec = specs[action.type];
  const values = Object.keys(spec.fields).map((name) => {
    const value = String((action as unknown as Record<string, string | number>)[name]);
    if (value.includes(SEP)) throw new Error(`field ${name} of ${action.type} holds the separator`);
    return value;
  });
  const data = [spec.prefix, ...values].join(SEP);
  if (Buffer.byteLength(data) > CALLBACK_DATA_MAX_BYTES) throw new Error(`callback data of ${action.type} is over ${CALLBACK_DATA_MAX_BYTES} bytes`);
  return data;
}

/** The action packed in this data, checked field by field; null for anything else. */
export function parse(data: string | undefined): Action | null {
  if (!data) return null;
  const [prefix, ...values] = data.split(SEP);
  const type = byPrefix.get(prefix!);
  if (!type) return null;
  const spec = specs[type];
  const names = Object.keys(spec.fields);
  if (values.length !== names.length) return null;
  const out: Record<string, unknown> = { type };
  for (let i = 0; i < names.length; i++) {
    const checked = spec.fields[names[i]!]!.safeParse(values[i]);
    if (!checked.success) return null;
    out[names[i]!] = checked.data;
  }
  return out as Action;
}

export function parseAs<K extends ActionType>(type: K, data: string | undefined): ActionOf<K> | null {
  const action = parse(data);
  return action && action.type === type ? (action as unknown as ActionOf<K>) : null;
}

/** Whether this data belongs to a conversation's own button (derived from the table). */
export function isFlowButton(data: string | undefined): boolean {
  const type = data ? byPrefix.get(data.split(SEP)[0]!) : undefined;
  return type !== undefined && specs[type].flow === true;
}

/** Whether this data has the prefix of one of the table's actions, whatever its fields. */
export const isKnownPrefix = (data: string | undefined): boolean => data !== undefined && byPrefix.has(data.split(SEP)[0]!);

const prefixPattern = (type: ActionType) => new RegExp(`^${specs[type].prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(${SEP}|$)`);

/**
 * Handles one action: the press is parsed strictly; a damaged or out-of-date one is answered
 * as such and goes no further.
 */
export function onAction<K extends ActionType>(composer: Composer<BotContext>, type: K, handler: (ctx: BotContext, action: ActionOf<K>) => Promise<unknown>): void {
  composer.callbackQuery(prefixPattern(type), async (ctx) => {
    const action = parseAs(type, ctx.callbackQuery.data);
    if (!action) return ctx.answerCallbackQuery({ text: ctx.t("button-stale"), show_alert: true });
    await handler(ctx, action);
  });
}

/** A keyboard button for an action. */
export const button = (label: string, action: Action) => InlineKeyboard.text(label, pack(action));

/** Adds a button to a keyboard being built. */
export const addButton = (kb: InlineKeyboard, label: string, action: Action): InlineKeyboard => kb.text(label, pack(action));

/** For flows: the press, when it is one of these action types. */
export function pressedAction<K extends ActionType>(ctx: BaseContext, types: readonly K[]): ActionOf<K> | null {
  const action = parse(ctx.callbackQuery?.data);
  return action && (types as readonly ActionType[]).includes(action.type) ? (action as unknown as ActionOf<K>) : null;
}
