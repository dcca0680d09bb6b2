import type { Action } from "./actions/index.js";
import type { Store } from "../store/index.js";

// Messages as data: a service says who is told what (a message key and its variables) and which
// buttons come with it; the front renders it in the receiver's own language.

/**
 * A variable of a message. Plain values are used as they are; a message reference is rendered
 * in the receiver's language first (a role, a reason, a date), so nothing is pre-translated.
 */
export type NoticeVar =
  | string
  | number
  | MessageRef
  | { date: Date; timeZone: string }
  | { list: NoticeVar[]; separator?: string }
  /** The rendered value in lower case (a role inside a sentence). */
  | { lower: NoticeVar };

export interface MessageRef {
  key: string;
  vars?: Record<string, NoticeVar>;
}

export interface NoticeButton {
  /** The label's message key. */
  label: MessageRef;
  action: Action;
}

export interface Notice {
  /** The receiver's Telegram user id. */
  to: number;
  key: string;
  vars?: Record<string, NoticeVar>;
  /** Rows of buttons, each button a label and a typed action. */
  actions?: NoticeButton[][];
  /** A file to send along, e.g. a QR code picture (kind "photo") or a document. */
  file?: { kind: "photo" | "document"; bytes: Uint8Array; fileName: string; protect?: boolean };
  /** An idempotency key: the same key is sent once, ever (default: a fresh one per notice). */
  once?: string;
  /** An alarm: jumps the outbox's queue. */
  urgent?: boolean;
}

/** The one small interface behind which sending lives: the bot's queues to the outbox (services/outbox.ts). */
export interface Notices {
  /** Sends (queues) one notice; false when it cannot be delivered (the person blocked the bot). */
  send(notice: Notice): Promise<boolean>;
}

/** Tells every curator of the programme; returns how many got it. */
export async function tellCurators(deps: { store: Store; notices: Notices }, programmeId: string, notice: Omit<Notice, "to">): Promise<number> {
  const curators = await deps.store.memberships.ofProgramme(programmeId, "curator");
  let delivered = 0;
  for (const curator of curators) if (await deps.notices.send({ ...notice, to: curator.userId })) delivered++;
  return delivered;
}

/** A message reference, for building variables. */
export const msg = (key: string, vars?: Record<string, NoticeVar>): MessageRef => (vars ? { key, vars } : { key });
