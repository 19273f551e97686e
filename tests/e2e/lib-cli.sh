# Shared helpers for the command-line end-to-end tests (sourced).
TMP=$(mktemp -d /tmp/inkstone-e2e.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
export HOME="$TMP/home" XDG_CONFIG_HOME="$TMP/config" XDG_DATA_HOME="$TMP/data" \
	XDG_CACHE_HOME="$TMP/cache"
mkdir -p "$HOME"
NAME=${0##*/}

fail() { echo "$NAME: FAIL: $*" >&2; exit 1; }
pass() { exit 0; }
expect_eq() { [ "$1" = "$2" ] || fail "$3: got '$1', want '$2'"; }

# no_controls FILE WHAT: the file holds no byte a terminal would obey: C0
# controls other than LF, DEL, C1 controls (as UTF-8: C2 80-9F), or bidi
# embeddings, overrides and isolates (E2 80 AA-AE, E2 81 A6-A9).
no_controls() {
	if LC_ALL=C grep -q -P '[\x00-\x09\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]' "$1"; then
		fail "$2: control bytes in output: $(LC_ALL=C grep -a -o -P '[\x00-\x09\x0b-\x1f\x7f]|\xc2[\x80-\x9f]' "$1" | od -c | head -3)"
	fi
}
