import jsQRModule from "jsqr";
import { PNG } from "pngjs";

// jsqr is CommonJS with a default export; under NodeNext its default may sit one level down.
const jsQR = ((jsQRModule as unknown as { default?: typeof jsQRModule }).default ?? jsQRModule) as unknown as (
  data: Uint8ClampedArray,
  width: number,
  height: number,
) => { data: string } | null;

/** Decodes a QR code picture (PNG) back to its text. */
export function decodeQrPng(data: Buffer): string | null {
  const png = PNG.sync.read(data);
  const result = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength), png.width, png.height);
  return result?.data ?? null;
}
