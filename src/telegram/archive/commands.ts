import type { Command } from "commander";

export function registerTelegramArchiveCommands(_telegram: Command): void {}
