#!/bin/sh
# The reader and the configuration: a broken config stops it before it
# draws, with the same messages as `inkstone check` and exit status 2, and
# the file untouched; a config's key bindings are the ones in force.
. "$(dirname "$0")/lib.sh"

F=$ROOT/tests/fixtures/config
LIB=$(library)

sum=$(cksum <"$F/bad-many.yaml")
start 100 30 -c "$F/bad-many.yaml" "$LIB"
wait_exit 2
"$INKSTONE" check "$F/bad-many.yaml" >/dev/null 2>"$E2E_TMP/check.err"
# The reader may put "inkstone: " before each; the messages are the same.
sed 's/^inkstone: //' "$E2E_TMP/stderr" >"$E2E_TMP/reader.err"
if cmp -s "$E2E_TMP/reader.err" "$E2E_TMP/check.err"; then
	ok "the reader's messages are check's"
else
	fail "the reader's messages differ from check's"
	diff "$E2E_TMP/check.err" "$E2E_TMP/reader.err" | sed 's/^/    | /' >&2
fi
[ "$(wc -l <"$E2E_TMP/stderr")" -eq 5 ] || fail "want 5 messages"
[ "$(cksum <"$F/bad-many.yaml")" = "$sum" ] && ok "config untouched" ||
	fail "the reader changed the config file"

# The default config file too, when it is broken.
mkdir -p "$XDG_CONFIG_HOME/inkstone"
cp "$F/bad-range.yaml" "$XDG_CONFIG_HOME/inkstone/config.yaml"
start 100 30 "$LIB"
wait_exit 2
grep -q "config.yaml:2:10: reading.width: 5000 is out of range" "$E2E_TMP/stderr" ||
	fail "default config: $(cat "$E2E_TMP/stderr")"
rm "$XDG_CONFIG_HOME/inkstone/config.yaml"

# Rebinding: q does nothing, x quits.
cat >"$E2E_TMP/keys.yaml" <<'YAML'
keys:
  global:
    q: none
    x: quit
YAML
start 100 30 -c "$E2E_TMP/keys.yaml" "$LIB"
expect "Articles"
keys q
sleep 0.3
[ -s "$E2E_TMP/exit" ] && fail "q still quits after q: none"
keys x
wait_exit 0

# The empty filter's hint names the key in force.
cat >"$E2E_TMP/keys.yaml" <<'YAML'
keys:
  list:
    c: none
    F6: clear-filter
YAML
start 100 30 -c "$E2E_TMP/keys.yaml" "$LIB"
expect "Articles"
keys /
type_text zzqx no such words
keys Enter
expect "No article matches."
expect "F6 shows them all again."
keys F6
expect "Articles [1-9]"
keys q
wait_exit 0

finish
