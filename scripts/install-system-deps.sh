#!/usr/bin/env bash
# Debian packages the test suite drives for real: headless Chromium, poppler's pdftotext and
# pdftoppm, khal (a real calendar client), and the DejaVu fonts the PDF embeds.
# Installs only what is missing; needs root (CI runs as root) or passwordless sudo.
set -euo pipefail
need=()
command -v chromium >/dev/null || need+=(chromium)
command -v pdftotext >/dev/null || need+=(poppler-utils)
command -v khal >/dev/null || need+=(khal)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
[ ${#need[@]} -eq 0 ] && exit 0
echo "installing Debian packages: ${need[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo -n"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
