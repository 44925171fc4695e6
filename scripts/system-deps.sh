#!/usr/bin/env bash
# Install the Debian packages the platform needs, when they are missing:
# bubblewrap (the grading sandbox), chromium (browser tests), redis-server (a private
# broker when none answers on 127.0.0.1:6379), nodejs/npm (front-end packages).
set -euo pipefail
missing=()
command -v bwrap >/dev/null || missing+=(bubblewrap)
command -v chromium >/dev/null || missing+=(chromium)
command -v redis-server >/dev/null || missing+=(redis-server)
command -v npm >/dev/null || missing+=(nodejs npm)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "Missing system packages: ${missing[*]}"
  echo "Install them with:  sudo apt-get install ${missing[*]}"
  exit 1
fi
