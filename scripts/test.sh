#!/usr/bin/env bash
# scripts/test.sh — the one test command (CI runs it via .ci/run).
#
#   1. start a throwaway PostgreSQL cluster in a temp dir (scripts/pg.sh)
#   2. dotnet build SharpBase.slnx -c Release, then dotnet test --no-build
#      (with SHARPBASE_TEST_PG pointing at that cluster)
#   3. tests/sdk: npm ci && npm test            (only if tests/sdk/package.json exists)
#   4. bench/run.sh --smoke                      (only if bench/run.sh exists)
#
# PostgreSQL is stopped and the temp dir removed on exit, pass or fail.
# Exits non-zero if any leg failed. Works from any cwd.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
cd "$ROOT"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DOTNET_CLI_UI_LANGUAGE=en
export MSBUILDTERMINALLOGGER=off
export NUGET_XMLDOC_MODE=skip

START_TS=$SECONDS
say() { echo "test.sh: $*"; }
elapsed() { echo "$((SECONDS - START_TS))s"; }

TMP_DIR="$(mktemp -d "${TMPDIR:-/tmp}/sharpbase-test.XXXXXX")"
cleanup() {
  local rc=$?
  set +e
  trap - EXIT INT TERM
  if [[ -n "${TMP_DIR:-}" && -d "$TMP_DIR" ]]; then
    "$ROOT/scripts/pg.sh" stop "$TMP_DIR" >/dev/null 2>&1 \
      || "$ROOT/scripts/pg.sh" stop "$TMP_DIR"
    rm -rf "$TMP_DIR"
  fi
  if ((rc != 0)); then
    say "FAILED (exit $rc) after $(elapsed)" >&2
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------
# PostgreSQL
# ---------------------------------------------------------------------------
say "starting PostgreSQL in $TMP_DIR"
"$ROOT/scripts/pg.sh" start "$TMP_DIR" >/dev/null
# shellcheck disable=SC1091
. "$TMP_DIR/pg.env" # exports SHARPBASE_TEST_PG, PGHOST/PGPORT/PGUSER/PGPASSWORD/PGDATABASE
export SHARPBASE_TEST_PG
PSQL="$SHARPBASE_PG_BINDIR/psql"
[[ -x "$PSQL" ]] || PSQL="psql"
say "PostgreSQL server: $("$PSQL" -X -At -v ON_ERROR_STOP=1 -c 'SELECT version()')"
say "SHARPBASE_TEST_PG=Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Password=***;Database=$PGDATABASE"

# ---------------------------------------------------------------------------
# .NET build + tests
# ---------------------------------------------------------------------------
say "dotnet $(dotnet --version): build SharpBase.slnx -c Release"
dotnet build SharpBase.slnx -c Release

say "dotnet test (build done at $(elapsed))"
dotnet test SharpBase.slnx -c Release --no-build \
  --blame-hang-timeout 5m \
  --logger "console;verbosity=normal" \
  --results-directory "$TMP_DIR/TestResults" | tee "$TMP_DIR/dotnet-test.log"
say "dotnet tests passed ($(elapsed))"

# ---------------------------------------------------------------------------
# SDK compatibility tests (node --test), once tests/sdk exists
# ---------------------------------------------------------------------------
if [[ -f "$ROOT/tests/sdk/package.json" ]]; then
  say "tests/sdk: npm ci && npm test (node $(node --version))"
  (
    cd "$ROOT/tests/sdk"
    npm ci --no-audit --no-fund
    npm test
  ) | tee "$TMP_DIR/sdk-test.log"
  say "tests/sdk passed ($(elapsed))"
else
  say "tests/sdk/package.json not present — skipping SDK leg"
fi

# ---------------------------------------------------------------------------
# Benchmark smoke run, once bench/run.sh exists
# ---------------------------------------------------------------------------
if [[ -f "$ROOT/bench/run.sh" ]]; then
  say "bench/run.sh --smoke"
  bash "$ROOT/bench/run.sh" --smoke
  say "bench smoke passed ($(elapsed))"
else
  say "bench/run.sh not present — skipping bench smoke"
fi

say "all legs passed ($(elapsed))"

# One closing line for every test run above: the .NET summaries' Passed/Failed counts plus node's pass/fail counts.
PASSED="$(cat "$TMP_DIR/dotnet-test.log" "$TMP_DIR/sdk-test.log" 2>/dev/null | awk '
  /^[[:space:]]+Passed: [0-9]+[[:space:]]*$/ { p += $2 } /^[[:space:]]+Failed: [0-9]+[[:space:]]*$/ { f += $2 }
  /^ℹ pass [0-9]+/ { p += $3 } /^ℹ fail [0-9]+/ { f += $3 } END { printf "%d passed, %d failed", p, f }')"
echo "test.sh: $PASSED"
