#!/usr/bin/env bash
# Install the Prometheus server and promtool for the integration tests
# (test/integration/prometheus.test.ts). Idempotent: does nothing when both are on PATH.
# Debian/Ubuntu package `prometheus` ships /usr/bin/prometheus and /usr/bin/promtool.
# Never fails the build: when it cannot install, it says why and exits 0, and the
# integration test skips with a message naming this script.
set -u

say() { printf 'setup-prometheus: %s\n' "$*"; }

have_both() { command -v prometheus >/dev/null 2>&1 && command -v promtool >/dev/null 2>&1; }

if have_both; then
  say "already installed: $(command -v prometheus) ($(prometheus --version 2>&1 | head -n1)), $(command -v promtool)"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  say "cannot install: apt-get not found (not Debian/Ubuntu); install the 'prometheus' package (with promtool) by hand; the Prometheus integration tests will be skipped"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
    SUDO="sudo -n"
  else
    say "cannot install: not root and no passwordless sudo; run 'apt-get install prometheus' as root; the Prometheus integration tests will be skipped"
    exit 0
  fi
fi

start=$(date +%s)
export DEBIAN_FRONTEND=noninteractive
say "installing Debian package 'prometheus' (provides prometheus and promtool) via apt-get"
if ! $SUDO apt-get update -qq >/dev/null 2>&1; then
  say "warning: apt-get update failed; trying the install with the current package lists"
fi
# --no-install-recommends: skips prometheus-node-exporter and friends the tests do not need.
# The package's service is not needed either: the tests start their own server on 127.0.0.1.
if ! $SUDO apt-get install -y -qq --no-install-recommends prometheus >/dev/null 2>&1; then
  say "cannot install: 'apt-get install prometheus' failed (no network or package not in the sources?); the Prometheus integration tests will be skipped"
  exit 0
fi

# Some hosts (systemd) start the packaged service on :9090; the tests do not use it. Stop it so
# it does not hold a port or disk, when we are allowed to.
if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
  $SUDO systemctl stop prometheus >/dev/null 2>&1 || true
fi

if have_both; then
  say "installed in $(( $(date +%s) - start )) s: $(command -v prometheus) ($(prometheus --version 2>&1 | head -n1)), $(command -v promtool)"
else
  say "package installed but prometheus/promtool not on PATH; the Prometheus integration tests will be skipped"
fi
exit 0
