#!/usr/bin/env bash
# Install Debian's Chromium for the browser tests (test/browser/, driven by playwright-core with
# executablePath; playwright's own browser download is not used). Idempotent: does nothing when a
# Chromium is already on PATH or at ML_LCA_CHROMIUM. Never fails the build: when it cannot
# install, it says why and exits 0, and the browser tests skip with a message naming this script.
set -u

say() { printf 'setup-chromium: %s\n' "$*"; }

# The PR comment screenshots (test/browser/comment.test.ts) show the verdict's emoji: without a
# colour emoji font they are boxes. Best effort, like everything here.
emoji_font() {
  if command -v fc-list >/dev/null 2>&1 && ! fc-list 2>/dev/null | grep -qi 'emoji' && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends fonts-noto-color-emoji >/dev/null 2>&1 \
      && say "installed fonts-noto-color-emoji" || say "could not install fonts-noto-color-emoji (emoji in screenshots show as boxes)"
  fi
}

for c in "${ML_LCA_CHROMIUM:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -n "$c" ] && [ -x "$c" ]; then
    say "already installed: $c ($("$c" --version 2>/dev/null | head -n1))"
    emoji_font
    exit 0
  fi
done

if ! command -v apt-get >/dev/null 2>&1; then
  say "cannot install: apt-get not found (not Debian/Ubuntu); install Chromium and set ML_LCA_CHROMIUM to its path; the browser tests will be skipped"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true >/dev/null 2>&1; then
    SUDO="sudo -n"
  else
    say "cannot install: not root and no passwordless sudo; run 'apt-get install chromium' as root; the browser tests will be skipped"
    exit 0
  fi
fi

start=$(date +%s)
export DEBIAN_FRONTEND=noninteractive
say "installing Debian package 'chromium' via apt-get"
if ! $SUDO apt-get update -qq >/dev/null 2>&1; then
  say "warning: apt-get update failed; trying the install with the current package lists"
fi
# Fonts: without them text renders as boxes and the layout measurements in the tests are off.
if $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core fonts-noto-color-emoji >/dev/null 2>&1 \
  || $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null 2>&1; then
  say "installed $(command -v chromium) ($(chromium --version 2>/dev/null | head -n1)) in $(( $(date +%s) - start )) s"
else
  say "could not install chromium with apt-get; the browser tests will be skipped"
fi
exit 0
