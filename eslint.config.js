import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "data/", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-syntax": [
        "error",
        { selector: "MemberExpression[object.name='process'][property.name='env']", message: "Read the environment only in src/config.ts." },
      ],
    },
  },
  { files: ["src/config.ts", "test/**", "bench/**"], rules: { "no-restricted-syntax": "off" } },
  // The layers: bot, flows, jobs → services → store → domain. Each may import only those after it.
  layer("src/domain/**", ["store", "services", "bot", "flows", "jobs", "config", "main"], ["mongodb"]),
  layer("src/store/**", ["services", "bot", "flows", "jobs", "main"]),
  layer("src/services/**", ["bot", "flows", "jobs", "main"]),
  layer("src/jobs/**", ["bot", "flows", "main"]),
  layer("src/flows/**", ["bot/features", "bot/index", "jobs", "main"], [], true),
  layer("src/bot/**", ["jobs", "main"], [], true),
);

/** Forbids imports of our own folders (and packages) from a layer; grammY only where allowed. */
function layer(files, folders, packages = [], grammyAllowed = false) {
  // "main" is src/main.ts only (not bot/menus/main.ts): reached from a layer one or two folders down.
  const group = folders.flatMap((f) => (f === "main" ? ["../main.js", "../../main.js"] : [`**/${f}/**`, `**/${f}.js`, `**/${f}`]));
  const banned = [...packages, ...(grammyAllowed ? [] : ["grammy", "grammy/*", "@grammyjs/*"])];
  return {
    files: [files],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group, message: `${files.replace("/**", "")} may not import ${folders.join(", ")} (see README, Architecture).` },
            ...(banned.length ? [{ group: banned, message: `${files.replace("/**", "")} may not import ${banned.join(", ")}: only src/bot and src/flows touch grammY.` }] : []),
          ],
        },
      ],
    },
  };
}
