#!/usr/bin/env bash
# The golden data the `gpu` tests read, small enough to travel with a device call (the whole tree
# that travels must stay under 64 MiB; ../shared/golden is 70 MB).
#
#   tests/gpu/golden_for_device.sh pack [DEST]    here: fills DEST (default .gpu/golden)
#   tests/gpu/golden_for_device.sh restore DEST   on the device machine, before ctest
#
# pack copies everything but magic_prompt/ (no gpu test reads it), and the fp8 and nf4 folders
# without their tokenizer/ and vae/, which are byte for byte the bf16 folder's (checked here;
# a folder that differs is copied whole). restore copies the bf16 folder's back into them. What
# DEST already holds (e.g. from ../shared/gpu/prepare) is kept.
set -euo pipefail
mode=${1:-}
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
shared=(tokenizer vae)

case "$mode" in
pack)
    src=${I4_GOLDEN_DIR:-$top/../shared/golden}
    dest=${2:-$top/.gpu/golden}
    [[ -d "$src/tiny-ideogram4-bf16" ]] || { echo "no golden data at $src" >&2; exit 1; }
    mkdir -p "$dest"
    for entry in "$src"/*; do
        name=$(basename "$entry")
        case "$name" in
        magic_prompt) ;;
        tiny-ideogram4-fp8 | tiny-ideogram4-nf4)
            mkdir -p "$dest/$name"
            for part in "$entry"/*; do
                part_name=$(basename "$part")
                if [[ " ${shared[*]} " == *" $part_name "* ]] &&
                    diff -rq "$part" "$src/tiny-ideogram4-bf16/$part_name" >/dev/null; then
                    continue
                fi
                [[ -e "$dest/$name/$part_name" ]] || cp -a "$part" "$dest/$name/"
            done
            ;;
        *) [[ -e "$dest/$name" ]] || cp -a "$entry" "$dest/" ;;
        esac
    done
    du -sh "$dest"
    ;;
restore)
    dest=${2:?restore needs the golden folder}
    for precision in fp8 nf4; do
        for part in "${shared[@]}"; do
            target="$dest/tiny-ideogram4-$precision/$part"
            [[ -e "$target" ]] || cp -a "$dest/tiny-ideogram4-bf16/$part" "$target"
        done
    done
    ;;
*)
    sed -n '2,/^set /{/^set /d;s/^# \{0,1\}//;p}' "${BASH_SOURCE[0]}"
    exit 2
    ;;
esac
