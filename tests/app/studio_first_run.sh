#!/usr/bin/env bash
# A first start on a fresh account, as scripts/run does it, scripted: no settings, no model
# folder, no caption. i4studio must pick the demo model, fill the editor with the model's example
# caption, generate at the model's own size, save the picture to the gallery and screenshot the
# window once it is saved (--screenshot-step 0).
set -euo pipefail
studio="$1"
model_index="$2"  # the demo model's, for the size it states
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export HOME="$home" XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data"
export XDG_RUNTIME_DIR="$home/runtime" QT_QPA_PLATFORM=offscreen
mkdir -m 700 "$XDG_RUNTIME_DIR"
unset I4_DEMO_MODEL
timeout 120 "$studio" --generate --screenshot "$home/window.png" --screenshot-step 0 || {
    echo "i4studio --generate did not finish (rc $?)"; exit 1; }

png_size() {  # "WxH" from the IHDR chunk
    local hex
    hex=$(od -An -tx1 -j16 -N8 "$1" | tr -d ' \n')
    echo "$((16#${hex:0:8}))x$((16#${hex:8:8}))"
}
mapfile -t images < <(find "$XDG_DATA_HOME" -path '*gallery/images/*.png')
test "${#images[@]}" -eq 1 || { echo "expected one gallery image, found ${#images[@]}"; exit 1; }
size=$(png_size "${images[0]}")
native=$(tr -d ' \n' < "$model_index" | grep -o '"native_size":\[[0-9]*,[0-9]*\]' | grep -o '[0-9]*,[0-9]*')
echo "gallery image ${images[0]##*/}: $size; the model states ${native/,/x}"
test "$size" = "${native/,/x}"
test -s "$home/window.png"
echo "window screenshot: $(png_size "$home/window.png")"
