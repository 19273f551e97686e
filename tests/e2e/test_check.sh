#!/bin/sh
# inkstone check: exit status, messages with positions, kinds by place and
# name, the no-argument mode, and a hostile file refused fast.
. tests/e2e/lib-cli.sh
F=tests/fixtures/config
T=$TMP
export XDG_CONFIG_HOME="$T/cfg" XDG_DATA_HOME="$T/data"
unset NO_COLOR

./inkstone check $F/good.yaml >"$T/out" 2>"$T/err" || fail "good config refused: $(cat "$T/err")"
grep -qx "$F/good.yaml: ok (config)" "$T/out" || fail "no ok line: $(cat "$T/out")"
[ -s "$T/err" ] && fail "stderr on success: $(cat "$T/err")"

sum=$(cksum <$F/bad-many.yaml)
./inkstone check $F/bad-many.yaml >"$T/out" 2>"$T/err"
[ $? -eq 2 ] || fail "bad config: want exit 2"
[ "$(wc -l <"$T/err")" -eq 5 ] || fail "want 5 errors: $(cat "$T/err")"
grep -q "^$F/bad-many.yaml:1:1: unknown option \"thme\"; did you mean \"theme\"?$" "$T/err" ||
	fail "first error: $(head -1 "$T/err")"
grep -q "^$F/bad-many.yaml:8:5: keys.list: duplicate binding for j" "$T/err" ||
	fail "duplicate binding: $(cat "$T/err")"
[ "$(cksum <$F/bad-many.yaml)" = "$sum" ] || fail "config file changed"

# A config naming a theme that cannot be found: an error at its place.
printf 'layout: {list-height: 5}\ntheme: drak\n' >"$T/drak.yaml"
./inkstone check "$T/drak.yaml" 2>"$T/err" >/dev/null; [ $? -eq 2 ] || fail "missing theme in config accepted"
grep -q "drak.yaml:2:8: theme \"drak\": not found" "$T/err" || fail "missing theme: $(cat "$T/err")"

