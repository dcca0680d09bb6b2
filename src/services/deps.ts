import type { Logger } from "pino";
import type { Store } from "../store/index.js";
import type { Notices } from "./notices.js";

// What every service function is given. No messenger in here: a second front reuses all of it.

export interface ServiceDeps {
  store: Store;
  /** The clock; tests and jobs pass their own. */
  clock: () => Date;
  /** Ids and codes only: never names, texts or answers. */
  logger: Logger;
  /** Where notices to other people go (sent at once today; through the outbox later). */
  notices: Notices;
  /** Telegram ids of the people who set up schools. */
  operatorIds: readonly number[];
}

/** The person acting: their Telegram user id. What they may do is read from the store. */
export interface Actor {
  userId: number;
}
