#!/usr/bin/env bash
# Whole-process push benchmark (issue 16 item 4): times `mvn …:push` of generated catalogs against the local sandbox
# and, when it is up, the real Autumn server, through a proxy adding 50 ms per request, for the working tree and a
# baseline revision (default d579d55) in the same run. See bench/README.md.
#
#   bench/push-bench.sh                 # default: 3 runs, 100 and 300 plans, sandbox + real server if up
#   bench/push-bench.sh --quick         # 1 run, 100 plans
#   bench/push-bench.sh --help          # every option
#
# The orchestration is Python 3 (stdlib only): bench/lib/push_bench.py. It kills every server and proxy it started
# (by process group id) when it ends, is interrupted or terminated; its children also get SIGTERM if it is killed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
command -v python3 >/dev/null || { echo "push-bench: python3 is needed (stdlib only)" >&2; exit 2; }
command -v java >/dev/null || [ -n "${JAVA_HOME:-}" ] || { echo "push-bench: java (17+) is needed" >&2; exit 2; }
command -v git >/dev/null || { echo "push-bench: git is needed" >&2; exit 2; }
exec python3 "$here/lib/push_bench.py" "$@"
