#!/usr/bin/env bash
# Installs Google's own Perspective client for Python (Debian's python3-googleapi) when it is missing, for
# GooglePerspectiveClientTest. It goes into Debian's /usr/bin/python3, which the test calls by that path.
set -euo pipefail
if /usr/bin/python3 -c 'import googleapiclient.discovery' 2>/dev/null; then
  exit 0
fi
echo "== Installing python3-googleapi for the Google Perspective client test"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo -n"; fi
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -q
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -q python3-googleapi
/usr/bin/python3 -c 'import googleapiclient.discovery'
