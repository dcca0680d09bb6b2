import { z } from "zod";

// One table of every action a person can take by pressing a button. A front packs an action into
// whatever its buttons carry (Telegram: 64 bytes of callback data) and parses it back strictly;
// the table is the only place where an action's name, prefix and fields are written.
//
// Field names say what an id points to, so that the authorization test can forge each one with
// someone else's: programmeId, pairId, membershipId (a person in a programme), roundId, batchId,
// invitationId, topicId, userId. Other fields are enums or small numbers.

/** A stored document id: 12 base64url characters (store/ids.ts). */
export const Id = z.string().regex(/^[A-Za-z0-9_-]{12}$/);
/** A page number or an index in a list. */
export const Index = z.coerce.number().int().min(0).max(9999);

export type FieldShape = Record<string, z.ZodType<string | number>>;

export interface ActionSpec<S extends FieldShape = FieldShape> {
  /** Short and unique: the first part of the packed data. */
  prefix: string;
  /** The fields, in packing order. */
  fields: S;
  /**
   * A conversation's own button: taken as an answer while a flow waits, refused as out of date
   * when no flow waits. Every other action is handled by a feature.
   */
  flow?: boolean;
  /** Who this action is for, as the authorization matrix knows them. */
  for: "operator" | "curator" | "staff" | "director" | "participant" | "pair-party" | "parent" | "anyone";
}

export const defineAction = <S extends FieldShape>(spec: ActionSpec<S>): ActionSpec<S> => spec;

export type FieldsOf<A extends ActionSpec> = { [K in keyof A["fields"]]: z.output<A["fields"][K]> };
