// Writes docs/openapi.json from the routes' schemas; with --check, fails when the committed copy differs.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openApiDocument } from "../src/app.js";

const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../docs/openapi.json");
const text = `${JSON.stringify(openApiDocument(), null, 2)}\n`;
if (process.argv.includes("--check")) {
  const committed = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  if (committed !== text) {
    console.error("docs/openapi.json is out of date: run 'npm run openapi:write' and commit it.");
    process.exit(1);
  }
  console.log("docs/openapi.json is up to date.");
} else {
  fs.writeFileSync(file, text);
  console.log(`wrote ${file}`);
}
