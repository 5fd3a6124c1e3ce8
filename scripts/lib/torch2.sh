# The torch2 world's LibTorch: a pinned PyTorch from PyPI (its CUDA build; the same LibTorch also
# runs on the CPU), installed into a virtual environment outside the source tree and reused by
# every clone on the machine. Sourced by scripts/lib/common.sh.
#
#   I4_TORCH2_VENV  where the environment lives
#                   (default ${XDG_CACHE_HOME:-$HOME/.cache}/i4studio/torch-<version>)
#   I4_TORCH2_WHEELS  where the downloaded wheels are kept, so that installing again (a new
#                   environment, another clone's, CI's) needs no download
#                   (default ${XDG_CACHE_HOME:-$HOME/.cache}/i4studio/wheels; safe to delete)
#   I4_PYTHON       the Python that creates it (default python3; needs the venv module)

# The pin. PyPI's Linux wheel of this version is built with CUDA 13.0 and brings its CUDA
# libraries (cuBLAS, cuDNN, ...) as nvidia-* wheels. Change both lines together.
I4_TORCH2_VERSION=2.11.0
I4_TORCH2_CUDA=13.0
I4_TORCH2_VENV="${I4_TORCH2_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/i4studio/torch-$I4_TORCH2_VERSION}"
I4_TORCH2_WHEELS="${I4_TORCH2_WHEELS:-${XDG_CACHE_HOME:-$HOME/.cache}/i4studio/wheels}"
I4_PYTHON="${I4_PYTHON:-python3}"

# Prints "<version> <torch package folder> <CUDA version or None>" for the torch installed in the
# environment, read from its metadata and files without importing it (an import takes seconds);
# prints nothing when there is no usable install (no environment, no torch, files missing).
i4_torch2_probe() {
    [[ -x "$I4_TORCH2_VENV/bin/python" ]] || return 0
    "$I4_TORCH2_VENV/bin/python" - 2>/dev/null <<'EOF' || true
import importlib.metadata, importlib.util, os, re
try:
    version = importlib.metadata.version("torch")
except importlib.metadata.PackageNotFoundError:
    raise SystemExit(0)
spec = importlib.util.find_spec("torch")
folder = spec.submodule_search_locations[0]
needed = ["share/cmake/Torch/TorchConfig.cmake", "lib/libtorch_cpu.so", "lib/libc10.so", "version.py"]
if all(os.path.isfile(os.path.join(folder, f)) for f in needed):
    text = open(os.path.join(folder, "version.py")).read()
    cuda = re.search(r"^cuda\s*(?::\s*\S+)?\s*=\s*'([^']+)'", text, re.M)
    print(version, folder, cuda.group(1) if cuda else "None")
EOF
}

# Installs torch==$I4_TORCH2_VERSION into $I4_TORCH2_VENV unless that exact version is there.
# The wheels are downloaded into $I4_TORCH2_WHEELS and installed from there. pip's own HTTP cache
# is not enough: it stores only responses that carry caching headers, and behind a proxy that
# strips them (as on the machines this project is developed on) it keeps nothing at all.
i4_install_torch2() {
    local probe
    probe="$(i4_torch2_probe)"
    if [[ "${probe%% *}" == "$I4_TORCH2_VERSION" ]]; then
        i4_log "PyTorch $I4_TORCH2_VERSION: reusing $I4_TORCH2_VENV"
        return 0
    fi
    mkdir -p "$(dirname "$I4_TORCH2_VENV")"
    # Two scripts starting at once (scripts/test in two clones) install once.
    local lock="$I4_TORCH2_VENV.lock"
    exec 9>"$lock"
    flock 9
    probe="$(i4_torch2_probe)"
    if [[ "${probe%% *}" != "$I4_TORCH2_VERSION" ]]; then
        if [[ -n "$probe" ]]; then
            i4_log "PyTorch ${probe%% *} in $I4_TORCH2_VENV is not the pinned $I4_TORCH2_VERSION: replacing it"
        fi
        if [[ ! -x "$I4_TORCH2_VENV/bin/python" ]]; then
            i4_log "creating a Python environment in $I4_TORCH2_VENV"
            if ! "$I4_PYTHON" -m venv "$I4_TORCH2_VENV"; then
                echo "error: '$I4_PYTHON -m venv' failed; on Debian install python3-venv" >&2
                exec 9>&-
                return 1
            fi
        fi
        local pip=("$I4_TORCH2_VENV/bin/python" -m pip --disable-pip-version-check)
        local offline=(install --no-index --find-links "$I4_TORCH2_WHEELS" "torch==$I4_TORCH2_VERSION")
        i4_log "installing torch==$I4_TORCH2_VERSION into $I4_TORCH2_VENV"
        if ! "${pip[@]}" "${offline[@]}" -q 2>/dev/null; then
            i4_log "downloading torch==$I4_TORCH2_VERSION and its CUDA libraries from PyPI into" \
                "$I4_TORCH2_WHEELS (about 2.6 GB, kept for the next install)"
            mkdir -p "$I4_TORCH2_WHEELS"
            if ! "${pip[@]}" download -d "$I4_TORCH2_WHEELS" "torch==$I4_TORCH2_VERSION"; then
                echo "error: pip could not download torch==$I4_TORCH2_VERSION from PyPI" >&2
                exec 9>&-
                return 1
            fi
            if ! "${pip[@]}" "${offline[@]}"; then
                echo "error: pip could not install torch==$I4_TORCH2_VERSION into $I4_TORCH2_VENV" >&2
                exec 9>&-
                return 1
            fi
        fi
        probe="$(i4_torch2_probe)"
        if [[ "${probe%% *}" != "$I4_TORCH2_VERSION" ]]; then
            echo "error: after pip install, $I4_TORCH2_VENV holds '${probe:-no usable torch}'," \
                "not torch $I4_TORCH2_VERSION with its LibTorch files" >&2
            exec 9>&-
            return 1
        fi
    fi
    exec 9>&-
}

