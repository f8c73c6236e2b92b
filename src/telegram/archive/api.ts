import type { Api } from "../../core/http/api.js";

export function registerTelegramApi(_api: Api): void {}
