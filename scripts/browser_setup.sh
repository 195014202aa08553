#!/usr/bin/env bash
# Chromium for the browser tests (tests/web/browser): Debian's `chromium` and
# `chromium-driver`, installed only when /usr/bin/chromium is missing, so a machine that has
# it spends no time here. Run by `make test` (target browser-setup). CI runs as root.
#
# Without root or apt-get it says so and stops: the browser tests then skip locally, and
# fail under CI (CI=true), where this script fails too.
set -euo pipefail

CHROMIUM="${RIGHTHELP_CHROMIUM:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  echo "browser-setup: $CHROMIUM is installed"
  exit 0
fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "browser-setup: $CHROMIUM is missing; install it as root with" \
    "'apt-get install chromium chromium-driver' (the browser tests need it)" >&2
  case "${CI:-}" in
    1 | true | TRUE | True | yes) exit 1 ;;
    *) exit 0 ;;
  esac
fi
echo "browser-setup: installing Debian's chromium and chromium-driver (once)"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium chromium-driver >/dev/null
"$CHROMIUM" --version
