import type { Joined } from "../../services/invitations.js";
import type { BaseContext } from "../context.js";
import { whoOf } from "../../services/consent.js";
import { roleLabel } from "../labels.js";

// What a person is told on joining a programme by an invitation.

export function joinedText(ctx: BaseContext, joined: Joined): string {
  const { view, membership, outcome } = joined;
  const names = { school: view.school.name, year: view.programme.academicYear };
  if (outcome === "already") return ctx.t("link-already-member", { ...names, role: roleLabel(ctx.t, membership.role) });
  if (membership.role === "curator") return ctx.t("link-welcome-curator", names);
  if (membership.role === "director") return ctx.t("link-welcome-director", names);
  return ctx.t("link-welcome-participant", { ...names, ...whoOf(membership) });
}
