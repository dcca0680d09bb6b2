import type { File as TgFile, Message } from "@grammyjs/types";
import { Api, InputFile } from "grammy";
import { PNG } from "pngjs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BotApiEmulator, type TestUser } from "../support/emulator/index.js";
import { callApi, callOk } from "./helpers.js";

/** Every byte value, so any text/encoding mangling shows up. */
const ALL_BYTES = Buffer.from(Array.from({ length: 256 }, (_, i) => i));

function png(width: number, height: number): Buffer {
  const image = new PNG({ width, height });
  image.data.fill(0xff);
  return PNG.sync.write(image);
}

describe("Bot API emulator: files", () => {
  let emulator: BotApiEmulator;
  let ann: TestUser;
  let api: Api;

  beforeEach(async () => {
    emulator = new BotApiEmulator();
    await emulator.start();
    ann = emulator.createUser({ firstName: "Ann" });
    api = new Api(emulator.token, { apiRoot: emulator.apiRoot });
  });
  afterEach(async () => {
    await emulator.stop();
  });

  it("receives a standard multipart/form-data upload byte for byte", async () => {
    const form = new FormData();
    form.set("chat_id", String(ann.id));
    form.set("caption", "Report");
    form.set("document", new Blob([ALL_BYTES]), "report.xlsx");
    const response = await fetch(`${emulator.apiRoot}/bot${emulator.token}/sendDocument`, { method: "POST", body: form });
    const body = (await response.json()) as { ok: boolean; result: Message };
    expect(body.ok).toBe(true);
    expect(body.result.document).toEqual({
      file_id: expect.any(String) as string,
      file_unique_id: expect.any(String) as string,
      file_name: "report.xlsx",
      mime_type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      file_size: 256,
    });
    expect(body.result.caption).toBe("Report");

    const doc = await ann.nextDocument();
    expect(doc.fileName).toBe("report.xlsx");
    expect(doc.caption).toBe("Report");
    expect(doc.data.equals(ALL_BYTES)).toBe(true);
    expect(doc.message.message_id).toBe(body.result.message_id);
  });

  it("receives grammY InputFile uploads (grammY's own multipart format) with non-ASCII names", async () => {
    const sent = await api.sendDocument(ann.id, new InputFile(ALL_BYTES, "Отчёт по наставникам.csv"), {
      caption: "Выгрузка",
      reply_markup: { inline_keyboard: [[{ text: "Ещё", callback_data: "more" }]] },
    });
    expect(sent.document).toMatchObject({ file_name: "Отчёт по наставникам.csv", mime_type: "text/csv", file_size: 256 });

    const [doc] = ann.documents();
    expect(doc?.fileName).toBe("Отчёт по наставникам.csv");
    expect(doc?.data.equals(ALL_BYTES)).toBe(true);
    expect(doc?.message.reply_markup?.inline_keyboard[0]?.[0]?.text).toBe("Ещё");
    const upload = emulator.callsTo("sendDocument")[0]?.params["document"];
    expect(upload).toMatchObject({ kind: "upload", fileName: "Отчёт по наставникам.csv" });
  });

  it("re-sends a known file by file_id and rejects unknown ids", async () => {
    const first = await api.sendDocument(ann.id, new InputFile(Buffer.from("a,b\n1,2\n"), "table.csv"));
    const fileId = first.document?.file_id ?? "";
    const again = await callOk<Message>(emulator, "sendDocument", { chat_id: ann.id, document: fileId });
    expect(again.document?.file_id).toBe(fileId);
    expect(ann.documents().map((d) => d.data.toString())).toEqual(["a,b\n1,2\n", "a,b\n1,2\n"]);

    const unknown = await callApi(emulator, "sendDocument", { chat_id: ann.id, document: "nope" });
    expect(unknown.body.description).toBe("Bad Request: wrong file identifier/HTTP URL specified");
    const missing = await callApi(emulator, "sendDocument", { chat_id: ann.id });
    expect(missing.body.description).toBe("Bad Request: there is no document in the request");
  });

  it("sends photos with PhotoSize dimensions and returns the bytes", async () => {
    const image = png(33, 21);
    const sent = await api.sendPhoto(ann.id, new InputFile(image, "qr.png"), { caption: "Your QR" });
    expect(sent.photo).toEqual([
      {
        file_id: expect.any(String) as string,
        file_unique_id: expect.any(String) as string,
        width: 33,
        height: 21,
        file_size: image.length,
      },
    ]);
    const photo = await ann.nextPhoto();
    expect(photo.caption).toBe("Your QR");
    expect(photo.data.equals(image)).toBe(true);
    expect(PNG.sync.read(photo.data).width).toBe(33);

    const broken = await api.sendPhoto(ann.id, new InputFile(Buffer.from("not an image"), "x.png")).catch((e: unknown) => e);
    expect(broken).toMatchObject({ error_code: 400, description: "Bad Request: IMAGE_PROCESS_FAILED" });
    const doc = await api.sendDocument(ann.id, new InputFile(Buffer.from("x"), "x.txt"));
    const wrongKind = await callApi(emulator, "sendPhoto", { chat_id: ann.id, photo: doc.document?.file_id });
    expect(wrongKind.body.description).toBe("Bad Request: can't use file of type Document as Photo");
  });

  it("lets the bot download files users send (getFile + /file/bot<token>/<path>)", async () => {
    const message = await ann.sendDocument({ fileName: "students.csv", data: "name\nPetya\n" });
    const file = await callOk<TgFile>(emulator, "getFile", { file_id: message.document?.file_id });
    expect(file).toMatchObject({ file_id: message.document?.file_id, file_size: 11 });
    const download = await fetch(`${emulator.apiRoot}/file/bot${emulator.token}/${file.file_path ?? ""}`);
    expect(download.status).toBe(200);
    expect(await download.text()).toBe("name\nPetya\n");
    expect(message.document?.mime_type).toBe("text/csv");
  });
});
