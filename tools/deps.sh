#!/bin/sh
# Install what inkstone needs to build and test, if it is missing.
# Debian and Ubuntu: apt-get (through sudo when not root).  Elsewhere: say what is needed.
set -e
missing=""
have_pc() { pkg-config --exists "$1" 2>/dev/null; }
command -v pkg-config >/dev/null 2>&1 || missing="$missing pkg-config"
command -v cc >/dev/null 2>&1 || missing="$missing build-essential"
command -v make >/dev/null 2>&1 || missing="$missing make"
have_pc ncursesw || missing="$missing libncurses-dev"
have_pc yaml-0.1 || missing="$missing libyaml-dev"
have_pc cmocka || missing="$missing libcmocka-dev"
[ -f /usr/include/unilbrk.h ] || [ -f /usr/local/include/unilbrk.h ] || missing="$missing libunistring-dev"
command -v tmux >/dev/null 2>&1 || missing="$missing tmux"
command -v mandoc >/dev/null 2>&1 || missing="$missing mandoc"
command -v clang >/dev/null 2>&1 || missing="$missing clang"
[ -n "$missing" ] || exit 0

if ! command -v apt-get >/dev/null 2>&1; then
	echo "inkstone: missing build dependencies:$missing" >&2
	echo "inkstone: this is not a Debian or Ubuntu system; install the equivalents of" >&2
	echo "  ncursesw, libyaml, libunistring, cmocka, pkg-config, tmux, mandoc, clang" >&2
	echo "with your package manager, then run the command again." >&2
	exit 1
fi
sudo=""
if [ "$(id -u)" != 0 ]; then
	if command -v sudo >/dev/null 2>&1; then sudo=sudo; else
		echo "inkstone: need root (or sudo) to install:$missing" >&2; exit 1
	fi
fi
echo "inkstone: installing:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get install -y -q $missing >/dev/null 2>&1 || {
	$sudo apt-get update -q >/dev/null
	$sudo apt-get install -y -q $missing
}
