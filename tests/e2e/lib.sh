# Shared helpers for the end-to-end tests: a private tmux server on its own
# socket, a temporary HOME and XDG folders, and checks on captured screens.
# Sourced by test_*.sh; needs INKSTONE (the binary) and tmux.

set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
INKSTONE=${INKSTONE:-$ROOT/inkstone}
E2E_TMP=$(mktemp -d "${TMPDIR:-/tmp}/inkstone-e2e.XXXXXX")
SOCK="inkstone-e2e-$$"
export HOME="$E2E_TMP/home"
export XDG_CONFIG_HOME="$E2E_TMP/config"
export XDG_DATA_HOME="$E2E_TMP/data"
export XDG_CACHE_HOME="$E2E_TMP/cache"
export TMUX_TMPDIR="$E2E_TMP"
export LC_ALL=C.UTF-8
unset TMUX NO_COLOR
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME"
FAILS=0
NAME=$(basename "$0" .sh)

t() {
	tmux -L "$SOCK" -f /dev/null "$@"
}

# stop: ends the tmux server and waits until it is gone, so the next
# start does not race with it.
stop() {
	t kill-server >/dev/null 2>&1
	i=0
	while t has-session >/dev/null 2>&1 && [ $i -lt 30 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	sleep 0.2
}

cleanup() {
	stop
	rm -rf "$E2E_TMP"
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM PIPE

fail() {
	echo "$NAME: FAIL: $*" >&2
	FAILS=$((FAILS + 1))
}

ok() {
	[ -n "${E2E_VERBOSE:-}" ] && echo "$NAME: ok: $*"
	return 0
}

# start COLS ROWS ARGS...: runs the reader in a new session; its exit
# status lands in $E2E_TMP/exit.
start() {
	cols=$1 rows=$2
	shift 2
	rm -f "$E2E_TMP/exit"
	stop
	t new-session -d -x "$cols" -y "$rows" \
	    "env TERM=${E2E_TERM:-screen} ASAN_OPTIONS=${ASAN_OPTIONS:-} $INKSTONE $* 2>$E2E_TMP/stderr; echo \$? >$E2E_TMP/exit; sleep 60"
	t set-option -g status off >/dev/null
}

screen() {
	t capture-pane -p
}

keys() {
	t send-keys "$@"
	sleep 0.15
}

# type TEXT: sends TEXT literally.
type_text() {
	t send-keys -l "$1"
	sleep 0.15
}

# wait_for PATTERN [SECONDS]: waits until the screen shows PATTERN
# (grep -E).  Returns 1 on time-out.
wait_for() {
	i=0
	limit=$(( ${2:-5} * 10 ))
	while [ $i -lt $limit ]; do
		if screen | grep -Eq -- "$1"; then
			return 0
		fi
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

expect() {
	if wait_for "$1" "${2:-5}"; then
		ok "screen shows /$1/"
	else
		fail "screen does not show /$1/"
		screen | sed 's/^/    | /' >&2
	fi
}

expect_not() {
	sleep 0.3
	if screen | grep -Eq -- "$1"; then
		fail "screen shows /$1/"
		screen | sed 's/^/    | /' >&2
	else
		ok "screen does not show /$1/"
	fi
}

# check_width COLS: no captured line is wider than the terminal.
check_width() {
	w=$(screen | wc -L)
	if [ "$w" -gt "$1" ]; then
		fail "a screen line is $w columns wide on a $1-column terminal"
		screen | sed 's/^/    | /' >&2
	else
		ok "every line fits in $1 columns"
	fi
}

resize() {
	t resize-window -x "$1" -y "$2"
	sleep 0.5
}

# wait_exit STATUS: waits for the reader to end with STATUS.
wait_exit() {
	i=0
	while [ ! -s "$E2E_TMP/exit" ] && [ $i -lt 50 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	if [ ! -s "$E2E_TMP/exit" ]; then
		fail "the reader did not exit"
		return
	fi
	st=$(cat "$E2E_TMP/exit")
	if [ "$st" = "$1" ]; then
		ok "exit status $st"
	else
		fail "exit status $st, expected $1"
		sed 's/^/    stderr| /' "$E2E_TMP/stderr" >&2
	fi
}

# library: a private copy of the sample articles.
library() {
	mkdir -p "$E2E_TMP/lib"
	cp -R "$ROOT/articles/." "$E2E_TMP/lib/"
	rm -f "$E2E_TMP/lib/COPYING"
	echo "$E2E_TMP/lib"
}

finish() {
	stop
	[ "$FAILS" -eq 0 ] || { echo "$NAME: $FAILS failure(s)" >&2; exit 1; }
	exit 0
}
