import { randomBytes } from "node:crypto";
import type { Collection, Db } from "mongodb";
import { z } from "zod";
import { TOKEN_BYTES } from "../domain/invitations.js";
import { newId } from "./ids.js";
import type { ClaimsStore } from "./claims.js";
import { claimKeys } from "./claimKeys.js";
import { hashToken } from "./invitations.js";

// A link a minor passes to a parent, who opens it to consent. Stored by hash, like invitations.
// A child has one valid link at a time: a new one revokes the one before (kept as a small
// tombstone, so that the old link can say it was replaced rather than that it never existed).

export const parentLinkSchema = z.object({
  _id: z.string(),
  tokenHash: z.string().length(64),
  membershipId: z.string(),
  programmeId: z.string(),
  childId: z.number().int(),
  createdAt: z.date(),
  expiresAt: z.date(),
  /** The first person who opened the link: only they may answer on it. */
  openedBy: z.number().int().nullable().default(null),
  usedAt: z.date().nullable(),
  usedBy: z.number().int().nullable(),
  /** When a newer link replaced this one; a replaced link can no longer be opened or used. */
  revokedAt: z.date().nullable().default(null),
});
export type ParentLink = z.infer<typeof parentLinkSchema>;

export class ParentLinksStore {
  private readonly col: Collection<ParentLink>;
  /** Who opened a link first, and its single use, are claims: first one wins on any server. */
  constructor(
    db: Db,
    private readonly claims: ClaimsStore,
  ) {
    this.col = db.collection<ParentLink>("parent_links");
  }

  async ensureIndexes(): Promise<void> {
    await this.col.createIndex({ tokenHash: 1 }, { unique: true });
    await this.col.createIndex({ membershipId: 1 });
  }

  async create(input: Pick<ParentLink, "membershipId" | "programmeId" | "childId" | "expiresAt">, now: Date): Promise<{ link: ParentLink; token: string }> {
    const token = randomBytes(TOKEN_BYTES).toString("base64url");
    const link = parentLinkSchema.parse({ ...input, _id: newId(), tokenHash: hashToken(token), createdAt: now, openedBy: null, usedAt: null, usedBy: null, revokedAt: null });
    await this.col.insertOne(link);
    return { link, token };
  }

  /**
   * Revokes the child's other links not answered on yet (call under the child's intake claim,
   * right after `create`), releasing their claims: only the newest link stays valid.
   */
  async revokeOthers(membershipId: string, keepId: string, now: Date): Promise<number> {
    const others = await this.col.find({ membershipId, _id: { $ne: keepId }, usedAt: null, revokedAt: null }).toArray();
    for (const link of others) {
      await this.col.updateOne({ _id: link._id }, { $set: { revokedAt: now } });
      await this.claims.release(claimKeys.parentLink(link._id));
    }
    return others.length;
  }

  /** The child's links that can still be opened (one at most, once `revokeOthers` has run). */
  async validOf(membershipId: string): Promise<ParentLink[]> {
    const docs = await this.col.find({ membershipId, usedAt: null, revokedAt: null }).toArray();
    return docs.map((d) => parentLinkSchema.parse(d));
  }

  async findByToken(token: string): Promise<ParentLink | null> {
    const doc = await this.col.findOne({ tokenHash: hashToken(token) });
    return doc ? parentLinkSchema.parse(doc) : null;
  }

  async get(id: string): Promise<ParentLink | null> {
    const doc = await this.col.findOne({ _id: id });
    return doc ? parentLinkSchema.parse(doc) : null;
  }

  /** The newest link of this child that this person opened and has not answered on yet. */
  async openedBy(membershipId: string, parentId: number): Promise<ParentLink | null> {
    const docs = await this.col.find({ membershipId, openedBy: parentId, usedAt: null, revokedAt: null }).sort({ createdAt: -1 }).limit(1).toArray();
    return docs[0] ? parentLinkSchema.parse(docs[0]) : null;
  }

  /** Whether this person opened a link of this child that a newer one has replaced since. */
  async openedReplaced(membershipId: string, parentId: number): Promise<boolean> {
    return (await this.col.countDocuments({ membershipId, openedBy: parentId, revokedAt: { $ne: null } })) > 0;
  }

  /** Binds the link to the first person who opens it; false if someone else opened it first. */
  async open(id: string, parentId: number, now: Date): Promise<boolean> {
    if (!(await this.claims.claim(claimKeys.parentLink(id), "parent-links", parentId, now))) {
      return (await this.claims.holderOf(claimKeys.parentLink(id))) === parentId;
    }
    await this.col.updateOne({ _id: id }, { $set: { openedBy: parentId } });
    return true;
  }

  /** Marks the link used by this parent, once: a second parent or a second tap gets false. */
  async use(id: string, parentId: number, now: Date): Promise<boolean> {
    const link = await this.get(id);
    if (!link || link.openedBy !== parentId || link.revokedAt || link.expiresAt.getTime() <= now.getTime()) return false;
    if (!(await this.claims.claim(claimKeys.parentLinkUsed(id), "parent-links", parentId, now))) return false;
    await this.col.updateOne({ _id: id }, { $set: { usedAt: now, usedBy: parentId } });
    return true;
  }

  async forgetMembership(membershipId: string): Promise<void> {
    for (const link of await this.col.find({ membershipId }).toArray()) {
      await this.claims.release(claimKeys.parentLink(link._id));
      await this.claims.release(claimKeys.parentLinkUsed(link._id));
    }
    await this.col.deleteMany({ membershipId });
  }
}
