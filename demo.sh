#!/usr/bin/env bash
# Builds testng-mproc and runs the sample suite twice: in-process (plain TestNG) and across worker
# JVMs (-cores auto), then prints both times. The suite has 2 expected failures (group known-bug).
set -euo pipefail
cd "$(dirname "$0")"
mvn -B -q install -DskipTests
CP="sample-suite/target/test-classes:sample-suite/target/classes:$(cat sample-suite/target/test-classpath.txt)"
SUITE=sample-suite/src/test/resources/testng.xml

run() { # name, then mproc.TestNG options
  local name=$1; shift
  echo "=== $name: java -cp CP mproc.TestNG $* $SUITE"
  local start end code=0
  start=$(date +%s%N)
  java -cp "$CP" mproc.TestNG "$@" -d "sample-suite/target/demo-$name" "$SUITE" | tee "sample-suite/target/demo-$name.log" || code=$?
  end=$(date +%s%N)
  printf -v "seconds_$name" "%s" "$(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.2f", (e - s) / 1e9 }')"
  printf -v "code_$name" '%s' "$code"
}

run sequential
run workers -cores auto

summary() { grep -m1 "Total tests run" "sample-suite/target/demo-$1.log"; }
echo
echo "sequential (in-process):      ${seconds_sequential} s  exit ${code_sequential}  $(summary sequential)"
echo "-cores auto ($(nproc) cores):       ${seconds_workers} s  exit ${code_workers}  $(summary workers)"
if [ "$(summary sequential)" != "$(summary workers)" ] || [ "$code_sequential" != "$code_workers" ]; then
  echo "MISMATCH: the distributed run reported differently from the sequential run" >&2
  exit 1
fi
echo "Both runs report the same results (2 failures are the suite's known bugs)."
