#!/usr/bin/env bash
# Builds the .deb from the current build tree, unpacks it into a temporary root and runs what it
# installed: i4 --version, i4 info on a model folder, the man page and desktop files present.
set -euo pipefail
build_dir="$1"
model_dir="${2:-}"
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
echo "package ok: $(basename "$deb")"
