#!/usr/bin/env bash
# One-command set-up for a fresh Debian 12 machine (run as root, or with sudo available).
#   scripts/setup.sh demo   install what is missing, build (Release, build/), start the app on the demo data
#   scripts/setup.sh test   install what is missing, build, run the whole test suite (CTest)
# Idempotent: installed packages, an existing build and existing demo data are reused.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-}
if [[ "$mode" != demo && "$mode" != test ]]; then
    echo "usage: $0 demo|test" >&2
    exit 2
fi

# Debian 12 packages. libopenblas0-openmp: LibTorch is ~18x slower on the reference BLAS.
# xvfb/xauth + Mesa: the OpenGL tests run under xvfb-run. libav* (with libx264): movies.
packages=(
    build-essential cmake ninja-build pkg-config
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n libqt6opengl6-dev
    libvtk9-dev libgl-dev libgl1-mesa-dri libglx-mesa0 fonts-dejavu-core
    libtorch-dev libgloo-dev libopenblas0-openmp
    libfftw3-dev libeigen3-dev libhdf5-dev
    libnanoflann-dev libhnswlib-dev libhealpix-cxx-dev libyaml-cpp-dev
    libavcodec-dev libavformat-dev libavutil-dev libswscale-dev
    xvfb xauth
)

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
    sudo_cmd=()
    [[ $(id -u) -ne 0 ]] && sudo_cmd=(sudo)
    echo "Installing: ${missing[*]}"
    "${sudo_cmd[@]}" apt-get update -q
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

[[ -f build/CMakeCache.txt ]] || cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build build --parallel "$(nproc)"

if [[ "$mode" == test ]]; then
    cd build
    exec ctest --output-on-failure --parallel "$(nproc)"
fi

# The demo dataset: 5,000 simulated particles (64 px, hinge motion, SNR 0.1) with ground truth.
if [[ ! -f demo-data/particles.star ]]; then
    build/bin/cryoscape simulate --out demo-data --particles 5000 --box 64 --motion hinge --seed 1
fi
exec build/bin/cryoscape demo-data/truth_map_02.mrc demo-data/particles.star
