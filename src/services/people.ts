import type { Membership } from "../store/memberships.js";
import type { ServiceDeps } from "./deps.js";
import { msg, type NoticeVar } from "./notices.js";

// How a person is named to others: their name from the questionnaire with their role, or only
// the role when they have not answered yet. Kept as message data: each reader sees it in their
// own language.

/** «Наставник, педагог» / «Наставляемый, ученик 7 класса» as message data. */
export function roleRef(m: Pick<Membership, "role" | "category" | "grade">): NoticeVar {
  const role = msg(`role-${m.role}`);
  if (!m.category) return role;
  const category = m.category === "student" && m.grade ? msg("category-student-grade", { grade: m.grade }) : msg(`category-${m.category}`);
  return { list: [role, category], separator: ", " };
}

/** The name a person gave in their questionnaire, if any. */
export async function nameOf(deps: Pick<ServiceDeps, "store">, m: Pick<Membership, "_id">): Promise<string | null> {
  const name = (await deps.store.profiles.get(m._id))?.answers["full-name"];
  return typeof name === "string" && name ? name : null;
}

/** «Иванова Анна (наставник, педагог)», or «Наставник, педагог» without a name. */
export async function personRef(deps: Pick<ServiceDeps, "store">, m: Membership): Promise<NoticeVar> {
  const name = await nameOf(deps, m);
  return name ? msg("person-named", { name, label: { lower: roleRef(m) } }) : roleRef(m);
}

/** The same for many people, with one read of their profiles. */
export async function personRefs(deps: Pick<ServiceDeps, "store">, people: readonly Membership[]): Promise<Map<string, NoticeVar>> {
  const profiles = await deps.store.profiles.getMany(people.map((m) => m._id));
  const out = new Map<string, NoticeVar>();
  for (const m of people) {
    const name = profiles.get(m._id)?.answers["full-name"];
    out.set(m._id, typeof name === "string" && name ? msg("person-named", { name, label: { lower: roleRef(m) } }) : roleRef(m));
  }
  return out;
}
