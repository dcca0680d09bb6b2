import type { ActionSpec, FieldsOf } from "./define.js";
import { consentActions } from "./consent.js";
import { pairActions } from "./pairs.js";
import { questionnaireActions } from "./questionnaires.js";
import { roundsActions } from "./rounds.js";
import { basesActions } from "./bases.js";
import { curatorActions } from "./curators.js";
import { invitationActions } from "./invitations.js";
import { menuActions } from "./menu.js";
import { operatorActions } from "./operator.js";
import { topicActions } from "./topics.js";
import { pairWorkActions } from "./pairWork.js";
import { roadmapActions } from "./roadmap.js";
import { planActions } from "./plans.js";
import { reportActions } from "./reports.js";
import { meetingActions } from "./meetings.js";
import { feedbackActions } from "./feedback.js";
import { holidayActions } from "./holidays.js";

// The one codec table: every capability's actions, merged. Add a capability's table here.

export const ACTIONS = {
  ...pairActions,
  ...consentActions,
  ...questionnaireActions,
  ...roundsActions,
  ...operatorActions,
  ...invitationActions,
  ...curatorActions,
  ...basesActions,
  ...topicActions,
  ...menuActions,
  ...pairWorkActions,
  ...roadmapActions,
  ...planActions,
  ...reportActions,
  ...meetingActions,
  ...feedbackActions,
  ...holidayActions,
} satisfies Record<string, ActionSpec>;

export type ActionType = keyof typeof ACTIONS;
export type ActionOf<K extends ActionType> = { type: K } & FieldsOf<(typeof ACTIONS)[K]>;
export type Action = { [K in ActionType]: ActionOf<K> }[ActionType];

export const action = <K extends ActionType>(type: K, fields: FieldsOf<(typeof ACTIONS)[K]>): ActionOf<K> => ({ type, ...fields }) as ActionOf<K>;
