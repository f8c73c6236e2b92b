import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ConfigError } from "../errors.js";

/**
 * PGlite has no lock of its own: two processes on one data folder silently lose writes. So the
 * folder holds a lock file naming its holder, made with O_EXCL; a holder that no longer runs on
 * this host is stale and replaced.
 */
export interface FolderLock {
  path: string;
  release(): void;
}

interface Holder {
  pid: number;
  host: string;
  since: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readHolder(file: string): Holder | null {
  try {
    const h = JSON.parse(fs.readFileSync(file, "utf8")) as Holder;
    return typeof h.pid === "number" ? h : null;
  } catch {
    return null;
  }
}

export function ensureWritableFolder(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
    const probe = path.join(dir, `.write-test-${process.pid}`);
    fs.writeFileSync(probe, "");
    fs.unlinkSync(probe);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "error";
    throw new ConfigError(
      `Data folder ${dir} is not writable (${code}): fix its permissions, or set PLENARY_DATA to a folder this user can write.`,
    );
  }
}

export function lockFolder(dir: string): FolderLock {
  const file = path.join(dir, "plenary.lock");
  const me: Holder = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(file, "wx");
      fs.writeSync(fd, JSON.stringify(me));
      fs.closeSync(fd);
      let released = false;
      return {
        path: file,
        release() {
          if (released) return;
          released = true;
          const h = readHolder(file);
          if (h && h.pid === me.pid && h.host === me.host) fs.rmSync(file, { force: true });
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") {
        throw new ConfigError(
          `Cannot lock data folder ${dir} (${(e as NodeJS.ErrnoException).code}): fix its permissions or set PLENARY_DATA.`,
        );
      }
      const holder = readHolder(file);
      if (holder && holder.host === me.host && holder.pid !== me.pid && alive(holder.pid)) {
        throw new ConfigError(
          `Data folder ${dir} is in use by process ${holder.pid} (since ${holder.since}): stop that process, or set PLENARY_DATA to another folder.`,
        );
      }
      if (holder && holder.host !== me.host) {
        throw new ConfigError(
          `Data folder ${dir} is locked by process ${holder.pid} on host ${holder.host}: stop it there, or remove ${file} if that host is gone.`,
        );
      }
      // Stale: its holder has ended (or the file is unreadable). Replace it.
      fs.rmSync(file, { force: true });
    }
  }
  throw new ConfigError(`Cannot lock data folder ${dir}: another process keeps taking it. Try again.`);
}
