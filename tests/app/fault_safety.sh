#!/usr/bin/env bash
# Crash and fault safety with real processes (issue 25, docs/reliability.md):
#   cli-kill     kill -9 of `i4 generate` while it denoises and while it renames its PNG into place
#   studio-kill  kill -9 of i4studio while it generates and in the middle of a gallery save, then
#                a restart: no partial PNG, every PNG indexed, every index row has its PNG
#   disk-full    a full disk (a small tmpfs) under `i4 generate --out` and under the gallery: a
#                message, no partial file, the gallery intact and usable once there is room
#   model-changed a model folder truncated and partly deleted while a run uses it
# usage: fault_safety.sh cli-kill|studio-kill|disk-full|model-changed I4 [I4STUDIO] [DEMO_MODEL]
# Mounts are always unmounted (trap), whatever happens. Needs root for the tmpfs (skips otherwise,
# exit 77, which CTest reports as skipped, not passed).
set -euo pipefail
mode="$1"
i4="$2"
studio="${3:-}"
work=$(mktemp -d)
mounts=()
pids=()
cleanup() {
    for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
    for m in "${mounts[@]}"; do umount -l "$m" 2>/dev/null || true; done
    rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }

# A complete PNG: signature, every chunk's CRC, IEND last (python3: no extra packages).
png_ok() {
    python3 - "$1" <<'PY'
import struct, sys, zlib
data = open(sys.argv[1], 'rb').read()
assert data[:8] == b'\x89PNG\r\n\x1a\n', 'signature'
pos, last = 8, None
while pos < len(data):
    n, kind = struct.unpack('>I4s', data[pos:pos + 8])
    body = data[pos + 8:pos + 8 + n]
    crc, = struct.unpack('>I', data[pos + 8 + n:pos + 12 + n])
    assert zlib.crc32(kind + body) & 0xffffffff == crc, 'crc of %r' % kind
    pos, last = pos + 12 + n, kind
assert last == b'IEND' and pos == len(data), 'truncated'
PY
}

studio_env() {
    export HOME="$work/home" XDG_CONFIG_HOME="$work/home/config" XDG_DATA_HOME="$work/home/data"
    export XDG_RUNTIME_DIR="$work/home/runtime" QT_QPA_PLATFORM=offscreen
    mkdir -p "$XDG_CONFIG_HOME/i4studio" "$XDG_DATA_HOME"
    mkdir -p -m 700 "$XDG_RUNTIME_DIR"
    unset I4_DEMO_MODEL
    gallery="${1:-$work/gallery}"
    printf '[gallery]\nfolder=%s\n' "$gallery" > "$XDG_CONFIG_HOME/i4studio/i4studio.conf"
}

