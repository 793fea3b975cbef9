// Run me: scripts/paddock exec examples/hello.js
// Paddock runs this file in a fresh GraalJS isolate. The value of the last expression is the result,
// printed as JSON on stdout; console output is captured as logs (on stderr for `exec`).
const languages = ["JavaScript", "TypeScript"];
console.log("hello from inside the isolate");
({
  greeting: "Hello from Paddock!",
  languages,
  sum: [1, 2, 3, 4].reduce((a, b) => a + b, 0),
  startedAt: new Date(0),
});
