// Parse GIFT with the independent gift-pegjs parser and print the questions as JSON.
//
//   node parse.js FILE         one file (or stdin without FILE): prints the question list;
//                              on a syntax error prints {"error", "line", "column"}, exits 1
//   node parse.js --serve      reads one JSON string of GIFT text per line, answers one JSON
//                              line each: {"questions": [...]} or {"error", "line", "column"}
//
// One repair: gift-pegjs 1.0.2 leaves the escape placeholders of the right-hand side of a
// matching pair undecoded ("d&&123;" for "d\{"); Moodle decodes them (escapedchar_post), so we
// decode them here with the parser's own table.
"use strict";
const fs = require("fs");
const readline = require("readline");
const { parse } = require("gift-pegjs");

const PLACEHOLDERS = {
  "&&092;": "\\", "&&058;": ":", "&&035;": "#", "&&061;": "=",
  "&&123;": "{", "&&125;": "}", "&&126;": "~", "&&010": "\n",
};
const PLACEHOLDER = /&&092;|&&058;|&&035;|&&061;|&&123;|&&125;|&&126;|&&010/g;
const decode = (s) => s.replace(PLACEHOLDER, (m) => PLACEHOLDERS[m]);

function parseGift(source) {
  let questions;
  try {
    questions = parse(source);
  } catch (e) {
    const where = e.location ? e.location.start : {};
    return { error: String(e.message), line: where.line, column: where.column };
  }
  for (const q of questions) {
    if (q.type === "Matching") {
      for (const pair of q.matchPairs) pair.subanswer = decode(pair.subanswer);
    }
  }
  return { questions };
}

if (process.argv[2] === "--serve") {
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (line) => {
    process.stdout.write(JSON.stringify(parseGift(JSON.parse(line))) + "\n");
  });
} else {
  const result = parseGift(fs.readFileSync(process.argv[2] || 0, "utf8"));
  process.stdout.write(JSON.stringify(result.questions || result));
  process.exitCode = result.error ? 1 : 0;
}