# The gallery's invariants: no temporary file, every PNG complete, index rows == PNGs.
check_gallery() {
    local images="$gallery/images" db="$gallery/gallery.sqlite3"
    local temps pngs rows
    temps=$(find "$images" -name '.*.png.*' | wc -l)
    [[ $temps == 0 ]] || fail "$temps temporary file(s) left in the gallery: $(ls -a "$images")"
    pngs=0
    for f in "$images"/*.png; do
        [[ -e $f ]] || continue
        png_ok "$f" || fail "partial PNG in the gallery: $f"
        pngs=$((pngs + 1))
    done
    rows=$(sqlite3 "$db" 'SELECT COUNT(*) FROM images')
    [[ $rows == "$pngs" ]] || fail "index has $rows rows for $pngs PNGs"
    while read -r file; do
        [[ -f $images/$file ]] || fail "index row without its PNG: $file"
    done < <(sqlite3 "$db" 'SELECT file FROM images')
    echo "gallery: $pngs complete PNGs, $rows index rows, no temporary files"
}

wait_for() {  # wait_for SECONDS COMMAND...: polls every 20 ms
    local deadline=$((SECONDS + $1))
    shift
    until "$@"; do
        ((SECONDS < deadline)) || return 1
        sleep 0.02
    done
}

temp_in() { compgen -G "$1/.*.png.??????" >/dev/null; }

case "$mode" in
cli-kill)
    out="$work/out"
    mkdir -p "$out"
    # While it denoises: killed at step 3 of 30.
    "$i4" generate --prompt "a red circle" --width 512 --height 512 --steps 30 \
        --out "$out/a.png" 2>"$work/a.log" &
    pid=$!
    pids+=("$pid")
    wait_for 120 grep -qs "step 3/" "$work/a.log" || fail "no progress: $(cat "$work/a.log")"
    kill -9 "$pid"
    wait "$pid" 2>/dev/null || true
    [[ ! -e $out/a.png ]] || fail "a PNG after a kill during denoising"
    ! temp_in "$out" || fail "a temporary file after a kill during denoising"
    echo "killed while denoising: no file"
    # While saving: strace holds the rename of the finished temporary file for 30 s.
    strace -f -qq -o /dev/null -e trace=rename -e inject=rename:delay_enter=30000000 \
        "$i4" generate --prompt "a red circle" --out "$out/b.png" 2>"$work/b.log" &
    tracer=$!
    pids+=("$tracer")
    wait_for 120 temp_in "$out" || fail "no temporary PNG appeared: $(cat "$work/b.log")"
    kill -9 $(pgrep -P "$tracer") "$tracer" 2>/dev/null || true
    wait "$tracer" 2>/dev/null || true
    [[ ! -e $out/b.png ]] || fail "b.png exists after a kill before its rename"
    echo "killed between write and rename: no b.png (only the hidden temporary file)"
    "$i4" generate --prompt "a red circle" --out "$out/b.png" 2>/dev/null >/dev/null
    png_ok "$out/b.png" || fail "the rerun's PNG is damaged"
    echo "rerun: complete b.png"
    ;;
studio-kill)
    [[ -x $studio ]] || { echo "no i4studio"; exit 77; }
    studio_env
    # 1. A first image, so the gallery has something to keep.
    timeout 120 "$studio" --generate >"$work/s1.log" 2>&1 || fail "first run: $(cat "$work/s1.log")"
    check_gallery
    # 2. Killed while it generates: 8 images of 512 x 512 queued (about a second each here),
    #    killed 2 s in, while the queue is still running. It keeps its session (the queue is
    #    written as it changes, Note [session autosave]).
    "$studio" --generate --keep-session --size 512x512 --images 8 >"$work/s2.log" 2>&1 &
    pid=$!
    pids+=("$pid")
    sleep 2
    kill -0 "$pid" 2>/dev/null || fail "the 8-image run ended within 2 s: $(cat "$work/s2.log")"
    kill -9 "$pid"
    wait "$pid" 2>/dev/null || true
    saved=$(find "$gallery/images" -name '*.png' | wc -l)
    session=$(find "$XDG_DATA_HOME" -name session.json | head -1)
    [[ -n $session ]] || fail "no session file after the kill: $(ls -R "$XDG_DATA_HOME")"
    queued=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1])).get("queue", [])))' "$session")
    ((queued > 0 && saved - 1 + queued >= 8)) ||
        fail "the session kept $queued queued jobs, with $((saved - 1)) of 8 images saved"
    echo "killed while generating ($saved of 9 PNGs in the gallery; $queued jobs kept in the session)"
    # 2b. The next start queues them again (the question answered yes) and makes them.
    timeout 300 "$studio" --generate --keep-session --images 1 >"$work/s2b.log" 2>&1 ||
        fail "restart with the interrupted queue: $(cat "$work/s2b.log")"
    now=$(find "$gallery/images" -name '*.png' | wc -l)
    ((now == saved + queued + 1)) ||
        fail "after the restart $now PNGs, expected $saved + $queued restored + 1"
    left=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1])).get("queue", [])))' "$session")
    [[ $left == 0 ]] || fail "the session still holds $left queued jobs after they ran"
    echo "restart: the $queued interrupted jobs ran again ($now PNGs), the session's queue is empty"
    check_gallery
    # 3. Killed in the middle of a gallery save: the rename of the written file is held.
    strace -f -qq -o /dev/null -e trace=rename -e inject=rename:delay_enter=30000000 \
        "$studio" --generate >"$work/s3.log" 2>&1 &
    tracer=$!
    pids+=("$tracer")
    wait_for 120 temp_in "$gallery/images" || fail "no gallery save seen: $(cat "$work/s3.log")"
    kill -9 $(pgrep -P "$tracer") "$tracer" 2>/dev/null || true
    wait "$tracer" 2>/dev/null || true
    temp_in "$gallery/images" && echo "killed during a gallery save (temporary file left)"
    # 4. A restart: the gallery is reconciled (Note [interrupted saves]) and works.
    timeout 120 "$studio" --generate >"$work/s4.log" 2>&1 || fail "restart: $(cat "$work/s4.log")"
    check_gallery
    ;;
disk-full)
    [[ $(id -u) == 0 ]] || { echo "needs root for a tmpfs mount"; exit 77; }
    full="$work/full"
    mkdir -p "$full"
    mount -t tmpfs -o size=2m tmpfs "$full"
    mounts+=("$full")
    # The CLI: a full output folder.
    mkdir -p "$full/out"
    dd if=/dev/zero of="$full/filler" bs=64k 2>/dev/null || true
    set +e
    "$i4" generate --prompt "a red circle" --out "$full/out/x.png" >"$work/cli.log" 2>&1
    rc=$?
    set -e
    [[ $rc != 0 ]] || fail "i4 generate succeeded on a full disk"
    grep -q "No space left on device" "$work/cli.log" || fail "no clear message: $(cat "$work/cli.log")"
    [[ ! -e $full/out/x.png ]] || fail "a partial x.png"
    ! temp_in "$full/out" || fail "a temporary file left on the full disk"
    echo "i4 on a full disk: exit $rc, '$(grep -o 'cannot write.*' "$work/cli.log" | head -1)'"
    rm -f "$full/filler"
    if [[ -x $studio ]]; then
        # The gallery on the small disk: one image saved, then the disk fills up.
        studio_env "$full/gallery"
        timeout 120 "$studio" --generate >"$work/g1.log" 2>&1 || fail "first run: $(cat "$work/g1.log")"
        check_gallery
        dd if=/dev/zero of="$full/filler" bs=4k 2>/dev/null || true
        set +e
        timeout 120 "$studio" --generate >"$work/g2.log" 2>&1
        rc=$?
        set -e
        [[ $rc != 0 ]] || fail "i4studio saved to a full disk"
        grep -q "No space left on device" "$work/g2.log" || fail "no clear message: $(cat "$work/g2.log")"
        echo "i4studio on a full disk: exit $rc, '$(grep -m1 'i4studio:' "$work/g2.log")'"
        check_gallery
        rm -f "$full/filler"
        timeout 120 "$studio" --generate >"$work/g3.log" 2>&1 || fail "after freeing space: $(cat "$work/g3.log")"
        check_gallery
    fi
    ;;
model-changed)
    # The model folder is truncated and partly deleted while `i4 generate` runs from it: the
    # loaded weights are the process's own (copied at load), so the run finishes; the next load
    # of the damaged folder is a clear model error (exit 3), not a crash.
    demo="${4:?the demo model folder}"
    cp -r "$demo" "$work/model"
    "$i4" generate --model "$work/model" --prompt "a red circle" --width 256 --height 256 \
        --steps 20 --out "$work/m.png" >"$work/m.log" 2>&1 &
    pid=$!
    pids+=("$pid")
    wait_for 120 grep -qs "step 3/" "$work/m.log" || fail "no progress: $(cat "$work/m.log")"
    for f in "$work"/model/transformer/*.safetensors "$work"/model/vae/*.safetensors; do
        truncate -s 100 "$f"
    done
    rm -rf "$work/model/unconditional_transformer"
    wait "$pid" || fail "the run died when its model folder changed: $(tail -5 "$work/m.log")"
    png_ok "$work/m.png" || fail "damaged PNG"
    echo "run finished with its folder changed under it: complete PNG"
    set +e
    "$i4" generate --model "$work/model" --prompt "a red circle" --out "$work/n.png" >"$work/n.log" 2>&1
    rc=$?
    set -e
    [[ $rc == 3 ]] || fail "loading the damaged folder: exit $rc: $(cat "$work/n.log")"
    echo "the damaged folder: exit 3, '$(grep -m1 'model error' "$work/n.log")'"
    ;;
*) fail "unknown mode $mode" ;;
esac
echo "PASS: $mode"
