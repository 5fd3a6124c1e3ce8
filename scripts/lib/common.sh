# Shared by scripts/run, scripts/test and scripts/package. Source it; do not run it.
set -euo pipefail

I4_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
I4_BUILD_DIR="${I4_BUILD_DIR:-$I4_ROOT/build/release}"
I4_JOBS="${I4_JOBS:-$(nproc)}"

# Debian packages the build and the tests need. One list, used by every script.
I4_PACKAGES=(
    cmake ninja-build g++ ccache pkg-config
    libtorch-dev libopenblas-dev
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libqt6sql6-sqlite
    nlohmann-json3-dev libpng-dev libpcre2-dev libutf8proc-dev libcli11-dev
    libgtest-dev clang libclang-rt-14-dev
    xvfb xauth
)

i4_log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

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

# Configures (once) and builds. Extra arguments go to cmake's configure step.
i4_build() {
    # Outside the tree, so fresh clones on the same machine (CI) share the cache.
    export CCACHE_DIR="${CCACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/i4studio-ccache}"
    export CCACHE_SLOPPINESS="pch_defines,time_macros,include_file_mtime,include_file_ctime"
    export CCACHE_MAXSIZE="${CCACHE_MAXSIZE:-5G}"
    if [[ ! -f "$I4_BUILD_DIR/build.ninja" ]]; then
        i4_log "configuring $I4_BUILD_DIR"
        cmake -S "$I4_ROOT" -B "$I4_BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release "$@"
    fi
    i4_log "building"
    cmake --build "$I4_BUILD_DIR" --parallel "$I4_JOBS"
}
