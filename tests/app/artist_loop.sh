#!/usr/bin/env bash
# Issue 29's journeys on the real programs with the demo model (parts 1, 2, 3 and 8 and the CLI):
#  - i4studio --generate --seed N on a fresh account: the demo model's own size, preset and
#    guidance, the seed given is the one in the saved PNG;
#  - i4studio --size 512x384: the size is kept (not replaced by the model's own) and generation
#    starts; the window shows the size warning (look at the screenshot);
#  - i4 generate without --seed: a random seed, printed and in the PNG, another on the next run;
#    an existing --out is refused (exit 2, file untouched) unless --overwrite; the default name
#    moves on to i4-2.png; the example caption beside the demo model passes --strict.
# With I4_SCREENSHOT_DIR set (run under xvfb-run for real fonts) the two windows are saved there as
# demo-model.png and demo-size-warning.png (the README's pictures).
set -euo pipefail
studio=$(realpath "$1")
i4=$(realpath "$2")
demo=$(realpath "$3")
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data"
export XDG_RUNTIME_DIR="$home/runtime" OMP_NUM_THREADS="${OMP_NUM_THREADS:-2}"
[[ -n ${I4_SCREENSHOT_DIR:-} ]] || export QT_QPA_PLATFORM=offscreen
mkdir -m 700 "$XDG_RUNTIME_DIR"
export I4_DEMO_MODEL="$demo"
shots="${I4_SCREENSHOT_DIR:-$home}"
fail() { echo "FAIL: $*"; exit 1; }
png_size() {  # "WxH" from the IHDR chunk
    local hex
    hex=$(od -An -tx1 -j16 -N8 "$1" | tr -d ' \n')
    echo "$((16#${hex:0:8}))x$((16#${hex:8:8}))"
}

# 1. The app: the demo model's defaults, a given seed kept.
seed=1978843190
timeout 180 "$studio" --generate --seed "$seed" --screenshot "$shots/demo-model.png" \
    --screenshot-step 0 >"$home/s1.log" 2>&1 || fail "i4studio --generate: $(cat "$home/s1.log")"
mapfile -t images < <(find "$XDG_DATA_HOME" -path '*gallery/images/*.png')
[[ ${#images[@]} -eq 1 ]] || fail "expected one gallery image, found ${#images[@]}"
[[ $(png_size "${images[0]}") == 128x128 ]] || fail "size $(png_size "${images[0]}")"
grep -aq "Seed: $seed" "${images[0]}" || fail "the PNG does not name seed $seed"
grep -aq '"preset":"V4_TURBO_12"' "${images[0]}" || fail "the PNG does not name V4_TURBO_12"
echo "app: 128x128, seed $seed, V4_TURBO_12 in the gallery PNG"

# 2. A size of the user's own survives the model's defaults (a screenshot at step 1, then quit).
timeout 180 "$studio" --generate --seed "$seed" --size 512x384 \
    --screenshot "$shots/demo-size-warning.png" --screenshot-step 2 >"$home/s2.log" 2>&1 ||
    fail "i4studio --size: $(cat "$home/s2.log")"
[[ -s $shots/demo-size-warning.png ]] || fail "no screenshot of the size warning"
echo "app: --size 512x384 generated (screenshot at step 2)"

# 3. The command line.
cd "$home"
"$i4" generate --prompt-file "$demo/example-caption.json" >a.log 2>&1 || fail "$(cat a.log)"
first=$(grep -o '^seed [0-9]* (random' a.log | grep -o '[0-9]*') || fail "no seed printed: $(cat a.log)"
grep -aq "Seed: $first" i4.png || fail "i4.png does not hold seed $first"
"$i4" generate --prompt-file "$demo/example-caption.json" >b.log 2>&1 || fail "$(cat b.log)"
grep -q 'i4.png already exists: writing i4-2.png' b.log || fail "no new name: $(cat b.log)"
second=$(grep -o '^seed [0-9]* (random' b.log | grep -o '[0-9]*')
[[ $first != "$second" ]] || fail "the same random seed twice ($first)"
before=$(sha256sum i4.png)
rc=0
"$i4" generate --prompt "a red circle" --out i4.png >c.log 2>&1 || rc=$?
[[ $rc == 2 ]] || fail "an existing --out: exit $rc, $(cat c.log)"
grep -q 'i4.png already exists' c.log || fail "$(cat c.log)"
[[ $(sha256sum i4.png) == "$before" ]] || fail "i4.png was changed"
"$i4" generate --prompt "a red circle" --out i4.png --overwrite >d.log 2>&1 || fail "$(cat d.log)"
[[ $(sha256sum i4.png) != "$before" ]] || fail "--overwrite did not replace i4.png"
"$i4" check-caption "$demo/example-caption.json" --strict >/dev/null || fail "example caption"
echo "cli: random seeds $first and $second printed and recorded, no silent overwrite"
