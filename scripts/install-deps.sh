#!/usr/bin/env bash
# Installs the Debian packages Harvest needs, only those that are missing.
# Usage: scripts/install-deps.sh [--test]   (--test adds poppler-utils and qpdf)
set -euo pipefail
packages=(libcairo2-dev pkg-config fonts-liberation2)
if [ "${1:-}" = "--test" ]; then packages+=(poppler-utils qpdf); fi
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing: ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >&2
