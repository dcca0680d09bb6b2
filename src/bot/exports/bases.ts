import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { applicableQuestions, questionnaireFor } from "../../domain/questionnaire.js";
import { QUESTIONNAIRES } from "../../domain/questionnaires.js";
import type { Role } from "../../domain/programme.js";
import type { BaseRow } from "../../services/bases.js";
import { answerLine, answerText } from "../answers.js";
import { categoryLabel } from "../labels.js";

// The curator's bases as one XLSX workbook: a sheet per base, headers in the curator's language,
// one row a person, dates as real dates. Written with ExcelJS's streaming writer: each row is
// committed (serialised) as it is added, so the workbook of 10,000 people is never held as cells.

type T = (key: string, vars?: Record<string, string | number>) => string;

/** Well-known answers get their own columns; the rest go to "other answers". */
const OWN_COLUMNS = ["full-name", "requests", "competencies", "format", "availability", "experience", "capacity"] as const;

export async function basesWorkbook(t: T, rows: { mentor: BaseRow[]; mentee: BaseRow[] }, topicLabel: (id: string) => string): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    out.on("end", resolve);
    out.on("error", reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  wb.creator = "mentorship-bot";
  for (const role of ["mentor", "mentee"] as const satisfies readonly Role[]) {
    const ws = wb.addWorksheet(t(`xlsx-sheet-${role}`), { views: [{ state: "frozen", ySplit: 1 }] });
    ws.columns = [
      { header: t("xlsx-col-n"), key: "n", width: 5 },
      { header: t("xlsx-col-name"), key: "name", width: 28 },
      { header: t("xlsx-col-category"), key: "category", width: 22 },
      { header: t("xlsx-col-status"), key: "status", width: 22 },
      { header: t("xlsx-col-consent-date"), key: "consentDate", width: 14, style: { numFmt: "dd.mm.yyyy" } },
      { header: t("xlsx-col-consent-how"), key: "consentHow", width: 24 },
      { header: t(role === "mentor" ? "xlsx-col-competencies" : "xlsx-col-requests"), key: "topics", width: 40 },
      { header: t("xlsx-col-format"), key: "format", width: 12 },
      { header: t("xlsx-col-availability"), key: "availability", width: 30 },
      { header: t("xlsx-col-experience"), key: "experience", width: 10 },
      ...(role === "mentor" ? [{ header: t("xlsx-col-capacity"), key: "capacity", width: 12 }] : []),
      { header: t("xlsx-col-submitted"), key: "submitted", width: 14, style: { numFmt: "dd.mm.yyyy" } },
      { header: t("xlsx-col-other"), key: "other", width: 60 },
    ];
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).commit();
    rows[role].forEach((row, i) => {
      const { membership: m, profile, consent } = row;
      const qid = questionnaireFor(m.role, m.category);
      const definition = qid ? QUESTIONNAIRES[qid] : null;
      const answers = profile?.answers ?? {};
      const questions = definition ? applicableQuestions(definition, answers) : [];
      const text = (id: string) => {
        const q = questions.find((x) => x.id === id);
        return q && id in answers ? answerText(t, q, answers[id], topicLabel) : "";
      };
      const number = (id: string) => (typeof answers[id] === "number" ? (answers[id] as number) : null);
      ws.addRow({
        n: i + 1,
        name: typeof answers["full-name"] === "string" ? answers["full-name"] : "",
        category: categoryLabel(t, m.category, m.grade),
        status: t(`intake-${m.intake ?? "invited"}`),
        consentDate: consent ? consent.at : null,
        consentHow: consent ? `${t(`consent-relation-${consent.relation}`)}, ${t(`consent-method-${consent.method}`)}` : "",
        topics: text(role === "mentor" ? "competencies" : "requests"),
        format: text("format"),
        availability: text("availability"),
        experience: number("experience"),
        capacity: number("capacity"),
        submitted: profile?.submittedAt ?? null,
        other: questions
          .filter((q) => !(OWN_COLUMNS as readonly string[]).includes(q.id) && q.id in answers)
          .map((q) => answerLine(t, q, answers[q.id], topicLabel))
          .join("\n"),
      }).commit();
    });
    ws.commit();
  }
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}
