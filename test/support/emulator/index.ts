export { BotApiEmulator } from "./emulator.js";
export type { BotApiEmulatorOptions, CreateGroupOptions, CreateUserOptions } from "./emulator.js";
export { ChatReader, TestGroup, TestUser } from "./test-user.js";
export type { MessageRef, NextEventOptions, WaitForOptions, WaitOptions } from "./test-user.js";
export { ApiError } from "./types.js";
export type {
  ApiCall,
  ApiResponse,
  CallbackAnswer,
  ChatEvent,
  ChatEventKind,
  InjectedError,
  Params,
  RateLimitOptions,
  SentDocument,
  SentPhoto,
  UploadedFile,
} from "./types.js";
export type { WebhookFailure, WebhookRetryOptions } from "./webhook.js";
export type { UpdatePayload } from "./updates.js";
