import { createHash, randomBytes } from "node:crypto";
import type { Collection, Db } from "mongodb";
import { z } from "zod";
import { TOKEN_BYTES, invitationStatus, type InvitationStatus } from "../domain/invitations.js";
import { CATEGORIES, ROLES } from "../domain/programme.js";
import type { ClaimsStore } from "./claims.js";
import { claimKeys } from "./claimKeys.js";
import { newId } from "./ids.js";
import { isStaffRole } from "../domain/programme.js";

// Invitations are stored by the SHA-256 of their token only: a leaked database gives no links.

export const invitationSchema = z.object({
  _id: z.string(),
  tokenHash: z.string().length(64),
  programmeId: z.string(),
  role: z.enum(ROLES),
  category: z.enum(CATEGORIES).nullable(),
  grade: z.number().int().min(1).max(11).nullable(),
  createdBy: z.number().int(),
  createdAt: z.date(),
  expiresAt: z.date(),
  maxUses: z.number().int().min(1),
  /** Places left: maxUses at creation; read back as maxUses less the places claimed. */
  remainingUses: z.number().int().min(0),
  revokedAt: z.date().nullable(),
  revokedBy: z.number().int().nullable(),
});
export type Invitation = z.infer<typeof invitationSchema>;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** An invitation as stored: its places left are not counted (`redeem` finds out by taking one). */
export type StoredInvitation = Omit<Invitation, "remainingUses">;

export type RedeemResult = { ok: true; invitation: StoredInvitation; place: string } | { ok: false; reason: InvitationStatus | "unknown" };

/**
 * A token's hash to its invitation, under the hash as `_id`: the invitation of an opened link is
 * two reads by `_id` (FerretDB answers those from its index; a read by `tokenHash` scans).
 */
interface TokenDoc {
  _id: string;
  invitationId: string;
}
const TOKENS_BUILT = "_built";

const placesOf = claimKeys.invitationPlaces;

/** The places a link really has: a curator's link admits one person, even one made before that rule. */
const placesOn = (invitation: Pick<Invitation, "role" | "maxUses">): number => (isStaffRole(invitation.role) ? 1 : invitation.maxUses);

export class InvitationsStore {
  private readonly col: Collection<Invitation>;
  /** The places on a link are claims, so that the last place goes to exactly one person. */
  constructor(
    db: Db,
    private readonly claims: ClaimsStore,
  ) {
    this.col = db.collection<Invitation>("invitations");
    this.tokens = db.collection<TokenDoc>("invitation_tokens");
  }
  private readonly tokens: Collection<TokenDoc>;

  async ensureIndexes(): Promise<void> {
    await this.col.createIndex({ tokenHash: 1 }, { unique: true });
    await this.col.createIndex({ programmeId: 1, createdAt: -1 });
    // Invitations from before the token documents get theirs once.
    if (await this.tokens.findOne({ _id: TOKENS_BUILT })) return;
    const docs = (await this.col.find({}, { projection: { _id: 1, tokenHash: 1 } }).toArray()).map((d) => ({ _id: d.tokenHash, invitationId: d._id }));
    if (docs.length) await this.tokens.insertMany(docs, { ordered: false }).catch(ignoreDuplicates);
    await this.tokens.insertOne({ _id: TOKENS_BUILT, invitationId: "" }).catch(ignoreDuplicates);
  }

  /** Creates an invitation and returns the token; the token itself is never stored. */
  async create(
    input: Pick<Invitation, "programmeId" | "role" | "category" | "grade" | "createdBy" | "expiresAt" | "maxUses">,
    now: Date,
  ): Promise<{ invitation: Invitation; token: string }> {
    const token = randomBytes(TOKEN_BYTES).toString("base64url");
    const invitation = invitationSchema.parse({
      ...input,
      _id: newId(),
      tokenHash: hashToken(token),
      createdAt: now,
      remainingUses: input.maxUses,
      revokedAt: null,
      revokedBy: null,
    });
    await this.col.insertOne(invitation);
    await this.tokens.insertOne({ _id: invitation.tokenHash, invitationId: invitation._id });
    return { invitation, token };
  }

  /** The invitation of a token as stored (two reads by `_id`; its places are not counted). */
  async lookup(token: string): Promise<StoredInvitation | null> {
    const ref = await this.tokens.findOne({ _id: hashToken(token) });
    const doc = ref && (await this.col.findOne({ _id: ref.invitationId }));
    if (!doc) return null;
    const { remainingUses: _, ...stored } = invitationSchema.parse(doc);
    return stored;
  }

  /**
   * Takes one place on the link for a person: two people racing for the last place cannot both
   * win. The place taken is returned, so that exactly it can be given back. A link whose every
   * place is taken is used up; revoked and expired links are refused before.
   */
  async redeem(invitation: StoredInvitation, userId: number, now: Date): Promise<RedeemResult> {
    const status = invitationStatus({ ...invitation, remainingUses: 1 }, now);
    if (status !== "usable") return { ok: false, reason: status };
    const place = await this.claims.claimNumbered(placesOf(invitation._id), placesOn(invitation), userId, now);
    return place ? { ok: true, invitation, place } : { ok: false, reason: "used-up" };
  }

  /**
   * Gives back one place taken by `redeem` when the redemption could not be completed. Only
   * that place: the same person's other tap may hold another one, rightly.
   */
  async releasePlace(place: string): Promise<void> {
    await this.claims.release(place);
  }

  /** Gives back every place a person holds on the link (their data is being forgotten). */
  async release(invitation: Invitation, userId: number): Promise<void> {
    await this.claims.releasePlaces(placesOf(invitation._id), userId);
  }

  /**
   * The remaining places, counted from the claims. Not written back: on FerretDB a write to the
   * invitation racing a revocation could undo it, so the document changes only when revoked.
   */
  private async recount(invitation: StoredInvitation): Promise<Invitation> {
    const maxUses = placesOn(invitation);
    const remainingUses = Math.max(0, maxUses - (await this.claims.placesUsed(placesOf(invitation._id))));
    return { ...invitation, maxUses, remainingUses };
  }

  async get(id: string): Promise<Invitation | null> {
    const doc = await this.col.findOne({ _id: id });
    return doc ? this.recount(invitationSchema.parse(doc)) : null;
  }

  async listForProgramme(programmeId: string, limit: number, skip = 0): Promise<Invitation[]> {
    const docs = await this.col.find({ programmeId }).sort({ createdAt: -1, _id: 1 }).skip(skip).limit(limit).toArray();
    return Promise.all(docs.map((d) => this.recount(invitationSchema.parse(d))));
  }

  async countForProgramme(programmeId: string): Promise<number> {
    return this.col.countDocuments({ programmeId });
  }

  /** Revokes once; returns false when it was already revoked or belongs to another programme. */
  async revoke(id: string, programmeId: string, by: number, now: Date): Promise<boolean> {
    const res = await this.col.updateOne({ _id: id, programmeId, revokedAt: null }, { $set: { revokedAt: now, revokedBy: by } });
    return res.modifiedCount === 1;
  }
}

function ignoreDuplicates(error: unknown): void {
  const errors = (error as { writeErrors?: { code?: number }[] | { code?: number }; code?: number }).writeErrors;
  const list = Array.isArray(errors) ? errors : errors ? [errors] : [error as { code?: number }];
  if (list.some((e) => e.code !== 11000)) throw error;
}
