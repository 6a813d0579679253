#!/bin/sh
# Makes sure the report page's browser tests (ReportPageBrowserTest) have a browser: Debian's
# chromium and its chromedriver. Run by Maven before manifest-tools' tests. When they are missing
# and this runs as root with apt-get, it installs them; otherwise it fails, saying how to install
# them (the tests never skip for want of a browser).
set -u
have() { [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; }
if have; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "[INFO] installing chromium and chromium-driver for the report page's browser tests (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null &&
    apt-get install -y -q --no-install-recommends chromium chromium-driver >/dev/null
  if have; then
    exit 0
  fi
  echo "[ERROR] apt-get could not install chromium and chromium-driver (see its output above)" >&2
  exit 1
fi
echo "[ERROR] the report page's browser tests need Debian's chromium and chromedriver" \
  "(/usr/bin/chromium, /usr/bin/chromedriver): install them with" \
  "'sudo apt-get install chromium chromium-driver', then run the build again" >&2
exit 1
