/**
 * A capability's manifest: everything it adds to the system, in one object. `src/capabilities.ts`
 * lists the manifests in order; the app, the command line, `plenary serve`, the scenario's seed,
 * the schema check and the authorization harness read that list. Core never imports a capability:
 * what it needs of one (who a user is, say) comes to it through `Ports`.
 */
import type { Command } from "commander";
import type { Hono } from "hono";
import type { Reader } from "./access/reader.js";
import type { AuthzCase, OutputCase, PageCase } from "./authz.js";
import type { Cli } from "./cli.js";
import type { Clock } from "./clock.js";
import type { Db, Queryable } from "./db/index.js";
import type { ErrorTable } from "./errors.js";
import type { Api } from "./http/api.js";
import type { AppEnv, Deps } from "./http/env.js";
import type { SearchSource } from "./search-source.js";

/** A link in the main navigation, shown to the readers `show` lets through (all, when absent). */
export interface NavItem {
  href: string;
  label: string;
  /** Where it stands in the navigation, lowest first. */
  order: number;
  show?: (reader: Reader) => boolean;
  /** "account": in the header beside the reader's name, not in the main navigation. */
  place?: "main" | "account";
}

/** A line of the home page's "next meetings and deadlines". */
export interface AgendaItem {
  kind: "meeting" | "deadline";
  title: string;
  /** ISO date or instant the item starts or falls due. */
  when: string;
  /** The day it falls on where it happens (YYYY-MM-DD): a deadline's local due day, not its UTC date. */
  day?: string;
  href: string | null;
  note?: string;
}

export type AgendaSource = (deps: Deps, reader: Reader, now: Date) => Promise<AgendaItem[]>;

/**
 * A panel of the home page for one reader (an office's queue, say): its heading and lines, or
 * null when it has nothing for them. Computed per reader, never cached across readers.
 */
export interface HomePanel {
  title: string;
  lines: { text: string; href: string | null; note?: string }[];
  /** Where the panel's full list is. */
  more?: { href: string; text: string };
}
export type HomePanelSource = (deps: Deps, reader: Reader, now: Date) => Promise<HomePanel | null>;

/** Something `plenary serve` runs in the background until it stops (reminders, say). */
export interface Job {
  name: string;
  start(deps: Deps, site: Site): { stop(): Promise<void> };
}

/** A step of the reference scenario: idempotent, so `plenary seed` can run twice. */
export type SeedStep = (db: Db, clock: Clock, site: Site) => Promise<void>;

/** A route whose request body may be as large as a file may be. */
export interface UploadRoute {
  path: RegExp;
  maxBytes: number;
  what: string;
}

/**
 * What one capability asks of another without importing it. Core declares the ports it needs;
 * a capability that needs one of another capability declares it in its own folder by augmenting
 * this interface (`declare module "../core/capability.js" { interface Ports { … } }`), as Hono's
 * ContextVariableMap is augmented. The app merges every manifest's `provides` into one object.
 */
export interface Ports {
  /** Who a user is for the access rules, or null when unknown or disabled (the directory). */
  loadReader?: (db: Queryable, userId: number, now: Date) => Promise<Reader | null>;
}

export interface Capability {
  /** The capability's folder, e.g. "meetings". */
  name: string;
  /** Its Drizzle tables (the schema module): checked against the migrations, backed up, restored. */
  tables?: Record<string, unknown>;
  /** Its stable error codes and the HTTP status each answers with. */
  errors?: ErrorTable;
  api?: (api: Api) => void;
  pages?: () => Hono<AppEnv>;
  nav?: NavItem[];
  commands?: (program: Command, cli: Cli) => void;
  jobs?: Job[];
  /** Reference data every deployment needs, loaded on every start (idempotent). */
  reference?: (db: Db, clock: Clock) => Promise<void>;
  seed?: SeedStep;
  agenda?: AgendaSource[];
  home?: HomePanelSource[];
  search?: SearchSource[];
  uploads?: UploadRoute[];
  provides?: Ports;
  /**
   * The authorization harness's cases for its API operations and pages, and the outputs the access
   * property reads for every reader (loaded by tests only).
   */
  authz?: () => Promise<{ api: AuthzCase[]; pages?: PageCase[]; outputs?: OutputCase[] }>;
}

/** The composed capabilities, as the app and the jobs use them. */
export interface Site {
  capabilities: readonly Capability[];
  nav: NavItem[];
  agenda: AgendaSource[];
  home: HomePanelSource[];
  search: SearchSource[];
  uploads: UploadRoute[];
  ports: Ports;
}

export function composeSite(capabilities: readonly Capability[]): Site {
  const names = new Set<string>();
  for (const c of capabilities) {
    if (names.has(c.name)) throw new Error(`capability ${c.name} is listed twice`);
    names.add(c.name);
  }
  return {
    capabilities,
    nav: capabilities.flatMap((c) => c.nav ?? []).sort((a, b) => a.order - b.order),
    agenda: capabilities.flatMap((c) => c.agenda ?? []),
    home: capabilities.flatMap((c) => c.home ?? []),
    search: capabilities.flatMap((c) => c.search ?? []),
    uploads: capabilities.flatMap((c) => c.uploads ?? []),
    ports: mergePorts(capabilities.map((c) => c.provides ?? {})),
  };
}

/** Ports merged one level deep, so two capabilities may each answer for their own key of one port. */
function mergePorts(list: readonly Ports[]): Ports {
  const out: Record<string, unknown> = {};
  for (const ports of list) {
    for (const [name, value] of Object.entries(ports)) {
      const had = out[name];
      const plain = (v: unknown) => typeof v === "object" && v !== null;
      if (had !== undefined && !(plain(had) && plain(value)))
        throw new Error(`two capabilities provide the port ${name}`);
      out[name] = plain(had) ? { ...(had as object), ...(value as object) } : value;
    }
  }
  return out as Ports;
}

/** A port the site must have, or a clear failure at start. */
export function requirePort<K extends keyof Ports>(site: Site, name: K): NonNullable<Ports[K]> {
  const port = site.ports[name];
  if (!port) throw new Error(`no capability provides the port ${String(name)}`);
  return port as NonNullable<Ports[K]>;
}
