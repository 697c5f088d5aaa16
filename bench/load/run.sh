#!/usr/bin/env bash
# Load test of `jixiao serve` on 127.0.0.1 with wrk (Debian package `wrk`), on a database made by `jixiao demo --scale N`:
#   bench/load/run.sh DATA_DIR [YEAR] [CITY]
# PostgreSQL: export Database__Provider=Postgres and ConnectionStrings__Jixiao first, as for `jixiao serve`.
# Prints the cold start to the first page, then wrk's summary and latency distribution for the register API (first pages,
# and random pages up to 1,000), the register
# page and the statistics page, signed in as a province-level leader (created if missing; USER_UNIT=CODE to place it elsewhere).
set -euo pipefail
cd "$(dirname "$0")/../.."
data=${1:?usage: bench/load/run.sh DATA_DIR [YEAR] [CITY]}
year=${2:-2025}
city=${3:-440100}
port=${PORT:-5099}
base="http://127.0.0.1:$port"
duration=${DURATION:-20s}
connections=${CONNECTIONS:-16}
password='Bench@2026x'
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 2; }

dotnet publish src/Jixiao -c Release -o /tmp/jixiao-bench-bin -v q --nologo >/dev/null
bin=/tmp/jixiao-bench-bin/jixiao
first='Bench@2026a'
"$bin" user add --data "$data" --username sheng.leader --name 省厅领导 --unit "${USER_UNIT:-440000}" --role leader --password "$first" >/dev/null 2>&1 \
  || "$bin" user reset-password --data "$data" sheng.leader --password "$first" >/dev/null

# Cold start: from starting the process (migrations checked, nothing cached) to the first 200 of the sign-in page.
start=$(date +%s%N)
Logging__Format=text "$bin" serve --data "$data" --urls "$base" >/tmp/jixiao-bench-serve.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
until curl -s -o /dev/null -w '%{http_code}' "$base/account/login" 2>/dev/null | grep -q 200; do sleep 0.02; done
echo "cold start to the first page: $(( ($(date +%s%N) - start) / 1000000 )) ms"

# Sign in through the form with its antiforgery token, change the first password as every new user must, and keep the
# authentication cookie.
jar=$(mktemp)
token() { curl -s -c "$jar" -b "$jar" "$base$1" | grep -o 'name="__RequestVerificationToken"[^>]*value="[^"]*"' | head -n 1 | sed 's/.*value="//;s/"$//'; }
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "_handler=login" --data-urlencode "__RequestVerificationToken=$(token /account/login)" \
  --data-urlencode "Input.UserName=sheng.leader" --data-urlencode "Input.Password=$first" "$base/account/login"
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "_handler=password" --data-urlencode "__RequestVerificationToken=$(token '/account/password?first=true')" \
  --data-urlencode "Input.OldPassword=$first" --data-urlencode "Input.NewPassword=$password" --data-urlencode "Input.ConfirmPassword=$password" \
  "$base/account/password?first=true"
cookie=$(awk '$6 == "jixiao.auth" { print $6 "=" $7 }' "$jar")
[ -n "$cookie" ] || { echo "sign-in failed"; exit 1; }
for path in /api/me /reconsideration/cases; do
  [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$base$path")" = 200 ] || { echo "$path refused the cookie"; exit 1; }
done

for path in "/api/reconsideration/cases?unit=$city&from=$year-01-01&to=$year-12-31&sort=ReceivedOn&desc=true&page=1000" \
  /reconsideration/cases "/reconsideration/statistics?unit=$city&year=$year"; do
  curl -s -o /dev/null -w "one request, first time: %{http_code} in %{time_total} s  $path\n" -H "Cookie: $cookie" "$base$path"
done

export JIXIAO_COOKIE=$cookie JIXIAO_YEAR=$year JIXIAO_CITY=$city
for target in api-first api page statistics; do
  echo
  echo "== $target =="
  JIXIAO_TARGET=$target wrk -t2 -c"$connections" -d"$duration" --timeout 10s --latency -s bench/load/requests.lua "$base"
done
