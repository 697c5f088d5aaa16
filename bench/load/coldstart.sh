#!/usr/bin/env bash
# Cold start of `jixiao serve` to its first page (the sign-in page answering 200), RUNS times (default 5), with the median:
#   bench/load/coldstart.sh DATA_DIR [RUNS]
# Uses the build bench/load/run.sh publishes (/tmp/jixiao-bench-bin); PostgreSQL as for run.sh.
set -euo pipefail
data=${1:?usage: bench/load/coldstart.sh DATA_DIR [RUNS]}
runs=${2:-5}
bin=/tmp/jixiao-bench-bin/jixiao
port=${PORT:-5098}
[ -x "$bin" ] || { cd "$(dirname "$0")/../.." && dotnet publish src/Jixiao -c Release -o /tmp/jixiao-bench-bin -v q --nologo >/dev/null; }
times=()
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  "$bin" serve --data "$data" --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/account/login" 2>/dev/null)" = 200 ]; do sleep 0.01; done
  times+=($(( ($(date +%s%N) - start) / 1000000 )))
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
echo "cold start to the first page (ms): $(echo $sorted) — median $(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p")"
