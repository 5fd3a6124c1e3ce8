#!/usr/bin/env bash
# On the lent GPU machine, in the project root (tests/gpu/README.md): builds the targets that
# hold `gpu` tests with ../shared/gpu's build.sh (copied into .gpu/ by its prepare), restores the
# golden data packed by golden_for_device.sh, and runs `ctest -L gpu`. The full output (every
# test's measured errors) goes to $OUT/ctest-gpu.log; the exit status is ctest's.
set -uo pipefail
OUT=${OUT:-/tmp/out}
mkdir -p "$OUT"
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
[[ -f .gpu/build.sh && -d .gpu/golden ]] || {
    echo "no .gpu/build.sh or .gpu/golden: run ../shared/gpu/prepare and" \
        "tests/gpu/golden_for_device.sh pack here, and carry .gpu" >&2
    exit 2
}
bash .gpu/build.sh test_gpu test_runtime_gpu || exit 1
"$here/golden_for_device.sh" restore .gpu/golden || exit 1
I4_GOLDEN_DIR=$PWD/.gpu/golden ctest --test-dir /tmp/build -L gpu -V --timeout 300 \
    >"$OUT/ctest-gpu.log" 2>&1
rc=$?
grep -E '(relative error|vs CPU|identical|peak|Failure|Expected|Which is|gpu test skipped)' \
    "$OUT/ctest-gpu.log" | sed 's/^[0-9]*: //' | head -150
tail -25 "$OUT/ctest-gpu.log"
bash .gpu/report.sh
# CTest's "% tests passed" line counts skipped tests in with the passed ones; on this machine a
# skipped gpu test means the GPU was not usable, which is a failure.
skipped=$(grep -c '\*\*\*Skipped' "$OUT/ctest-gpu.log")
if ((skipped > 0)); then
    echo "FAILED: $skipped gpu tests skipped on the GPU machine" >&2
    ((rc == 0)) && rc=1
fi
exit $rc
