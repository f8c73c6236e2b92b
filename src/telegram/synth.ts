// synthTelegrams: realistic synthetic telegram texts for benchmarks and tests. Deterministic for
// a seed. Texts are rendered from synthetic models, wrapped to transmission width, and given
// some of the noise real copies carry (archive anchors, page-break lines).

import { renderTelegram } from "./render.js";
import { pick, prng, type Rng, synthModel } from "./synth-model.js";

export interface SynthOptions {
  count: number;
  seed: number;
  /** Share of telegrams that get archive noise; default 0.3. */
  noise?: number;
}

export { prng, synthModel };

export function* synthTelegrams(opts: SynthOptions): Generator<string> {
  const r = prng(opts.seed);
  const noise = opts.noise ?? 0.3;
  for (let i = 0; i < opts.count; i++) {
    const model = synthModel(r);
    const text = wrap(renderTelegram(model), 60);
    yield r() < noise ? addNoise(text, r, model.reference?.display ?? "STATE 000001") : text;
  }
}

/** Wrap body lines at word boundaries, as transmitted telegrams are (55–69 columns). */
export function wrap(text: string, width: number): string {
  const out: string[] = [];
  for (const line of text.split("\n")) {
    if (line.length <= width) {
      out.push(line);
      continue;
    }
    let rest = line;
    while (rest.length > width) {
      let cut = rest.lastIndexOf(" ", width);
      if (cut <= 0) cut = rest.indexOf(" ", width);
      if (cut <= 0) break;
      out.push(`${rest.slice(0, cut)} `);
      rest = rest.slice(cut + 1);
    }
    out.push(rest);
  }
  return out.join("\n");
}

function addNoise(text: string, r: Rng, display: string): string {
  const lines = text.split("\n");
  const out: string[] = [];
  let page = 2;
  let since = 0;
  for (const line of lines) {
    if (/^\d{1,2}\. /.test(line) && r() < 0.8) out.push(`¶${line}`);
    else if (/^ {5}[B-Z]\. /.test(line)) out.push(line.replace(/^ {5}/, "     ¶"));
    else out.push(line);
    if (++since > 50 && line === "" && r() < 0.5) {
      const sp = display.lastIndexOf(" ");
      const serial = display.slice(sp + 1).padStart(8, "0");
      out.push(
        `${display.slice(0, sp)} ${serial}  ${String(page).padStart(3, "0")} OF ${String(page + 1).padStart(3, "0")}`,
        "",
      );
      page++;
      since = 0;
    }
  }
  if (r() < 0.3) out.push("", pick(r, ["End Cable Text", "NNNN"]));
  return out.join("\n");
}
