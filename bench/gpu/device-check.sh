#!/usr/bin/env bash
# The one-call device check (issue 23, part 6). On the GPU machine, from the repository root,
# with .gpu/ prepared here by bench/gpu/prepare.sh and carried:
#
#   bash bench/gpu/device-check.sh
#
# Stages, each timed and limited so that the whole run ends inside the budget (default 450 s):
#   env      the card, the machine, free disk                         -> $OUT/env.txt
#   build    core, i4, the benches and every gtest target labelled gpu  -> $OUT/cmake.log, build.log
#            (.gpu/build.sh: machine's own CUDA LibTorch, GUI and tools off)
#   tests    ctest -L gpu with I4_GOLDEN_DIR=.gpu/golden                 -> $OUT/ctest.log
#   write    bench_synthetic_model: the real-size fp8 folder in /tmp     -> $OUT/synth.log
#            (in the background while the tests run, unless --sequential)
#   bench    bench_gpu_load over the memory modes, one generation each   -> $OUT/bench.log
# and ends with ONE table (stages and memory modes). Everything printed is also in
# $OUT/device-check.log: seven files in all, under the device's limit of eight.
#
# Options (defaults are the device run's):
#   --dry-run            print each stage's command instead of running it
#   --skip-build         use an existing build (--build-dir) instead of .gpu/build.sh
#   --build-dir DIR      build folder (default /tmp/build, where .gpu/build.sh builds)
#   --skip-tests         no ctest stage
#   --sequential         write the model after the tests instead of during them
#   --device D           cuda (default) or cpu (for trying the script on a machine without GPU)
#   --geometry G         real (default) or tiny (the golden tiny sizes, seconds on a CPU)
#   --precision P        fp8 (default), bf16 or nf4
#   --dit-layers N, --te-layers N   layer counts (default: the real 34 and 36)
#   --model-dir DIR      where the folder is written (default /tmp/i4-synth-<precision>)
#   --size WxH           generation size (default 1024x1024)
#   --steps N            denoising steps per generation (default 4)
#   --modes LIST         memory modes (default resident,offload-encoder,low-vram)
#   --budget S           seconds for the whole run (default 450)
#   --perf               issue 24's figures too (about 120 s more; raise --budget): i4 bench in
#                        the exact mode with and without the fused kernels and in the fast mode,
#                        bench_fast_mode's quality cost on the demo model and on the synthetic
#                        folder                                               -> $OUT/perf.log
#   --reference          bench/reference_eager.py (official-style, bf16, torch.compile) in the
#                        same call (about 150 s more)                          -> $OUT/perf.log; the test stages stop early
#                        enough to leave 180 s for writing the model and the bench
#   --test-jobs N        ctest -j (default 8: each test is a process that starts LibTorch and CUDA)
# Golden data: $I4_GOLDEN_DIR, else .gpu/golden.
set -uo pipefail

dry=0 skip_build=0 skip_tests=0 sequential=0 perf=0 reference=0
build_dir=/tmp/build device=cuda geometry=real precision=fp8 dit_layers=34 te_layers=36
model_dir= size=1024x1024 steps=4 modes=resident,offload-encoder,low-vram budget=450 test_jobs=8
while [ $# -gt 0 ]; do
    case $1 in
        --dry-run) dry=1 ;;
        --skip-build) skip_build=1 ;;
        --skip-tests) skip_tests=1 ;;
        --sequential) sequential=1 ;;
        --perf) perf=1 ;;
        --reference) reference=1 ;;
        --build-dir) build_dir=$2; shift ;;
        --device) device=$2; shift ;;
        --geometry) geometry=$2; shift ;;
        --precision) precision=$2; shift ;;
        --dit-layers) dit_layers=$2; shift ;;
        --te-layers) te_layers=$2; shift ;;
        --model-dir) model_dir=$2; shift ;;
        --size) size=$2; shift ;;
        --steps) steps=$2; shift ;;
        --modes) modes=$2; shift ;;
        --budget) budget=$2; shift ;;
        --test-jobs) test_jobs=$2; shift ;;
        -h|--help) sed -n '2,/^set -uo/p' "$0" | sed '$d'; exit 0 ;;
        *) echo "device-check.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done
