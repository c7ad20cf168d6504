#!/usr/bin/env bash
# Every figure of the README's Performance table, on SQLite and on PostgreSQL, 3 runs each, with the load average
# before each bench. Run on a quiet machine from the repository root:
#   tests/Audit.Benchmarks/table.sh ["<PostgreSQL admin connection string>"] > perf.log
# Prints only the lines the table is made from (the benches' full output goes to $TMPDIR/perf-raw.log).
set -euo pipefail
pg="${1:-Host=127.0.0.1;Port=5432;Username=audit_ci;Password=audit_ci;Database=audit_ci}"
dotnet build -c Release tests/Audit.Benchmarks --nologo -v q -clp:ErrorsOnly >&2
raw="${TMPDIR:-/tmp}/perf-raw.log"   # the benches' full output
bench() { dotnet tests/Audit.Benchmarks/bin/Release/net10.0/Audit.Benchmarks.dll "$@" 2>>"$raw" | tee -a "$raw"; }
load() { echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) at $(date -u +%H:%M:%S) UTC"; }
echo "$(date -u +%F) $(nproc) cores; $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
for engine in sqlite postgres; do
  db=()
  [ "$engine" = postgres ] && db=(--database "$pg")
  echo "## $engine"
  for run in 1 2 3; do
    echo "# autosave, run $run; $(load)"
    bench autosave --seconds 15 --clients 64 "${db[@]}" | grep -E '^(bare|repository|PUT|ratio)'
  done
  echo "# recompute against DuckDB, 3 runs per size; $(load)"
  bench recompute --sizes 5000,20000 --runs 3 "${db[@]}" | grep -E '^(5000|20000) \||runs \(ms\)'
  echo "# incremental, 3 rounds of two measured recomputes each; $(load)"
  bench incremental --sizes 5000 --runs 3 "${db[@]}" | grep -E '^time to|runs \(ms\)|clean pass'
  echo "# reports, 5,000, both-cores pass 3 times; $(load)"
  bench reports --reports 5000 --runs 3 "${db[@]}" | grep -E 'one thread|all [0-9]+ cores|all cores, runs|reference'
  echo "# done; $(load)"
done
