#!/usr/bin/env bash
# Builds the .deb from the current build tree, unpacks it into a temporary root and runs what it
# installed: i4 --version, i4 info on a model folder, the man page and desktop files present, and
# i4 generate with the packaged demo model (no --model: the installed copy must be the one used).
set -euo pipefail
build_dir="$1"
model_dir="${2:-}"
caption="$(dirname "$0")/demo_caption.json"
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
(cd "$build_dir" && cpack -G DEB -B "$root/pkg" >/dev/null)
deb=$(ls "$root"/pkg/*.deb)
dpkg-deb --info "$deb" | grep -E "Package|Depends"
dpkg-deb -x "$deb" "$root/install"
test -x "$root/install/usr/bin/i4"
test -f "$root/install/usr/share/man/man1/i4.1"
"$root/install/usr/bin/i4" --version | grep -q "^i4 "
if [[ -x "$root/install/usr/bin/i4studio" ]]; then
    test -f "$root/install/usr/share/applications/i4studio.desktop"
    test -f "$root/install/usr/share/metainfo/io.github.i4studio.metainfo.xml"
fi
if [[ -n "$model_dir" && -d "$model_dir" ]]; then
    "$root/install/usr/bin/i4" info "$model_dir" | grep -q "precision"
fi
demo="$root/install/usr/share/i4studio/models/demo"
test -f "$demo/model_index.json"
log=$(env -u I4_DEMO_MODEL "$root/install/usr/bin/i4" generate --prompt-file "$caption" \
      --preset V4_TURBO_12 --seed 3 --out "$root/demo.png" 2>&1) || { echo "$log"; exit 1; }
echo "$log" | grep -F "using the demo model ($demo)" || { echo "$log"; exit 1; }
test "$(head -c 8 "$root/demo.png" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a"
# IHDR width and height: the demo model's own 128 x 128.
test "$(od -An -tu1 -j16 -N8 "$root/demo.png" | tr -s ' ')" = " 0 0 0 128 0 0 0 128"
echo "package ok: $(basename "$deb"), demo image $(stat -c %s "$root/demo.png") bytes"
