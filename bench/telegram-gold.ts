// Accuracy of the telegram reader on the hand-labelled real telegrams (src/telegram/fixtures/gold).
// Run: npm run bench:telegram-gold [-- --misses]   Prints per-field counts; with --misses, every
// field read differently from its label.

import { formatScore, loadGold, readGoldFile, scoreGold } from "../src/telegram/testing/gold.js";

const score = scoreGold(loadGold(), readGoldFile);
console.log(formatScore(score));
if (process.argv.includes("--misses")) {
  for (const m of score.misses) console.log(`\n${m.refId} ${m.field}\n  gold ${m.gold}\n  read ${m.read}`);
}
