import { expect } from "vitest";
import type { Message } from "grammy/types";
import type { TestUser } from "./emulator/index.js";
import { decodeQrPng } from "./qr.js";

// Steps several tests share, written as a person would do them.

export const LINK = /https:\/\/t\.me\/\w+\?start=(\S+)/;

export function linkOf(message: Message): { link: string; payload: string } {
  const m = LINK.exec(message.text ?? "");
  if (!m) throw new Error(`no invitation link in: ${message.text}`);
  return { link: m[0], payload: m[1]! };
}

/** Reads an invitation message and its QR picture; checks the picture decodes to the link. */
export async function readInvitation(user: TestUser): Promise<{ link: string; payload: string; message: Message }> {
  const message = await user.waitForText(LINK);
  const { link, payload } = linkOf(message);
  const photo = await user.nextPhoto();
  expect(decodeQrPng(photo.data)).toBe(link);
  return { link, payload, message };
}

/** The operator creates a school and a programme through the conversation; returns the curator link. */
export async function createSchoolAsOperator(
  operator: TestUser,
  school = { name: "ГБОУ ООШ № 4", city: "Новокуйбышевск" },
): Promise<{ link: string; payload: string }> {
  await operator.start();
  const menu = await operator.waitForText(/Главное меню/);
  await operator.press(menu, /Новая школа/);
  await operator.waitForText(/Как называется школа/);
  await operator.sendText(school.name);
  await operator.waitForText(/Город/);
  await operator.sendText(school.city);
  const tz = await operator.waitForText(/Часовой пояс/);
  await operator.press(tz, "Самара (МСК+1)");
  const year = await operator.waitForText(/Учебный год/);
  await operator.press(year, /^20\d\d\/20\d\d$/);
  const forms = await operator.waitForText(/формы наставничества/);
  await operator.press(forms, /учитель – учитель/);
  await operator.nextEdit();
  await operator.press(forms, /ученик – ученик/);
  await operator.nextEdit();
  await operator.press(forms, /Готово/);
  const summary = await operator.waitForText(/Проверьте/);
  await operator.press(summary, /Создать/);
  await operator.waitForText(/школа «.+» и программа .+ созданы/);
  return readInvitation(operator);
}
