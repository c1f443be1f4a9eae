#!/usr/bin/env bash
# bench/run.sh [--smoke] [--pg] [scenario...]
#
# Builds Release, starts SharpBase on a fresh data folder (SQLite, or PostgreSQL with --pg, started as the test
# script does), seeds 10,000 posts and 100 users through the API, runs each scenario with wrk on loopback for a
# bounded time, and prints one line per scenario plus the ratios to the floor app (bench/floor), which serves the
# same view and list queries straight from the same SQLite file. --smoke runs every scenario for about a second on a
# small data set, so the harness cannot rot (scripts/test.sh runs it); it fails when a scenario has errors.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
SMOKE=0
PG=0
SCENARIOS=()
for arg in "$@"; do
  case "$arg" in
    --smoke) SMOKE=1 ;;
    --pg) PG=1 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    -*) echo "bench: unknown flag $arg" >&2; exit 2 ;;
    *) SCENARIOS+=("$arg") ;;
  esac
done
ALL=(view list list_total list_rule expand create update auth_refresh auth_password)
[[ ${#SCENARIOS[@]} -gt 0 ]] || SCENARIOS=("${ALL[@]}")

if ((SMOKE)); then DURATION=1s; CONNECTIONS=10; POSTS=300; USERS=10; else DURATION=${BENCH_DURATION:-10s}; CONNECTIONS=50; POSTS=10000; USERS=100; fi
THREADS=2

if ! command -v wrk >/dev/null 2>&1; then
  echo "bench: installing wrk" >&2
  apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
fi

TMP="$(mktemp -d "${TMPDIR:-/tmp}/sharpbase-bench.XXXXXX")"
PIDS=()
cleanup() {
  set +e
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; done
  ((PG)) && "$ROOT/scripts/pg.sh" stop "$TMP/pg" >/dev/null 2>&1
  rm -rf "$TMP"
}
trap cleanup EXIT

free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
# Node (which the suite needs anyway) rather than curl, so a machine without curl still runs the harness.
http_ok() { node -e 'fetch(process.argv[1]).then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$1"; }
patch_json() { node -e '
  const [url, token, body] = process.argv.slice(1);
  fetch(url, { method: "PATCH", headers: { Authorization: token, "Content-Type": "application/json" }, body })
    .then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$1" "$2" "$3"; }
wait_http() { for _ in $(seq 1 150); do http_ok "$1" && return 0; sleep 0.1; done; echo "bench: $1 did not answer" >&2; return 1; }
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2/1024}' "/proc/$1/status"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

echo "bench: publishing Release builds" >&2
dotnet publish "$ROOT/src/SharpBase" -c Release -o "$TMP/sharpbase" --nologo -v quiet >&2
dotnet publish "$ROOT/bench/floor" -c Release -o "$TMP/floor" --nologo -v quiet >&2

FLAGS=(--dir "$TMP/sb_data")
if ((PG)); then
  chmod 755 "$TMP" # the PostgreSQL OS user must be able to reach its data folder
  "$ROOT/scripts/pg.sh" start "$TMP/pg" >/dev/null
  FLAGS+=(--db "$(cat "$TMP/pg/connstring")")
fi
export SUPERUSER_EMAIL=bench@example.com SUPERUSER_PASSWORD="bench superuser password"
dotnet "$TMP/sharpbase/SharpBase.dll" superuser upsert "$SUPERUSER_EMAIL" "$SUPERUSER_PASSWORD" "${FLAGS[@]}" >/dev/null
PORT="$(free_port)"
dotnet "$TMP/sharpbase/SharpBase.dll" serve --http "127.0.0.1:$PORT" "${FLAGS[@]}" >"$TMP/server.log" 2>&1 &
SERVER=$!
PIDS+=("$SERVER")
BASE="http://127.0.0.1:$PORT"
wait_http "$BASE/api/health"
node "$ROOT/bench/tools/seed.mjs" "$BASE" "$POSTS" "$USERS" "$TMP" >&2
IDLE_RSS="$(rss_mb "$SERVER")"

RESULTS="$TMP/results.tsv"
: >"$RESULTS"
run_wrk() { # name target script [env...]
  local name=$1 target=$2 script=$3 pid=$4
  shift 4
  cat "$ROOT/bench/lua/$script" "$ROOT/bench/lua/report.lua" >"$TMP/$name.lua"
  local peak=0
  ( while kill -0 "$pid" 2>/dev/null; do r=$(rss_mb "$pid"); echo "$r"; sleep 0.2; done ) >"$TMP/$name.rss" &
  local sampler=$!
  local json cpu_before cpu_after started ended
  cpu_before="$(cpu_ticks "$pid")"
  started="$(date +%s.%N)"
  json="$(env "$@" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$TMP/$name.lua" "$target" | tail -n 1)"
  ended="$(date +%s.%N)"
  cpu_after="$(cpu_ticks "$pid")"
  echo "bench: $name $json" >&2
  kill "$sampler" 2>/dev/null || true
  wait "$sampler" 2>/dev/null || true
  peak="$(sort -n "$TMP/$name.rss" | tail -n 1)"
  node -e '
    const [name, json, rss, ticks, seconds, hz] = process.argv.slice(1);
    const r = JSON.parse(json);
    const cpu = (100 * Number(ticks) / Number(hz) / Number(seconds)).toFixed(0);
    console.log([name, (r.requests / r.seconds).toFixed(0), r.p50_ms.toFixed(2), r.p99_ms.toFixed(2), r.errors, rss, r.status_errors, cpu].join("\t"));
  ' "$name" "$json" "${peak:-0}" "$((cpu_after - cpu_before))" "$(echo "$ended - $started" | awk '{print $1 - $3}')" "$(getconf CLK_TCK)" >>"$RESULTS"
}

USER_TOKEN="$(cat "$TMP/user.token")"
LIST_PATH="/api/collections/posts/records?perPage=20&filter=views%3E500&sort=-views&skipTotal=1"
for scenario in "${SCENARIOS[@]}"; do
  echo "bench: $scenario" >&2
  case "$scenario" in
    view) run_wrk view "$BASE" ids.lua "$SERVER" BENCH_IDS="$TMP/posts.ids" BENCH_PATH=/api/collections/posts/records/ ;;
    list) run_wrk list "$BASE" fixed.lua "$SERVER" BENCH_PATH="$LIST_PATH" ;;
    list_total) run_wrk list_total "$BASE" fixed.lua "$SERVER" BENCH_PATH="${LIST_PATH%&skipTotal=1}" ;;
    expand) run_wrk expand "$BASE" fixed.lua "$SERVER" BENCH_PATH="$LIST_PATH&expand=author" ;;
    list_rule)
      patch_json "$BASE/api/collections/posts" "$(cat "$TMP/superuser.token")" '{"listRule":"author = @request.auth.id || published = true"}'
      run_wrk list_rule "$BASE" fixed.lua "$SERVER" BENCH_PATH="$LIST_PATH" BENCH_TOKEN="$USER_TOKEN"
      patch_json "$BASE/api/collections/posts" "$(cat "$TMP/superuser.token")" '{"listRule":""}' ;;
    create) run_wrk create "$BASE" fixed.lua "$SERVER" BENCH_METHOD=POST BENCH_PATH=/api/collections/posts/records \
      BENCH_BODY='{"title":"benchmark post title here","body":"a body of text for the create benchmark","views":7,"published":true}' ;;
    update) run_wrk update "$BASE" ids.lua "$SERVER" BENCH_METHOD=PATCH BENCH_IDS="$TMP/posts.ids" BENCH_PATH=/api/collections/posts/records/ \
      BENCH_BODY='{"views":42}' ;;
    auth_refresh) run_wrk auth_refresh "$BASE" fixed.lua "$SERVER" BENCH_METHOD=POST BENCH_PATH=/api/collections/users/auth-refresh BENCH_TOKEN="$USER_TOKEN" ;;
    auth_password) run_wrk auth_password "$BASE" login.lua "$SERVER" BENCH_USERS="$USERS" ;;
    *) echo "bench: unknown scenario $scenario (known: ${ALL[*]})" >&2; exit 2 ;;
  esac
