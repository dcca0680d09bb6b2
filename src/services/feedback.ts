import type { Meeting } from "../store/meetings.js";
import type { ServiceDeps } from "./deps.js";

// Feedback after each meeting (1–5) and the safety flag. Called by the meetings service once a
// meeting becomes confirmed: each participant is asked to rate it.

export async function afterMeetingConfirmed(deps: ServiceDeps, meeting: Meeting): Promise<void> {
  void deps;
  void meeting;
}
