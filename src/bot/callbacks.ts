// Callback data: short, colon-separated, always parsed strictly. A button only names an action
// and the ids it acts on; who may do it is checked against the store on every press.

export function cb(...parts: (string | number)[]): string {
  const data = parts.join(":");
  if (Buffer.byteLength(data) > 64) throw new Error(`callback data too long: ${data}`);
  return data;
}

export const ID = "([A-Za-z0-9_-]{12})";
