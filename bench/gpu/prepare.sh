#!/usr/bin/env bash
# Run here (not on the device), from anywhere in the checkout: fills .gpu/ for bench/gpu/device-check.sh.
#   1. ../shared/gpu/prepare: the Debian -dev packages, build.sh / report.sh, the golden data
#      without the fp8 and nf4 folders;
#   2. adds golden tiny-ideogram4-fp8 and -nf4, whose tokenizer/ and vae/ are byte-identical to the
#      bf16 folder's (checked with md5sum) and become relative symlinks to it, so the three folders
#      cost ~13 MB instead of ~41 MB;
#   3. measures what travels (tracked and untracked-not-ignored files, plus .gpu) against the
#      device's 64 MiB limit and fails above it.
set -euo pipefail
top=$(git rev-parse --show-toplevel)
cd "$top"
shared=${I4_SHARED_DIR:-$top/../shared}
golden=${I4_GOLDEN_DIR:-$shared/golden}
limit=$((64 * 1024 * 1024))

mkdir -p "$(git rev-parse --git-path info)"  # shared/gpu/prepare appends to info/exclude
"$shared/gpu/prepare"

# The same check as shared/gpu/prepare makes before copying: only when .gpu/golden exists.
if [ ! -d .gpu/golden ]; then
    echo "prepare.sh: .gpu/golden is missing (no golden data at $golden?)" >&2
    exit 1
fi
bf16=tiny-ideogram4-bf16
for precision in fp8 nf4; do
    name=tiny-ideogram4-$precision
    src=$golden/$name
    dst=.gpu/golden/$name
    if [ -d "$dst" ]; then
        echo "$dst: present"
        continue
    fi
    [ -d "$src" ] || { echo "prepare.sh: $src is missing" >&2; exit 1; }
    mkdir -p "$dst.partial"
    for part in "$src"/*; do
        base=$(basename "$part")
        if [ "$base" = tokenizer ] || [ "$base" = vae ]; then
            # Link only when every file matches the bf16 folder's, byte for byte.
            if (cd "$src/$base" && find . -type f -print0 | sort -z | xargs -0 md5sum) \
                | (cd ".gpu/golden/$bf16/$base" && md5sum --quiet -c - >/dev/null 2>&1) \
                && [ "$(find "$src/$base" -type f | wc -l)" = "$(find ".gpu/golden/$bf16/$base" -type f | wc -l)" ]; then
                ln -s "../$bf16/$base" "$dst.partial/$base"
                echo "$dst/$base -> ../$bf16/$base (identical: md5sum)"
                continue
            fi
            echo "$dst/$base differs from the bf16 folder's: copied"
        fi
        cp -R "$part" "$dst.partial/$base"
    done
    mv "$dst.partial" "$dst"
done

# What a device call sends: tracked and untracked-not-ignored files, and the carried .gpu.
tree=$(git ls-files -z --cached --others --exclude-standard | xargs -0 -r stat -c %s -- 2>/dev/null \
    | awk '{s += $1} END {print s + 0}')
gpu=$(du -sb .gpu | cut -f1)
total=$((tree + gpu))
awk -v t="$tree" -v g="$gpu" 'BEGIN { m = 1048576;
    printf "travelling tree: files %.1f MiB + .gpu %.1f MiB = %.1f MiB (limit 64 MiB)\n", t / m, g / m, (t + g) / m }'
if [ "$total" -ge "$limit" ]; then
    echo "prepare.sh: over the 64 MiB limit; the device call would be refused" >&2
    exit 1
fi