model_dir=${model_dir:-/tmp/i4-synth-$precision}

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root" || exit 1
golden=${I4_GOLDEN_DIR:-$root/.gpu/golden}
OUT=${OUT:-/tmp/out}
mkdir -p "$OUT"

t_start=$(date +%s.%N)
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
remaining() { awk -v s="$t_start" -v b="$budget" -v n="$(now)" 'BEGIN { printf "%d", s + b - n }'; }

# Rows of the final table: "name|rc|seconds|result".
rows=()
add_row() { rows+=("$1|$2|$3|$4"); }

# run_stage NAME CAP RESERVE LOG CMD...: runs CMD under `timeout` (the smaller of CAP and what is
# left of the budget less RESERVE seconds kept for later stages and 10 for the summary), output to
# the screen and LOG; sets $stage_rc and $stage_s. A stage with under 15 s is skipped (rc 125).
run_stage() {
    local name=$1 cap=$2 reserve=$3 log=$4
    shift 4
    local left limit t0
    left=$(($(remaining) - 10 - reserve))
    limit=$((cap < left ? cap : left))
    t0=$(now)
    echo
    echo "=== $name (limit ${limit} s, ${left} s of the budget left): $*"
    if [ "$limit" -lt 15 ]; then
        echo "=== $name: skipped, the budget is spent"
        stage_rc=125 stage_s=0.0
        return
    fi
    if [ "$dry" = 1 ]; then
        echo "[dry-run] $*" | tee -a "$log"
        stage_rc=0
    else
        timeout --kill-after=10 "$limit" "$@" 2>&1 | tee -a "$log"
        stage_rc=${PIPESTATUS[0]}
    fi
    stage_s=$(elapsed "$t0")
    [ "$stage_rc" = 124 ] && echo "=== $name: TIMED OUT after ${limit} s"
    echo "=== $name: rc $stage_rc, $stage_s s (run total $(elapsed "$t_start") s)"
}

bin() { echo "$build_dir/$1"; }

