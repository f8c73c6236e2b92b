/**
 * Compiles static/scss/plenary.scss (GOV.UK Frontend with Plenary's settings, then Plenary's
 * own styles) into static/plenary.css. `--check` fails when the committed file is stale.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, "static/plenary.css");
const css = `${
  sass.compile(path.join(root, "static/scss/plenary.scss"), {
    loadPaths: [path.join(root, "node_modules")],
    style: "compressed",
    quietDeps: true,
    silenceDeprecations: ["import"],
  }).css
}\n`;
if (process.argv.includes("--check")) {
  const current = fs.existsSync(out) ? fs.readFileSync(out, "utf8") : "";
  if (current !== css) {
    console.error("static/plenary.css is out of date: run 'npm run css' and commit it.");
    process.exit(1);
  }
} else {
  fs.writeFileSync(out, css);
  console.log(`wrote ${path.relative(root, out)} (${css.length} bytes)`);
}