# The folder holding TorchConfig.cmake (what -DI4_TORCH_DIR takes).
i4_torch2_cmake_dir() {
    local probe folder
    probe="$(i4_torch2_probe)"
    [[ -n "$probe" ]] || { echo "error: no PyTorch in $I4_TORCH2_VENV" >&2; return 1; }
    folder="${probe#* }"
    folder="${folder% *}"
    echo "$folder/share/cmake/Torch"
}

# The CUDA version the installed torch was built with ("13.0"), or "None" for a CPU wheel.
i4_torch2_cuda() {
    local probe
    probe="$(i4_torch2_probe)"
    echo "${probe##* }"
}

# A CUDA build needs a CUDA toolkit (nvcc, headers): it compiles core/runtime/cuda's kernels, and
# PyTorch's CMake files insist on one at configure time. Finds one and puts its nvcc on PATH, or
# says how to get one.
i4_torch2_find_cuda_toolkit() {
    local cuda
    cuda="$(i4_torch2_cuda)"
    [[ "$cuda" != None ]] || return 0
    local nvcc="${CUDACXX:-}"
    [[ -n "$nvcc" ]] || nvcc="$(command -v nvcc || true)"
    if [[ -z "$nvcc" ]]; then
        local dir
        for dir in "/usr/local/cuda-$cuda" /usr/local/cuda; do
            if [[ -x "$dir/bin/nvcc" ]]; then
                nvcc="$dir/bin/nvcc"
                break
            fi
        done
    fi
    if [[ -z "$nvcc" ]]; then
        cat >&2 <<EOF
error: PyTorch $I4_TORCH2_VERSION is built with CUDA $cuda; building i4studio against it needs the
CUDA $cuda toolkit (nvcc and headers), and none was found (not on PATH, not in /usr/local/cuda).
On Debian 12, from NVIDIA's repository:
    wget https://developer.download.nvidia.com/compute/cuda/repos/debian12/x86_64/cuda-keyring_1.1-1_all.deb
    sudo dpkg -i cuda-keyring_1.1-1_all.deb && sudo apt-get update
    sudo apt-get install cuda-toolkit-${cuda//./-}
or set CUDACXX to an nvcc of CUDA $cuda.
EOF
        return 1
    fi
    local found
    found="$("$nvcc" --version | sed -n 's/.*release \([0-9.]*\),.*/\1/p')"
    if [[ "${found%%.*}" != "${cuda%%.*}" ]]; then
        i4_log "warning: $nvcc is CUDA ${found:-of unknown version}; PyTorch $I4_TORCH2_VERSION is built with CUDA $cuda"
    fi
    PATH="$(dirname "$nvcc"):$PATH"
    export PATH
    export CUDACXX="$nvcc"
}
