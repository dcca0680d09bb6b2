import ExcelJS from "exceljs";
import type { AuditItem } from "../../services/audit.js";

// The audit log as an XLSX workbook: one row an entry, newest first. Sent protected.

type T = (key: string, vars?: Record<string, string | number>) => string;

export async function auditWorkbook(t: T, items: readonly AuditItem[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "mentorship-bot";
  const ws = wb.addWorksheet(t("audit-sheet"));
  ws.columns = [
    { header: t("audit-col-n"), key: "n", width: 6 },
    { header: t("audit-col-at"), key: "at", width: 18, style: { numFmt: "dd.mm.yyyy hh:mm" } },
    { header: t("audit-col-who"), key: "who", width: 18 },
    { header: t("audit-col-what"), key: "what", width: 36 },
    { header: t("audit-col-person"), key: "person", width: 30 },
    { header: t("audit-col-pair"), key: "pair", width: 16 },
  ];
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: "frozen", ySplit: 1 }];
  for (const { n, entry, name } of items) {
    ws.addRow({ n, at: entry.at, who: entry.actorId, what: t(`audit-action-${entry.action}`), person: entry.membershipId ? (name ?? entry.membershipId) : "", pair: entry.pairId ?? "" });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
