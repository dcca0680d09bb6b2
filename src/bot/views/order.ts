import ExcelJS from "exceljs";

// The list of pairs and groups for the order «Об утверждении наставнических пар/групп» (2.7):
// one workbook a school can attach to the order.

type T = (key: string, vars?: Record<string, string | number>) => string;

export interface OrderRow {
  form: string;
  roleModel: string;
  mentor: string;
  mentees: string[];
  start: Date;
  end: Date;
}

export async function orderWorkbook(t: T, order: { number: string; date: Date; school: string; programme: string }, rows: OrderRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "mentorship-bot";
  const ws = wb.addWorksheet(t("order-sheet"));
  ws.addRow([t("order-heading", { number: order.number })]);
  ws.addRow([t("order-subheading", { school: order.school, programme: order.programme })]);
  ws.getRow(1).font = { bold: true, size: 13 };
  ws.getCell("B1").value = order.date;
  ws.getCell("B1").numFmt = "dd.mm.yyyy";
  ws.addRow([]);
  const header = ws.addRow([t("order-col-n"), t("order-col-form"), t("order-col-role-model"), t("order-col-mentor"), t("order-col-mentees"), t("order-col-start"), t("order-col-end")]);
  header.font = { bold: true };
  rows.forEach((r, i) => {
    const row = ws.addRow([i + 1, r.form, r.roleModel, r.mentor, r.mentees.join("\n"), r.start, r.end]);
    row.getCell(6).numFmt = "dd.mm.yyyy";
    row.getCell(7).numFmt = "dd.mm.yyyy";
    row.getCell(5).alignment = { wrapText: true, vertical: "top" };
  });
  ws.columns.forEach((c, i) => (c.width = [5, 22, 28, 28, 36, 12, 12][i] ?? 12));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