done

FLOOR_RESULTS="$TMP/floor.tsv"
: >"$FLOOR_RESULTS"
if ((!PG)); then
  FLOOR_PORT="$(free_port)"
  dotnet "$TMP/floor/SharpBase.Floor.dll" "$TMP/sb_data/data.db" "$FLOOR_PORT" >"$TMP/floor.log" 2>&1 &
  FLOOR=$!
  PIDS+=("$FLOOR")
  wait_http "http://localhost:$FLOOR_PORT/hello"
  FLOOR_BASE="http://localhost:$FLOOR_PORT"
  RESULTS_SAVED="$RESULTS"
  RESULTS="$FLOOR_RESULTS"
  run_wrk floor_hello "$FLOOR_BASE" fixed.lua "$FLOOR" BENCH_PATH=/hello
  run_wrk floor_view "$FLOOR_BASE" ids.lua "$FLOOR" BENCH_IDS="$TMP/posts.ids" BENCH_PATH=/api/collections/posts/records/
  run_wrk floor_list "$FLOOR_BASE" fixed.lua "$FLOOR" BENCH_PATH=/api/collections/posts/records
  RESULTS="$RESULTS_SAVED"
fi

printf '\n%-14s %9s %8s %8s %7s %7s %8s\n' scenario req/s p50_ms p99_ms errors rss_mb cpu_pct
cat "$RESULTS" "$FLOOR_RESULTS" | awk -F'\t' '{printf "%-14s %9s %8s %8s %7s %7s %8s\n", $1, $2, $3, $4, $5, $6, $8}'
echo "idle RSS after seeding: ${IDLE_RSS} MB ($( ((PG)) && echo PostgreSQL || echo SQLite ), $POSTS posts, $DURATION per scenario, $THREADS threads, $CONNECTIONS connections)"
if [[ -s "$FLOOR_RESULTS" ]]; then
  echo
  echo "ratio (SharpBase / floor, same run):"
  awk -F'\t' 'NR==FNR { sb[$1]=$2; next } { f[$1]=$2 } END {
    if (("view" in sb) && f["floor_view"] > 0) printf "  view  %5.1f %%  (target >= 50 %%)\n", 100 * sb["view"] / f["floor_view"];
    if (("list" in sb) && f["floor_list"] > 0) printf "  list  %5.1f %%  (target >= 40 %%)\n", 100 * sb["list"] / f["floor_list"];
  }' "$RESULTS" "$FLOOR_RESULTS"
fi

# The smoke run fails on any non-2xx answer (a scenario that rotted), the floor's included: a ratio to a floor that
# answers errors means nothing. Socket errors as wrk stops mid-request do not count.
fail_on_status_errors() { # results-file who log-file
  local count
  count="$(awk -F'\t' '{ s += $7 } END { print s + 0 }' "$1")"
  if ((SMOKE)) && ((count > 0)); then
    echo "bench: smoke run saw $count non-2xx answers from $2; its log:" >&2
    tail -n 30 "$3" >&2
    exit 1
  fi
}
fail_on_status_errors "$RESULTS" "SharpBase" "$TMP/server.log"
fail_on_status_errors "$FLOOR_RESULTS" "the floor app" "$TMP/floor.log"