main() {
failures=0

# --- env -------------------------------------------------------------------------------------
run_stage env 20 0 "$OUT/env.txt" bash -c '
    if [ -x .gpu/report.sh ]; then bash .gpu/report.sh; else nvidia-smi || true; fi
    echo "cores: $(nproc)"; free -g; df -h /tmp /dev/shm 2>/dev/null
    python3 -c "import torch; print(\"torch\", torch.__version__, \"cuda\", torch.version.cuda)" 2>/dev/null
    git log -1 --format="commit %h %s" 2>/dev/null; git status --short | head -20'
gpu_name=$(grep -m1 -E '^NVIDIA' "$OUT/env.txt" 2>/dev/null | cut -c1-60)
add_row env "$stage_rc" "$stage_s" "${gpu_name:-no nvidia-smi}"

# --- build -----------------------------------------------------------------------------------
# Libraries unpacked by .gpu/build.sh, for the programs and tests it built.
# The same environment as .gpu/build.sh's, should CMake re-run its configure step.
export LD_LIBRARY_PATH=/tmp/deps/usr/lib/x86_64-linux-gnu:/tmp/deps/lib/x86_64-linux-gnu:${LD_LIBRARY_PATH:-}
export PKG_CONFIG_PATH=/tmp/deps/usr/lib/x86_64-linux-gnu/pkgconfig:/tmp/deps/usr/share/pkgconfig
export PKG_CONFIG_SYSROOT_DIR=/tmp/deps
# Every gtest target labelled gpu, wherever its CMakeLists.txt is: i4_add_gtest(NAME gpu ...).
gpu_targets=$(grep -rhoE 'i4_add_gtest\(\s*[A-Za-z0-9_]+\s+gpu\b' tests --include=CMakeLists.txt \
    2>/dev/null | sed -E 's/i4_add_gtest\(\s*//; s/\s+gpu$//' | sort -u | tr '\n' ' ')
targets="i4 bench_synthetic_model bench_gpu_load bench_fast_mode"
if [ "$skip_build" = 1 ]; then
    echo "=== build: skipped (--skip-build), using $build_dir"
    add_row build - 0.0 "skipped; $build_dir"
else
    run_stage build 240 0 /dev/null bash .gpu/build.sh $targets
    add_row build "$stage_rc" "$stage_s" "$targets"
    [ "$stage_rc" = 0 ] || failures=$((failures + 1))
fi
# The gpu test targets that this tree's CMake defines (a name found above may not be wired into
# tests/CMakeLists.txt yet), built into the same folder.
if [ "$dry" = 1 ]; then
    existing=$gpu_targets
else
    existing=$(ninja -C "$build_dir" -t targets all 2>/dev/null | sed -n 's/^\([A-Za-z0-9_]*\): phony$/\1/p' \
        | grep -xF -f <(tr ' ' '\n' <<<"$gpu_targets" | grep .) | tr '\n' ' ')
fi
missing=$(comm -23 <(tr ' ' '\n' <<<"$gpu_targets" | grep . | sort) <(tr ' ' '\n' <<<"$existing" | grep . | sort) | tr '\n' ' ')
if [ "$skip_build" = 1 ]; then
    add_row "build tests" - 0.0 "skipped (--skip-build); gpu targets: ${existing:-none}"
elif [ -n "$existing" ] && [ "$skip_tests" = 0 ]; then
    run_stage "build tests" 150 180 /dev/null bash -c "cmake --build '$build_dir' -j \$(nproc) --target $existing >> '$OUT/build.log' 2>&1 || { grep -m 20 -E 'error|Error' '$OUT/build.log'; exit 1; }"
    add_row "build tests" "$stage_rc" "$stage_s" "$existing${missing:+; not defined by CMake: $missing}"
    [ "$stage_rc" = 0 ] || failures=$((failures + 1))
elif [ "$skip_tests" = 0 ]; then
    add_row "build tests" - 0.0 "no gpu test target defined${gpu_targets:+ (named in tests/: $gpu_targets)}"
fi
built=1
for t in bench_synthetic_model bench_gpu_load; do
    [ "$dry" = 1 ] || [ -x "$(bin bench/$t)" ] || { echo "missing $(bin bench/$t)"; built=0; }
done

# The fp8 and nf4 golden folders may travel without tokenizer/ and vae/ (bench/gpu/prepare.sh
# links them, tests/gpu/golden_for_device.sh leaves them out): they are the bf16 folder's.
for precision_dir in "$golden"/tiny-ideogram4-fp8 "$golden"/tiny-ideogram4-nf4; do
    for part in tokenizer vae; do
        [ -d "$precision_dir" ] && [ ! -e "$precision_dir/$part" ] && [ "$dry" = 0 ] &&
            ln -s "../tiny-ideogram4-bf16/$part" "$precision_dir/$part" && echo "linked $precision_dir/$part"
    done
done

# --- write the synthetic model (in the background during the tests) ---------------------------
synth_cmd=("$(bin bench/bench_synthetic_model)" "$model_dir" --precision "$precision"
    --geometry "$geometry" --dit-layers "$dit_layers" --te-layers "$te_layers"
    --tokenizer-from "$golden/tiny-ideogram4-bf16/tokenizer" --force)
synth_pid=
if [ "$built" = 1 ] && [ "$sequential" = 0 ] && [ "$skip_tests" = 0 ]; then
    echo
    echo "=== write (background, with the tests): ${synth_cmd[*]}"
    synth_t0=$(now)
    rm -f /tmp/i4-synth.rc
    if [ "$dry" = 1 ]; then
        echo "[dry-run] ${synth_cmd[*]}" > "$OUT/synth.log"
        echo "0 $(now)" > /tmp/i4-synth.rc
    else
        (timeout --kill-after=10 180 "${synth_cmd[@]}" > "$OUT/synth.log" 2>&1
         echo "$? $(now)" > /tmp/i4-synth.rc) &
        synth_pid=$!
    fi
fi

# --- gpu tests -------------------------------------------------------------------------------
if [ "$skip_tests" = 1 ]; then
    add_row "gpu tests" - 0.0 "skipped (--skip-tests)"
elif [ -z "$existing" ]; then
    add_row "gpu tests" - 0.0 "not run: no gpu test target built"
else
    run_stage "gpu tests" 150 180 "$OUT/ctest.log" env I4_GOLDEN_DIR="$golden" \
        bash -c 'cd "$1" && ctest -L gpu --output-on-failure --timeout 120 -j "$2"' - \
        "$build_dir" "$test_jobs"
    # ctest's "100% tests passed" counts skipped tests as not failed; count each outcome.
    total=$(sed -n 's/.*tests failed out of \([0-9]*\).*/\1/p' "$OUT/ctest.log" 2>/dev/null | tail -1)
    passed=$(grep -c -E ' Passed +[0-9.]+ sec' "$OUT/ctest.log" 2>/dev/null)
    skipped=$(grep -c -E '\*\*\*Skipped +[0-9.]+ sec' "$OUT/ctest.log" 2>/dev/null)
    failed=$(sed -n 's/.* \([0-9]*\) tests failed out of.*/\1/p' "$OUT/ctest.log" 2>/dev/null | tail -1)
    failing=$(sed -n '/The following tests FAILED/,$p' "$OUT/ctest.log" 2>/dev/null |
        sed -n 's/^ *[0-9]* - \([^ ]*\).*/\1/p' | head -3 | tr '\n' ' ')
    add_row "gpu tests" "$stage_rc" "$stage_s" \
        "${passed:-0} passed, ${failed:-?} failed, ${skipped:-0} skipped (not passed) of ${total:-?}${failing:+; failed: $failing}"
    [ "$stage_rc" = 0 ] || failures=$((failures + 1))
fi

# --- the CLI on the GPU: what a user runs first -------------------------------------------------
run_stage "cli cuda" 60 200 "$OUT/bench.log" bash -c "'$(bin app/i4)' devices && '$(bin app/i4)' generate --device cuda --prompt 'a red circle on a white background' --seed 3 --out /tmp/demo-cuda.png"
add_row "cli cuda" "$stage_rc" "$stage_s" "i4 devices; i4 generate --device cuda (demo model)"
[ "$stage_rc" = 0 ] || failures=$((failures + 1))

# --- write (wait for it, or run it now) ------------------------------------------------------
if [ -n "$synth_pid" ] || { [ "$dry" = 1 ] && [ -n "${synth_t0:-}" ]; }; then
    [ -n "$synth_pid" ] && wait "$synth_pid"
    read -r stage_rc synth_end < /tmp/i4-synth.rc 2>/dev/null || stage_rc=1 synth_end=$(now)
    stage_s=$(awk -v a="$synth_t0" -v b="$synth_end" 'BEGIN { printf "%.1f", b - a }')
    cat "$OUT/synth.log"
    echo "=== write: rc $stage_rc, $stage_s s (run total $(elapsed "$t_start") s)"
elif [ "$built" = 1 ]; then
    run_stage write 180 120 "$OUT/synth.log" "${synth_cmd[@]}"
else
    stage_rc=1 stage_s=0.0
fi
written=$(grep -m1 -E '^wrote ' "$OUT/synth.log" 2>/dev/null)
add_row "write $precision" "$stage_rc" "$stage_s" "${written:-not written}"
synth_rc=$stage_rc
[ "$synth_rc" = 0 ] || failures=$((failures + 1))

# --- bench -----------------------------------------------------------------------------------
if [ "$synth_rc" = 0 ]; then
    run_stage bench 400 0 "$OUT/bench.log" "$(bin bench/bench_gpu_load)" "$model_dir" \
        --device "$device" --memory "$modes" --generate "$size" --steps "$steps" \
        --prompt-file bench/captions/long.json
    add_row bench "$stage_rc" "$stage_s" "bench_gpu_load, $size, $steps steps, $model_dir"
    [ "$stage_rc" = 0 ] || failures=$((failures + 1))
    # One row per mode from the RESULT lines (printed as each mode finishes).
    while read -r line; do
        declare -A f=()
        for kv in $line; do [ "${kv#*=}" != "$kv" ] && f[${kv%%=*}]=${kv#*=}; done
        add_row "  ${f[mode]}" "${f[status]}" "${f[load_s]}" \
            "$(printf 'in use %s: %s GB at %s GB/s; GPU %s GB after load (peak %s), peak %s GB generating; %s ms/step, text %s s, decode %s s' \
                "${f[in_use]}" "${f[load_gb]}" "${f[gb_per_s]}" "${f[gpu_after_load_gb]}" \
                "${f[gpu_peak_load_gb]}" "${f[gpu_peak_generate_gb]}" "${f[ms_per_step]}" \
                "${f[text_s]}" "${f[decode_s]}")"
        unset f
    done < <(grep -E '^RESULT ' "$OUT/bench.log" 2>/dev/null | sed 's/^RESULT //')
else
    add_row bench - 0.0 "not run: no model folder"
    failures=$((failures + 1))
fi

# --- perf (issue 24) -------------------------------------------------------------------------
# Each figure is a JSON line in perf.log; the table gets one row per run.
perf_row() {  # NAME: the last JSON line of perf.log, shortened
    local json
    json=$(grep -E '^JSON ' "$OUT/perf.log" 2>/dev/null | tail -1 | cut -c6-200)
    add_row "$1" "$stage_rc" "$stage_s" "${json:-no figures}"
    [ "$stage_rc" = 0 ] || failures=$((failures + 1))
}
if [ "$perf" = 1 ]; then
    run_stage "i4 bench exact" 60 60 "$OUT/perf.log" "$(bin app/i4)" bench --layers 2,4 \
        --steps 6 --profile /tmp/trace-exact.json
    perf_row "i4 bench exact"
    run_stage "i4 bench unfused" 60 60 "$OUT/perf.log" env I4_FUSED=0 "$(bin app/i4)" bench \
        --layers 2,4 --steps 6
    perf_row "i4 bench unfused"
    run_stage "i4 bench fast" 60 60 "$OUT/perf.log" "$(bin app/i4)" bench --layers 2,4 \
        --steps 6 --fp8
    perf_row "i4 bench fast"
    run_stage "i4 bench 2048" 60 60 "$OUT/perf.log" "$(bin app/i4)" bench --layers 1,2 \
        --steps 3 --width 2048 --height 2048
    perf_row "i4 bench 2048"
    python3 -c 'import json; print(json.load(open("resources/models/demo/model_index.json"))["_i4studio"]["example_caption"])' \
        > /tmp/demo-caption.json 2>/dev/null
    run_stage "fast cost demo" 60 30 "$OUT/perf.log" "$(bin bench/bench_fast_mode)" \
        resources/models/demo --size 128x128 --steps 12 --prompt-file /tmp/demo-caption.json
    perf_row "fast cost demo"
    if [ "$synth_rc" = 0 ]; then
        run_stage "fast cost synth" 90 30 "$OUT/perf.log" "$(bin bench/bench_fast_mode)" \
            "$model_dir" --size 1024x1024 --steps 8 --prompt-file bench/captions/long.json
        perf_row "fast cost synth"
    fi
fi
if [ "$reference" = 1 ]; then
    run_stage "reference_eager" 200 0 "$OUT/perf.log" env PYTHONUNBUFFERED=1 \
        python3 bench/reference_eager.py
    perf_row "reference_eager"
fi

# --- the table -------------------------------------------------------------------------------
echo
echo "DEVICE CHECK  $(date -u +%Y-%m-%dT%H:%MZ)  ${gpu_name:-no GPU}  total $(elapsed "$t_start") s of a ${budget} s budget$([ "$dry" = 1 ] && echo '  (DRY RUN: nothing was run)')"
{
    echo "stage|rc|s|result"
    echo "-----|--|-|------"
    for row in "${rows[@]}"; do echo "$row"; done
} | awk -F'|' '{ printf "%-18s | %-6s | %7s | %s\n", $1, $2, $3, $4 }'
return $((failures > 0))
}

# Everything printed also goes to $OUT/device-check.log; the pipeline waits for tee, so the table
# is complete in the output before the call returns.
main 2>&1 | tee -a "$OUT/device-check.log"
exit "${PIPESTATUS[0]}"
