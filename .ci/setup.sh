#!/usr/bin/env bash
# Installs what Dateline needs to build, run and test on Debian 12, idempotently:
# system packages (Tauri/WebKitGTK, Xvfb, Chromium, fonts), tauri-driver, the UI's npm packages, and
# for the Python package (python/) a JRE (PySpark) and a virtual environment with its build and test packages.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

PACKAGES=(build-essential pkg-config curl file libssl-dev libxdo-dev
  libwebkit2gtk-4.1-dev libjavascriptcoregtk-4.1-dev libsoup-3.0-dev libgtk-3-dev
  librsvg2-dev libayatana-appindicator3-dev
  xvfb xauth x11-utils xdotool webkit2gtk-driver chromium
  fonts-dejavu-core fonts-noto-core dbus-x11 at-spi2-core python3 python3-venv
  python3-gi gir1.2-gtk-3.0)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing system packages: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# PySpark runs on a JVM: any java will do, else Debian's JRE 17.
if ! command -v java >/dev/null 2>&1; then
  echo "setup: installing a JRE for PySpark (openjdk-17-jre-headless)"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless >/dev/null
fi

# The Python package's build and tests, in a venv under $HOME (the Makefile's VENV); pip runs only
# when the list below changes.
VENV="${VENV:-$HOME/.cache/dateline-venv}"
PY_PACKAGES=("maturin>=1.9,<2" "pyarrow>=16" "pytest>=7" "pyspark>=3.5" "pandas>=2.2" "ray[data]>=2.9")
if [ ! -x "$VENV/bin/python" ]; then
  echo "setup: creating the Python venv $VENV"
  python3 -m venv "$VENV"
fi
if ! cmp -s <(printf '%s\n' "${PY_PACKAGES[@]}") "$VENV/.dateline-packages" 2>/dev/null; then
  echo "setup: pip install into $VENV: ${PY_PACKAGES[*]}"
  "$VENV/bin/pip" install -q --disable-pip-version-check "${PY_PACKAGES[@]}"
  printf '%s\n' "${PY_PACKAGES[@]}" > "$VENV/.dateline-packages"
fi

if ! command -v tauri-driver >/dev/null 2>&1; then
  echo "setup: installing tauri-driver (a few minutes, once)"
  cargo install tauri-driver --locked --version '^2' --quiet
fi

install_npm() {
  local dir=$1
  local stamp="$dir/node_modules/.dateline-lock"
  if [ ! -f "$stamp" ] || ! cmp -s "$dir/package-lock.json" "$stamp"; then
    echo "setup: npm ci in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
    cp "$dir/package-lock.json" "$stamp"
  fi
}
install_npm ui
install_npm tests/e2e
