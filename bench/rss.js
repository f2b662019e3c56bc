// Preloaded (node --require) into a measured CLI run: writes its peak resident memory on exit.
"use strict";
process.on("exit", () => {
  const fichier = process.env.CNC_BENCH_RSS;
  if (fichier) require("fs").writeFileSync(fichier, String(process.resourceUsage().maxRSS * 1024));
});
