#!/usr/bin/env bash
# Installs the system packages FerMusic's build and tests need on Debian/Ubuntu (run as root, or with sudo).
# The .NET 10 SDK is expected to be installed already; NuGet packages are restored by dotnet itself.
set -euo pipefail

packages=(
  ca-certificates   # NuGet restore over HTTPS
  libgtk-3-0        # OpenCvSharp's native library links GTK 3
  opencv-data       # Haar cascades in /usr/share/opencv4/haarcascades
  chromium          # end-to-end tests of the web page (Playwright drives /usr/bin/chromium)
)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if [ "${#missing[@]}" -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

command -v dotnet >/dev/null || { echo "error: the .NET 10 SDK (dotnet) is not on PATH; see https://dot.net" >&2; exit 1; }
