import QRCode from "qrcode";

/** A printable QR code of a link, as PNG bytes. */
export async function qrPng(link: string): Promise<Buffer> {
  return QRCode.toBuffer(link, { type: "png", width: 600, margin: 2, errorCorrectionLevel: "M" });
}
