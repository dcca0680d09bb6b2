import jsQR from "jsqr";
import { PNG } from "pngjs";

/** Decodes a QR code picture (PNG) back to its text. */
export function decodeQrPng(data: Buffer): string | null {
  const png = PNG.sync.read(data);
  const result = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength), png.width, png.height);
  return result?.data ?? null;
}
