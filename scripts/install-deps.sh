#!/usr/bin/env bash
# Installs the Debian packages that jnb needs to build, test and run its main job, using
# sudo when not root. Packages already installed are left alone; nothing else is changed.
set -euo pipefail

packages=(
    libedit-dev libopenblas-dev libhdf5-dev pkg-config   # the C libraries jnb links
    libxml2-utils librsvg2-bin fonts-dejavu-core         # xmllint, rsvg-convert, the figure font
    python3-h5py                                         # a second HDF5 reader for the tests
    tmux                                                 # drives the REPL on a real terminal in tests
    util-linux mount                                     # setpriv, mount: unreadable files, full and read-only disks in tests
)

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done

if [ ${#missing[@]} -gt 0 ]; then
    echo "jnb: installing ${missing[*]}" >&2
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { echo "jnb: need root or sudo to install ${missing[*]}" >&2; exit 1; }
        sudo=sudo
    fi
    $sudo apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! command -v swift >/dev/null; then
    echo "jnb: no swift on PATH; install Swift 6 from swift.org first" >&2
    exit 1
fi
