// `plenary telegram …`: read, check, render, redact and synth from the command line. The only
// file in this folder that touches the file system; it goes through `TelegramIO` so tests can
// drive it in-process.

import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type Command, InvalidArgumentError, Option } from "commander";
import { checkTelegram } from "./check.js";
import type { ReadResult } from "./diagnostics.js";
import { MARKING_LADDER } from "./marking.js";
import type { MarkingLevel, Telegram } from "./model.js";
import { isPdf, pdfText } from "./pdf.js";
import { readTelegram } from "./read.js";
import { redactTelegram } from "./redact.js";
import { renderTelegram } from "./render.js";
import { synthTelegrams } from "./synth.js";
import { walk } from "./walk.js";

export interface TelegramIO {
  out: (text: string) => void;
  err: (text: string) => void;
  readFile: (path: string) => Promise<Uint8Array>;
  readStdin: () => Promise<Uint8Array>;
  writeFile: (path: string, text: string) => Promise<void>;
  mkdir: (path: string) => Promise<void>;
}

async function stdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export const nodeIO: TelegramIO = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  readFile: (p) => readFile(p),
  readStdin: stdin,
  writeFile: (p, t) => writeFile(p, t, "utf8"),
  mkdir: async (p) => {
    await mkdir(p, { recursive: true });
  },
};

function positiveInt(name: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value) || Number(value) < 1)
      throw new InvalidArgumentError(`${name} must be a positive integer.`);
    return Number(value);
  };
}

function integer(value: string): number {
  if (!/^-?\d+$/.test(value)) throw new InvalidArgumentError("--seed must be an integer.");
  return Number(value);
}

export function registerTelegramCommands(telegram: Command, io: TelegramIO = nodeIO): void {
  /** Read a file or stdin; on failure report the file and the reason and return null. */
  const load = async (file: string): Promise<Uint8Array | null> => {
    try {
      return file === "-" ? await io.readStdin() : await io.readFile(file);
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      io.err(`telegram: cannot read "${file}": ${reason}\n`);
      process.exitCode = 1;
      return null;
    }
  };

  /** A telegram file's bytes; a telegram printed to PDF is laid out again as its printed text. */
  const loadTelegram = async (file: string): Promise<Uint8Array | null> => {
    const bytes = await load(file);
    if (!bytes || !isPdf(bytes)) return bytes;
    try {
      const text = await pdfText(bytes);
      if (text.trim() === "")
        throw new Error("the PDF has no text layer (a scanned image?); nothing to read");
      return new TextEncoder().encode(text);
    } catch (e) {
      io.err(`telegram: cannot read the PDF "${file}": ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
      return null;
    }
  };

  telegram
    .command("read")
    .description("read telegrams (plain text, archive HTML, Cablegate CSV, PDF) and print a summary or JSON")
    .argument("<files...>", "telegram files, or - for standard input")
    .option("--json", "print the model, diagnostics and repairs as JSON")
    .action(async (files: string[], opts: { json?: boolean }) => {
      const results: Array<ReadResult & { file: string }> = [];
      for (const file of files) {
        const bytes = await loadTelegram(file);
        if (bytes) results.push({ file, ...readTelegram(bytes) });
      }
      if (opts.json) {
        const json = results.length === 1 && files.length === 1 ? results[0] : results;
        io.out(`${JSON.stringify(json, null, 2)}\n`);
        return;
      }
      for (const r of results) io.out(`${summary(r)}\n`);
    });

  telegram
    .command("check")
    .description("check telegrams against the drafting rules; exit code 1 when there are errors")
    .argument("<files...>", "telegram files, or - for standard input")
    .action(async (files: string[]) => {
      let errors = false;
      for (const file of files) {
        const bytes = await loadTelegram(file);
        if (!bytes) continue;
        const r = readTelegram(bytes);
        const lines = [
          ...r.diagnostics.filter((d) => d.severity !== "info"),
          ...checkTelegram(r.model).map((f) => ({ line: f.line ?? 1, column: f.column ?? 1, ...f })),
        ];
        for (const d of lines) {
          if (d.severity === "error") errors = true;
          io.out(`${file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}\n`);
        }
      }
      if (errors) process.exitCode = 1;
    });

  telegram
    .command("render")
    .description("render a model (JSON, as printed by `read --json`) as canonical telegram text")
    .argument("<file>", "model JSON file")
    .action(async (file: string) => {
      const bytes = await load(file);
      if (!bytes) return;
      let model: Telegram;
      try {
        const parsed = JSON.parse(new TextDecoder().decode(bytes)) as { model?: Telegram } & Telegram;
        model = parsed.model ?? parsed;
        if (!Array.isArray(model.body)) throw new Error("no body array: not a telegram model");
      } catch (e) {
        io.err(
          `telegram render: "${file}" is not a telegram model: ${e instanceof Error ? e.message : String(e)}\n`,
        );
        process.exitCode = 1;
        return;
      }
      io.out(renderTelegram({ ...model, end: model.end ?? { lines: [], markers: [] } }));
    });

  telegram
    .command("redact")
    .description("print a telegram as a reader with the given clearance may see it")
    .argument("<file>", "telegram file, or - for standard input")
    .addOption(
      new Option("--clearance <level>", "the reader's clearance")
        .choices(MARKING_LADDER)
        .makeOptionMandatory(),
    )
    .action(async (file: string, opts: { clearance: MarkingLevel }) => {
      const bytes = await loadTelegram(file);
      if (!bytes) return;
      io.out(renderTelegram(redactTelegram(readTelegram(bytes).model, opts.clearance)));
    });

  telegram
    .command("synth")
    .description("generate synthetic telegrams")
    .requiredOption("--count <n>", "how many telegrams", positiveInt("--count"))
    .option("--seed <s>", "seed of the generator", integer, 1)
    .option("--out <dir>", "write one file per telegram into this folder")
    .action(async (opts: { count: number; seed: number; out?: string }) => {
      let i = 0;
      if (opts.out) {
        try {
          await io.mkdir(opts.out);
          for (const text of synthTelegrams({ count: opts.count, seed: opts.seed })) {
            i++;
            await io.writeFile(join(opts.out, `synth-${String(i).padStart(5, "0")}.txt`), text);
          }
        } catch (e) {
          io.err(
            `telegram synth: cannot write to "${opts.out}": ${e instanceof Error ? e.message : String(e)}\n`,
          );
          process.exitCode = 1;
        }
        return;
      }
      for (const text of synthTelegrams({ count: opts.count, seed: opts.seed })) {
        if (i++ > 0) io.out("\f\n");
        io.out(text);
      }
    });
}

function summary(r: ReadResult & { file: string }): string {
  const m = r.model;
  let paragraphs = 0;
  walk(m.body, (n) => {
    if (n.kind === "paragraph") paragraphs++;
  });
  const errors = r.diagnostics.filter((d) => d.severity === "error").length;
  const warnings = r.diagnostics.filter((d) => d.severity === "warning").length;
  return [
    `${r.file}: ${r.format}`,
    m.reference?.id ?? "no reference",
    m.classification?.level ?? "no classification",
    m.heading?.dtg?.instant ?? "no date-time group",
    `${paragraphs} paragraphs`,
    `${errors} errors, ${warnings} warnings, ${r.repairs.length} repairs`,
  ].join(" | ");
}