# Every shipped theme passes; a broken one gives every error.
./inkstone check themes/*.yaml >"$T/out" 2>"$T/err" || fail "shipped themes: $(cat "$T/err")"
[ "$(grep -c ': ok (theme)$' "$T/out")" -eq "$(ls themes/*.yaml | wc -l)" ] || fail "themes: $(cat "$T/out")"
./inkstone check $F/themes/broken.yaml 2>"$T/err"
[ $? -eq 2 ] || fail "broken theme: want exit 2"
[ "$(wc -l <"$T/err")" -eq 8 ] || fail "broken theme: want 8 errors: $(cat "$T/err")"

# State files: YAML with a mapping on top.
./inkstone check $F/tags.yaml >/dev/null 2>&1 || fail "tags.yaml refused"
./inkstone check $F/highlights.yaml 2>"$T/err" >/dev/null
[ $? -eq 2 ] || fail "highlights.yaml with a list on top accepted"
grep -q "^$F/highlights.yaml:1:1: expected a mapping at the top" "$T/err" || fail "state: $(cat "$T/err")"

# Articles: front matter and encoding problems with their position; the
# message never carries the article's control bytes.
./inkstone check articles/*.txt articles/*.md >"$T/out" 2>"$T/err" || fail "sample articles: $(cat "$T/err")"
./inkstone check tests/fixtures/articles/broken-front-matter.md >/dev/null 2>"$T/err"
[ $? -eq 2 ] || fail "broken front matter accepted"
grep -q "^tests/fixtures/articles/broken-front-matter.md:[0-9]*:[0-9]*: " "$T/err" || fail "article: $(cat "$T/err")"
./inkstone check tests/fixtures/hostile/escapes.txt >"$T/out" 2>"$T/err"
no_controls "$T/err" "check of escapes.txt"
printf 'theme: "\\e]0;owned\\a\\e[2J"\nlayout: {list-height: "\\e[31m"}\n' >"$T/esc.yaml"
./inkstone check "$T/esc.yaml" 2>"$T/err"; [ $? -eq 2 ] || fail "escape config accepted"
no_controls "$T/err" "check of a config with escapes"

# entities.yaml is read as a gazetteer, which checks its entries.
./inkstone check data/entities.yaml >/dev/null 2>"$T/err" || fail "shipped gazetteer: $(cat "$T/err")"
./inkstone check $F/state/entities.yaml >/dev/null 2>"$T/err"
[ $? -eq 2 ] || fail "bad entities.yaml accepted"
grep -q "^$F/state/entities.yaml:3:" "$T/err" || fail "entities: $(cat "$T/err")"
# A repeated key is an error at each repeat, one a line.
mkdir -p "$T/dup"
printf 'entities:\n  - {name: B, type: PERSON, aliases: [x], type: ORG, aliases: [y]}\n' >"$T/dup/entities.yaml"
./inkstone check "$T/dup/entities.yaml" >/dev/null 2>"$T/err"; [ $? -eq 2 ] || fail "repeated keys accepted"
[ "$(wc -l <"$T/err")" -eq 2 ] || fail "repeated keys: want 2 errors: $(cat "$T/err")"
grep -q "^$T/dup/entities.yaml:2:54: duplicate key \"aliases\"$" "$T/err" || fail "repeated keys: $(cat "$T/err")"

# Unknown kinds and options.
./inkstone check "$T/x.json" 2>/dev/null; [ $? -eq 2 ] || fail "x.json: want exit 2"
./inkstone check --bogus 2>/dev/null; [ $? -eq 2 ] || fail "--bogus: want exit 2"

# No FILE: no config at all is fine; a broken one is not.
./inkstone check >"$T/out" 2>"$T/err" || fail "no config: $(cat "$T/err")"
grep -q "missing, the defaults apply" "$T/out" || fail "no config: $(cat "$T/out")"
mkdir -p "$T/cfg/inkstone/themes" "$T/data/inkstone"
cp $F/bad-range.yaml "$T/cfg/inkstone/config.yaml"
./inkstone check >/dev/null 2>"$T/err"; [ $? -eq 2 ] || fail "broken default config accepted"
grep -q "config.yaml:2:10: reading.width: 5000 is out of range" "$T/err" || fail "default config: $(cat "$T/err")"
cp $F/good.yaml "$T/cfg/inkstone/config.yaml"
cp $F/highlights.yaml "$T/data/inkstone/highlights.yaml"
./inkstone check >/dev/null 2>"$T/err"; [ $? -eq 2 ] || fail "broken state file accepted"
rm "$T/data/inkstone/highlights.yaml"
cp $F/themes/broken.yaml "$T/cfg/inkstone/themes/mine.yaml"
./inkstone check >/dev/null 2>"$T/err"; [ $? -eq 2 ] || fail "broken user theme accepted"
rm "$T/cfg/inkstone/themes/mine.yaml"
./inkstone check >/dev/null 2>"$T/err" || fail "good setup refused: $(cat "$T/err")"
./inkstone -c $F/bad-enum.yaml check >/dev/null 2>&1; [ $? -eq 2 ] || fail "-c bad: want exit 2"
./inkstone check --theme no-such-theme >/dev/null 2>"$T/err"; [ $? -eq 2 ] || fail "missing theme accepted"

# 100,000 '[' refused at once.
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "["; print "" }' >"$T/deep.yaml"
./inkstone check "$T/deep.yaml" 2>"$T/err"; [ $? -eq 2 ] || fail "deep file accepted"
grep -q "nested more than" "$T/err" || fail "deep: $(cat "$T/err")"

# --keys: the bindings in force, the config applied.
./inkstone check --keys >"$T/out" || fail "--keys"
grep -q "^  S-Tab  *focus-prev " "$T/out" || fail "--keys lacks S-Tab: $(head "$T/out")"
./inkstone -c $F/good.yaml check --keys >"$T/out" || fail "--keys with good.yaml"
grep -q "^  C-c  *quit " "$T/out" || fail "--keys lacks the config's C-c"
./inkstone -c $F/bad-enum.yaml check --keys >/dev/null 2>&1; [ $? -eq 2 ] || fail "--keys with a bad config: want exit 2"

./inkstone --help | grep -q "layout.sidebar-width" || fail "--help lacks the options table"
pass
