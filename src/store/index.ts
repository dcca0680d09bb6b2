import { MongoClient, type Db } from "mongodb";
import { AuditStore } from "./audit.js";
import { ClaimsStore } from "./claims.js";
import { ConsentsStore } from "./consents.js";
import { ConversationsStore } from "./conversations.js";
import { GroupsStore } from "./groups.js";
import { InvitationsStore } from "./invitations.js";
import { MeetingsStore } from "./meetings.js";
import { MonthlyReportsStore } from "./monthlyReports.js";
import { FinalReportsStore } from "./finalReports.js";
import { FeedbackStore } from "./feedback.js";
import { FlagsStore } from "./flags.js";
import { OutboxStore } from "./outbox.js";
import { MembershipsStore } from "./memberships.js";
import { ParentLinksStore } from "./parentLinks.js";
import { PairEventsStore } from "./pairEvents.js";
import { PairsStore } from "./pairs.js";
import { PlansStore } from "./plans.js";
import { PreferencesStore } from "./preferences.js";
import { ProfilesStore } from "./profiles.js";
import { ProgrammesStore } from "./programmes.js";
import { RoundsStore } from "./rounds.js";
import { ProposalBatchesStore } from "./proposalBatches.js";
import { SchoolsStore } from "./schools.js";
import { StagesStore } from "./stages.js";
import { UpdatesStore } from "./updates.js";
import { UsersStore } from "./users.js";

export interface Store {
  db: Db;
  users: UsersStore;
  schools: SchoolsStore;
  programmes: ProgrammesStore;
  memberships: MembershipsStore;
  invitations: InvitationsStore;
  updates: UpdatesStore;
  groups: GroupsStore;
  claims: ClaimsStore;
  consents: ConsentsStore;
  parentLinks: ParentLinksStore;
  profiles: ProfilesStore;
  pairs: PairsStore;
  rounds: RoundsStore;
  pairEvents: PairEventsStore;
  proposalBatches: ProposalBatchesStore;
  preferences: PreferencesStore;
  conversations: ConversationsStore;
  audit: AuditStore;
  meetings: MeetingsStore;
  stages: StagesStore;
  plans: PlansStore;
  monthlyReports: MonthlyReportsStore;
  finalReports: FinalReportsStore;
  feedback: FeedbackStore;
  flags: FlagsStore;
  outbox: OutboxStore;
}

/** The store over a database; the clock stamps what the store itself dates. */
export function createStore(db: Db, clock: () => Date = () => new Date()): Store {
  const claims = new ClaimsStore(db, clock);
  return {
    db,
    users: new UsersStore(db),
    schools: new SchoolsStore(db),
    programmes: new ProgrammesStore(db),
    memberships: new MembershipsStore(db, claims),
    invitations: new InvitationsStore(db, claims),
    updates: new UpdatesStore(db),
    groups: new GroupsStore(db),
    claims,
    consents: new ConsentsStore(db),
    parentLinks: new ParentLinksStore(db, claims),
    profiles: new ProfilesStore(db),
    rounds: new RoundsStore(db),
    pairs: new PairsStore(db, claims),
    pairEvents: new PairEventsStore(db, clock),
    proposalBatches: new ProposalBatchesStore(db),
    preferences: new PreferencesStore(db),
    conversations: new ConversationsStore(db, clock),
    audit: new AuditStore(db),
    meetings: new MeetingsStore(db),
    stages: new StagesStore(db, claims),
    plans: new PlansStore(db, claims),
    monthlyReports: new MonthlyReportsStore(db),
    finalReports: new FinalReportsStore(db),
    feedback: new FeedbackStore(db),
    flags: new FlagsStore(db),
    outbox: new OutboxStore(db),
  };
}

/** Creates every collection's indexes; run once at startup. */
export async function ensureIndexes(store: Store): Promise<void> {
  // Every part of the store that has indexes (the db handle has none).
  for (const part of Object.values(store) as unknown[]) {
    if (typeof part === "object" && part !== null && "ensureIndexes" in part && typeof part.ensureIndexes === "function") await (part as { ensureIndexes(): Promise<void> }).ensureIndexes();
  }
}

export async function connectStore(uri: string, dbName: string, clock: () => Date = () => new Date()): Promise<{ client: MongoClient; store: Store }> {
  const client = new MongoClient(uri, { serverSelectionTimeoutMS: 10_000 });
  await client.connect();
  const store = createStore(client.db(dbName), clock);
  await ensureIndexes(store);
  // The bases screen's counts, read once behind the start (a failure is counted again at first look).
  store.memberships.warmCounts().catch(() => {});
  return { client, store };
}
