import { defineAction } from "./define.js";

// The way back to the main menu, from any screen.

export const menuActions = {
  menuOpen: defineAction({ prefix: "menu", fields: {}, for: "anyone" }),
};
