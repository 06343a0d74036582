// Parse a GIFT file (path argument, or stdin) with gift-pegjs and print the questions as JSON.
// On a syntax error, print {"error": ..., "line": ..., "column": ...} and exit 1.
//
// One repair: gift-pegjs 1.0.2 leaves the escape placeholders of the right-hand side of a
// matching pair undecoded ("d&&123;" for "d\{"); Moodle decodes them (escapedchar_post), so we
// decode them here with the parser's own table.
"use strict";
const fs = require("fs");
const { parse } = require("gift-pegjs");

const PLACEHOLDERS = {
  "&&092;": "\\", "&&058;": ":", "&&035;": "#", "&&061;": "=",
  "&&123;": "{", "&&125;": "}", "&&126;": "~", "&&010": "\n",
};
const decode = (s) => s.replace(/&&092;|&&058;|&&035;|&&061;|&&123;|&&125;|&&126;|&&010/g, (m) => PLACEHOLDERS[m]);

const source = fs.readFileSync(process.argv[2] || 0, "utf8");
let questions;
try {
  questions = parse(source);
} catch (e) {
  const where = e.location ? e.location.start : {};
  process.stdout.write(JSON.stringify({ error: String(e.message), line: where.line, column: where.column }));
  process.exit(1);
}
for (const q of questions) {
  if (q.type === "Matching") {
    for (const pair of q.matchPairs) pair.subanswer = decode(pair.subanswer);
  }
}
process.stdout.write(JSON.stringify(questions));
