# Shared by scripts/run, scripts/test and scripts/package. Source it; do not run it.
#
# Two LibTorch "worlds" build the same sources:
#   debian  Debian's LibTorch 1.13 (CPU only), in build/release. The default.
#   torch2  the LibTorch inside a pinned PyTorch 2.x from PyPI (its CUDA build, which also runs on
#           the CPU), installed into a virtual environment outside the tree (scripts/lib/torch2.sh),
#           in build/torch2. The only world that can use an NVIDIA GPU.
# A script picks one with i4_select_world before building.
set -euo pipefail

I4_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
I4_JOBS="${I4_JOBS:-$(nproc)}"
source "$I4_ROOT/scripts/lib/torch2.sh"

# Debian packages the build and the tests need. One list, used by every script.
I4_PACKAGES=(
    cmake ninja-build g++ ccache pkg-config
    libtorch-dev libopenblas-dev
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libqt6sql6-sqlite
    qt6-translations-l10n
    nlohmann-json3-dev libpng-dev libpcre2-dev libutf8proc-dev libcli11-dev libcurl4-openssl-dev
    libcpp-httplib-dev qtkeychain-qt6-dev
    libgtest-dev clang libclang-rt-14-dev
    xvfb xauth
    # Japanese glyphs for the ja GUI tests (test_small_window measures the laid-out window) and
    # the ja screenshots: without a font they are boxes of another width.
    fonts-ipafont-gothic
)
# Only the torch2 world's: the virtual environment PyTorch is installed into.
I4_PACKAGES_TORCH2=(python3-venv)

i4_log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# Phases: `i4_phase_begin NAME` ... `i4_phase_end` says how long the commands between took and
# appends "NAME<tab>seconds<tab>exit status" to $I4_TIMES_FILE when that is set (.ci/run prints
# them as a table). A phase that set -e cuts short is ended, with its status, by the EXIT trap.
I4_PHASE=""
i4_phase_begin() {
    I4_PHASE="$1"
    I4_PHASE_START=$SECONDS
}
i4_phase_end() {
    local rc="${1:-0}"
    [[ -n "$I4_PHASE" ]] || return 0
    local took=$((SECONDS - I4_PHASE_START))
    i4_log "$I4_PHASE: $(printf '%dm%02ds' $((took / 60)) $((took % 60)))$([[ $rc == 0 ]] || echo " (failed: exit $rc)")"
    if [[ -n "${I4_TIMES_FILE:-}" ]]; then
        printf '%s\t%d\t%d\n' "$I4_PHASE" "$took" "$rc" >>"$I4_TIMES_FILE"
    fi
    I4_PHASE=""
}
trap 'i4_phase_end $?' EXIT

# i4_select_world debian|torch2: sets I4_WORLD, I4_BUILD_DIR (unless the caller set it) and the
# packages to install.
i4_select_world() {
    I4_WORLD="$1"
    case "$I4_WORLD" in
        debian) I4_BUILD_DIR="${I4_BUILD_DIR:-$I4_ROOT/build/release}" ;;
        torch2)
            I4_BUILD_DIR="${I4_BUILD_DIR:-$I4_ROOT/build/torch2}"
            I4_PACKAGES+=("${I4_PACKAGES_TORCH2[@]}")
            ;;
        *) echo "unknown LibTorch world '$I4_WORLD' (debian or torch2)" >&2; exit 2 ;;
    esac
}

# Installs whatever of I4_PACKAGES is missing. Fast (one dpkg-query) when nothing is.
i4_install_deps() {
    local missing=()
    local status
    for pkg in "${I4_PACKAGES[@]}"; do
        status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
        [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
    done
    if ((${#missing[@]} == 0)); then
        return 0
    fi
    i4_log "installing Debian packages: ${missing[*]}"
    local sudo=()
    if [[ $(id -u) -ne 0 ]]; then
        command -v sudo >/dev/null || { echo "need root or sudo to install: ${missing[*]}" >&2; exit 1; }
        sudo=(sudo)
    fi
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# Everything the selected world needs before it can build: Debian packages, and for torch2 the
# pinned PyTorch (which also finds the CUDA toolkit its CMake files ask for).
i4_prepare() {
    i4_phase_begin "deps ($I4_WORLD): Debian packages"
    i4_install_deps
    i4_phase_end
    if [[ "$I4_WORLD" == torch2 ]]; then
        i4_phase_begin "deps ($I4_WORLD): PyTorch $I4_TORCH2_VERSION"
        i4_install_torch2
        i4_torch2_find_cuda_toolkit
        i4_phase_end
    fi
}

# Configures (when needed) and builds the selected world: everything, or $I4_BUILD_TARGETS
# (space-separated). Extra arguments go to cmake's configure step.
i4_build() {
    # Outside the tree, so fresh clones on the same machine (CI) share the cache; BASEDIR makes
    # the clone's own path not count, so a fresh clone somewhere else still hits.
    export CCACHE_DIR="${CCACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/i4studio-ccache}"
    export CCACHE_BASEDIR="${CCACHE_BASEDIR:-$I4_ROOT}"
    export CCACHE_SLOPPINESS="pch_defines,time_macros,include_file_mtime,include_file_ctime"
    # Two worlds of ~250 objects plus precompiled headers (a few hundred MB each): 5G holds both.
    export CCACHE_MAXSIZE="${CCACHE_MAXSIZE:-5G}"
    local configure_args=(-DCMAKE_BUILD_TYPE=Release "$@")
    local reconfigure=0
    if [[ "$I4_WORLD" == torch2 ]]; then
        local torch_dir
        torch_dir="$(i4_torch2_cmake_dir)"
        configure_args+=("-DI4_TORCH_DIR=$torch_dir")
        # A build folder configured against another PyTorch (an older pin, a moved venv) is
        # reconfigured rather than silently mixing two LibTorch versions.
        if [[ -f "$I4_BUILD_DIR/CMakeCache.txt" ]] &&
            ! grep -qxF "I4_TORCH_DIR:PATH=$torch_dir" "$I4_BUILD_DIR/CMakeCache.txt"; then
            reconfigure=1
        fi
    fi
    i4_phase_begin "build ($I4_WORLD)"
    # One ninja per build folder: a second script (or a hand-run build using the same lock file,
    # /tmp/i4-build-<folder>.lock) waits for the first.
    local lock="${I4_BUILD_LOCK:-/tmp/i4-build-$(basename "$I4_BUILD_DIR").lock}"
    exec 8>"$lock"
    if ! flock -n 8; then
        i4_log "waiting for another build of $I4_BUILD_DIR (lock $lock)"
        flock 8
    fi
    if [[ ! -f "$I4_BUILD_DIR/build.ninja" || $reconfigure == 1 ]]; then
        i4_log "configuring $I4_BUILD_DIR ($I4_WORLD)"
        cmake -S "$I4_ROOT" -B "$I4_BUILD_DIR" -G Ninja "${configure_args[@]}"
    fi
    i4_log "building $I4_BUILD_DIR ($I4_WORLD)"
    cmake --build "$I4_BUILD_DIR" --parallel "$I4_JOBS" ${I4_BUILD_TARGETS:+--target $I4_BUILD_TARGETS}
    exec 8>&-
    i4_phase_end
}
