import { describe, expect, it } from "vitest";
import { ReadCache } from "../../src/store/cache.js";

describe("the in-process read copy", () => {
  it("does not keep a read that began before a write dropped the key (it would hide the write)", async () => {
    const cache = new ReadCache<string>();
    let answer!: (v: string) => void;
    const slow = cache.read("p", () => new Promise<string>((r) => (answer = r)));
    // A write lands while that read is on its way: it drops the key.
    cache.delete("p");
    answer("before the write");
    expect(await slow).toBe("before the write");
    // The next read asks again and keeps what it gets.
    expect(await cache.read("p", async () => "after the write")).toBe("after the write");
    expect(await cache.read("p", async () => "not asked")).toBe("after the write");
  });

  it("keeps nothing for a key that is not there", async () => {
    const cache = new ReadCache<string>();
    expect(await cache.read("x", async () => null)).toBeNull();
    expect(await cache.read("x", async () => "now there")).toBe("now there");
  });
});
