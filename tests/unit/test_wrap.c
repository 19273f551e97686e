/* Tests for wrap: each rule on small cases at small widths, then properties
 * checked on generated mixed-script text at every width from 1 to 120. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "inkstone/text.h"
#include "inkstone/util.h"
#include "inkstone/wrap.h"

#define SHY	"\u00AD"
#define ZWJ	"\u200D"

/*
 * Kinsoku as the issue states it, kept apart from the tables in breaks.c so
 * that the property test checks the wrapper against the rule, not against
 * itself.
 */
static const char *const test_no_start[] = {
	"。", "，", "、", "」", "』", "）", "】", "》", "！", "？", "：",
	"；", "…", "ぁ", "ぃ", "ぅ", "ぇ", "ぉ", "っ", "ゃ", "ゅ", "ょ",
	"ゎ", "ァ", "ィ", "ゥ", "ェ", "ォ", "ッ", "ャ", "ュ", "ョ", "ヮ",
	"ヵ", "ヶ", "ー"
};
static const char *const test_no_end[] = { "「", "『", "（", "【", "《" };
#define NELEM(a) (sizeof (a) / sizeof (a)[0])

static uint32_t
cp_of(const char *s)
{
	uint32_t cp;

	text_decode(s, strlen(s), &cp);
	return cp;
}

static int
in_list(const char *const *list, size_t n, uint32_t cp)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (cp_of(list[i]) == cp)
			return 1;
	return 0;
}

/* Columns of s[a..b) as drawn: text_width() counts U+00AD as 0. */
static int
span_width(const char *s, size_t a, size_t b)
{
	return (int)text_width(s + a, b - a);
}

/* The last code point of s[a..b) that is not a space; 0 if none. */
static uint32_t
last_cp(const char *s, size_t a, size_t b)
{
	uint32_t	cp, last = 0;
	size_t		i = a;

	while (i < b) {
		i += text_decode(s + i, b - i, &cp);
		if (cp != ' ')
			last = cp;
	}
	return last;
}

static int
no_start(uint32_t cp, int tables)
{
	return tables ? wrap_no_start(cp) :
	    in_list(test_no_start, NELEM(test_no_start), cp);
}

static int
no_end(uint32_t cp, int tables)
{
	return tables ? wrap_no_end(cp) :
	    in_list(test_no_end, NELEM(test_no_end), cp);
}

/* Would a line [start, g) followed by one starting at g break kinsoku (as
 * the issue lists it, or by wrap's wider tables) or a soft hyphen's need
 * for room? */
static int
unclean(const char *s, size_t len, size_t start, size_t g, int width,
    int tables)
{
	size_t	end = g;

	while (end > start && s[end - 1] == ' ')
		end--;
	/* A line of nothing but the "-", or no room for it. */
	if (end - start >= 2 && end == g && memcmp(s + end - 2, SHY, 2) == 0 &&
	    (end - 2 == start || span_width(s, start, end) + 1 > width))
		return 1;
	return (g < len && no_start(cp_of(s + g), tables)) ||
	    no_end(last_cp(s, start, end), tables);
}

/*
 * Every property a wrapping must have: the spans tile the paragraph in
 * order; [end, next) holds only hanging spaces, the line feed that ends the
 * line, or the soft hyphen it breaks at; widths are right and within the
 * limit unless the line is one cluster; lines break only between clusters;
 * every line feed ends a line; and a kinsoku violation happens only where
 * no cluster boundary on the line would have avoided it.
 */
static void
check_lines(const char *s, size_t len, int width, const struct wrap_lines *l)
{
	char			*gb = xmalloc(len + 1);
	const struct wrap_line	*v;
	size_t			 k, j, g;

	assert_true(l->n >= 1);
	wrap_clusters(s, len, gb);
	gb[len] = 1;
	assert_int_equal(l->v[0].start, 0);
	assert_int_equal(l->v[l->n - 1].next, len);
	for (k = 0; k < l->n; k++) {
		v = &l->v[k];
		assert_true(v->start <= v->end && v->end <= v->next);
		assert_true(v->start < v->next || len == 0);
		if (k + 1 < l->n)
			assert_int_equal(v->next, l->v[k + 1].start);
		if (v->start < len)
			assert_true(gb[v->start]);
		assert_null(memchr(s + v->start, '\n', v->end - v->start));
		j = v->end;
		if (v->hyphen) {
			assert_memory_equal(s + j, SHY, 2);
			j += 2;
			assert_int_equal(j, v->next);
		}
		for (; j < v->next; j++)
			assert_true(s[j] == ' ' ||
			    (s[j] == '\n' && j + 1 == v->next));
		assert_int_equal(v->width,
		    span_width(s, v->start, v->end) + v->hyphen);
		if (v->width > width) {
			/* Only a single cluster may be wider than the line. */
			for (j = v->start + 1; j < v->end; j++)
				if (gb[j])
					fail_msg("width %d: line [%zu,%zu) is "
					    "%d wide and splits at %zu: \"%.*s\"",
					    width, v->start, v->end, v->width,
					    j, (int)(v->end - v->start),
					    s + v->start);
			assert_int_equal(v->hyphen, 0);
		}
		if (k + 1 == l->n || s[v->next - 1] == '\n')
			continue;
		if (!unclean(s, len, v->start, v->next, width, 0))
			continue;
		/* A kinsoku violation: the forced break of a run wider than
		 * the line, where no boundary on the line is clean even by
		 * wrap's own, wider tables (which the lists are part
		 * of: see test_kinsoku). */
		for (g = v->start + 1; g < v->next; g++)
			if (gb[g] && (s[g] != ' ' || !gb[g + 1]) &&
			    !unclean(s, len, v->start, g, width, 1))
				fail_msg("width %d: line [%zu,%zu) breaks "
				    "kinsoku at %zu but could end at %zu: "
				    "\"%.*s\"", width, v->start, v->next,
				    v->next, g, (int)(v->next - v->start + 8),
				    s + v->start);
	}
	for (j = 0; j < len; j++) {
		if (s[j] != '\n')
			continue;
		for (k = 0; k < l->n && l->v[k].next != j + 1; k++)
			;
		assert_true(k < l->n);
	}
	free(gb);
}

static struct wrap_lines
wrap(const char *s, int width)
{
	struct wrap_lines l = { 0 };

	wrap_paragraph(s, strlen(s), width, &l);
	check_lines(s, strlen(s), width, &l);
	return l;
}

/* Asserts the drawn text of each line: "|"-separated, "-" for a hyphen. */
static void
assert_wrapped(const char *s, int width, const char *want)
{
	struct wrap_lines	l = wrap(s, width);
	struct buf		b = { 0 };
	size_t			k;

	for (k = 0; k < l.n; k++) {
		if (k > 0)
			buf_addc(&b, '|');
		buf_add(&b, s + l.v[k].start, l.v[k].end - l.v[k].start);
		if (l.v[k].hyphen)
			buf_addc(&b, '-');
	}
	if (b.data == NULL)
		buf_adds(&b, "");
	if (strcmp(b.data, want) != 0)
		fail_msg("width %d: got \"%s\", want \"%s\"", width, b.data,
		    want);
	buf_free(&b);
	wrap_lines_free(&l);
}

static void
test_empty(void **state)
{
	struct wrap_lines l = { 0 };

	(void)state;
	wrap_paragraph("", 0, 10, &l);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0].start + l.v[0].end + l.v[0].next, 0);
	assert_int_equal(l.v[0].width, 0);
	/* Appends: a second paragraph goes after the first. */
	wrap_paragraph("a b", 3, 1, &l);
	assert_int_equal(l.n, 3);
	wrap_lines_free(&l);
	assert_null(l.v);
	assert_int_equal(l.n, 0);
}

static void
test_latin(void **state)
{
	const char *fox = "The quick brown fox jumps over the lazy dog";

	(void)state;
	assert_wrapped(fox, 80, fox);
	assert_wrapped(fox, 43, fox);
	assert_wrapped(fox, 42, "The quick brown fox jumps over the lazy|dog");
	assert_wrapped(fox, 10,
	    "The quick|brown fox|jumps over|the lazy|dog");
	assert_wrapped(fox, 5, "The|quick|brown|fox|jumps|over|the|lazy|dog");
	/* Longer words than the line break between letters, greedily. */
	assert_wrapped(fox, 4, "The|quic|k|brow|n|fox|jump|s|over|the|lazy|dog");
	assert_wrapped("well-known", 6, "well-|known");
	assert_wrapped("abc", 0, "a|b|c");	/* below 1: taken as 1 */
}

static void
test_width_1_and_2(void **state)
{
	struct wrap_lines	l;
	size_t			k;

	(void)state;
	assert_wrapped("ab cd", 1, "a|b|c|d");
	assert_wrapped("ab cd", 2, "ab|cd");
	/* A wide character at width 1: its own line, the one excess. */
	l = wrap("a日本b", 1);
	assert_int_equal(l.n, 4);
	for (k = 0; k < l.n; k++)
		assert_int_equal(l.v[k].width, k == 1 || k == 2 ? 2 : 1);
	wrap_lines_free(&l);
	assert_wrapped("日本語", 2, "日|本|語");
	assert_wrapped("日本語", 3, "日|本|語");
	assert_wrapped("日本語", 4, "日本|語");
}

static void
test_hanging_spaces(void **state)
{
	struct wrap_lines l;

	(void)state;
	l = wrap("abc   def", 5);
	assert_int_equal(l.n, 2);
	assert_int_equal(l.v[0].end, 3);
	assert_int_equal(l.v[0].next, 6);
	assert_int_equal(l.v[0].width, 3);
	wrap_lines_free(&l);
	/* The spaces hang even when they would not fit. */
	l = wrap("abcde     f", 5);
	assert_int_equal(l.n, 2);
	assert_int_equal(l.v[0].end, 5);
	assert_int_equal(l.v[0].next, 10);
	wrap_lines_free(&l);
	/* Trailing spaces of the paragraph hang too; inner ones count. */
	l = wrap("a  b  ", 10);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0].end, 4);
	assert_int_equal(l.v[0].width, 4);
	assert_int_equal(l.v[0].next, 6);
	wrap_lines_free(&l);
	/* A mark on a space makes it drawn: it no longer hangs. */
	assert_wrapped("ab \u0301", 2, "ab| \u0301");
	assert_wrapped("ab   \u0301", 3, "ab| \u0301");
	/* Leading spaces are drawn: they are indentation. */
	assert_wrapped("  ab cd", 5, "  ab|cd");
}

static void
test_tabs(void **state)
{
	char			*s;
	size_t			 len;
	struct wrap_lines	 l = { 0 };

	(void)state;
	/* The sanitiser expands tabs; the wrapper sees plain spaces. */
	s = text_clean("name\tvalue\tnote", 15, &len);
	assert_null(memchr(s, '\t', len));
	wrap_paragraph(s, len, 12, &l);
	check_lines(s, len, 12, &l);
	assert_int_equal(l.n, 2);
	assert_int_equal(l.v[0].end, 4);		/* "name" */
	assert_int_equal(l.v[1].start, 8);		/* "value" at column 8 */
	assert_int_equal(l.v[1].width, 5 + 3 + 4);	/* "value   note" */
	wrap_lines_free(&l);
	free(s);
}

static void
test_mandatory(void **state)
{
	struct wrap_lines l;

	(void)state;
	assert_wrapped("abc\ndef", 80, "abc|def");
	assert_wrapped("abc\n\ndef", 80, "abc||def");
	assert_wrapped("abc\n", 80, "abc");
	assert_wrapped("\n", 80, "");
	assert_wrapped("\n\n", 80, "|");
	assert_wrapped("one two\nthree", 3, "one|two|thr|ee");
	l = wrap("a  \nb", 10);
	assert_int_equal(l.n, 2);
	assert_int_equal(l.v[0].end, 1);
	assert_int_equal(l.v[0].next, 4);
	wrap_lines_free(&l);
}

static void
test_soft_hyphen(void **state)
{
	const char		*s = "extra" SHY "ordinary";
	struct wrap_lines	 l;

	(void)state;
	/* The width the wrapper relies on: drawing code skips U+00AD. */
	assert_int_equal(text_cp_width(0xAD), 0);
	/* Invisible where the line does not break at it. */
	l = wrap(s, 80);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0].width, 13);
	assert_int_equal(l.v[0].hyphen, 0);
	wrap_lines_free(&l);
	/* Drawn as "-" where it does, and counted. */
	l = wrap(s, 6);
	assert_int_equal(l.v[0].hyphen, 1);
	assert_int_equal(l.v[0].end, 5);
	assert_int_equal(l.v[0].next, 7);
	assert_int_equal(l.v[0].width, 6);
	wrap_lines_free(&l);
	assert_wrapped(s, 8, "extra-|ordinary");
	/* No room for the "-": break elsewhere, with none drawn. */
	assert_wrapped(s, 5, "extra|" SHY "ordin|ary");
	assert_wrapped("I said extra" SHY "ordinary", 13,
	    "I said extra-|ordinary");
	assert_wrapped("I said extra" SHY "ordinary", 12,
	    "I said|extra-|ordinary");
}

static void
test_kinsoku(void **state)
{
	struct buf		 b = { 0 };
	struct wrap_lines	 l;
	size_t			 i, k;
	char			 p[64];

	(void)state;
	for (i = 0; i < NELEM(test_no_start); i++) {
		assert_true(wrap_no_start(cp_of(test_no_start[i])));
		/* Greedy filling would start the second line with it. */
		b.len = 0;
		buf_addf(&b, "あい%sうえ", test_no_start[i]);
		l = wrap(b.data, 4);
		for (k = 1; k < l.n; k++)
			assert_false(wrap_no_start(cp_of(b.data +
			    l.v[k].start)));
		assert_int_equal(l.v[0].end, 3);	/* "あ" alone */
		wrap_lines_free(&l);
		/* After a space UAX #14 allows the break (LB18); kinsoku
		 * does not. */
		b.len = 0;
		buf_addf(&b, "xx ab %s", test_no_start[i]);
		wrap_breaks(b.data, b.len, p);
		if ((cp_of(test_no_start[i]) >= 0x3041 &&
		    cp_of(test_no_start[i]) <= 0x30FF) ||
		    cp_of(test_no_start[i]) == 0x2026 ||
		    cp_of(test_no_start[i]) == 0xFF1A ||
		    cp_of(test_no_start[i]) == 0xFF1B)
			assert_int_equal(p[6], WRAP_ALLOW);
		else
			assert_int_equal(p[6], WRAP_NONE);
		l = wrap(b.data, 6);
		assert_int_equal(l.n, 2);
		assert_int_equal(l.v[1].start, 3);	/* "ab ..." */
		wrap_lines_free(&l);
	}
	for (i = 0; i < NELEM(test_no_end); i++) {
		assert_true(wrap_no_end(cp_of(test_no_end[i])));
		b.len = 0;
		buf_addf(&b, "あい%sうえ", test_no_end[i]);
		l = wrap(b.data, 6);
		assert_int_equal(l.n, 2);
		assert_int_equal(l.v[0].end, 6);	/* "あい" */
		wrap_lines_free(&l);
	}
	assert_false(wrap_no_start(cp_of("あ")));
	assert_false(wrap_no_end(cp_of("」")));
	assert_false(wrap_no_start(cp_of("a")));
	buf_free(&b);
	assert_wrapped("日本は「半導体」を。", 10, "日本は「半|導体」を。");
	assert_wrapped("日本は「半導体」を。", 8, "日本は|「半導|体」を。");
	assert_wrapped("日本は「半導体」を。", 6, "日本は|「半導|体」|を。");
	/* Unavoidable: one unbreakable run wider than the line. */
	assert_wrapped("「あ」", 2, "「|あ|」");
}

static void
test_clusters(void **state)
{
	const char *family = "👨" ZWJ "👩" ZWJ "👧";

	(void)state;
	/* Flags are pairs of regional indicators. */
	assert_wrapped("🇯🇵🇺🇸🇰🇷", 2, "🇯🇵|🇺🇸|🇰🇷");
	assert_wrapped("🇯🇵🇺🇸🇰🇷", 5, "🇯🇵🇺🇸|🇰🇷");
	/* A ZWJ sequence is one cluster, however wide its parts. */
	assert_wrapped(family, 2, family);
	assert_wrapped("a b" ZWJ "c", 1, "a|b" ZWJ "|c");
	assert_wrapped("ok 👍🏽 done", 4, "ok|👍🏽|done");
	/* UAX #14 allows a break before an emoji modifier after any base
	 * but an emoji (LB30b); the cluster does not. */
	assert_wrapped("ab x🏽", 4, "ab|x🏽");
	assert_wrapped("日本🏽", 4, "日|本🏽");
	/* A space takes a mark too, and such a cluster may start a line. */
	assert_wrapped("日 🏽", 1, "日| 🏽");
	/* Combining marks stay on their letter. */
	assert_wrapped("e\u0301e\u0301e\u0301", 2, "e\u0301e\u0301|e\u0301");
	assert_wrapped("e\u0301e\u0301e\u0301", 1, "e\u0301|e\u0301|e\u0301");
	/* Hangul jamo: one syllable of three code points, 2 columns. */
	assert_wrapped("\u1100\u1161\u11A8\u1100\u1161\u11A8", 2,
	    "\u1100\u1161\u11A8|\u1100\u1161\u11A8");
}

static void
test_mixed(void **state)
{
	(void)state;
	assert_wrapped("日本語とEnglishの混在テキスト", 10,
	    "日本語と|Englishの|混在テキス|ト");
	assert_wrapped("Huawei Technologies Co (華為) said", 24,
	    "Huawei Technologies Co|(華為) said");
	assert_wrapped("Huawei Technologies Co (華為) said", 29,
	    "Huawei Technologies Co (華為)|said");
	/* UAX #14 would allow "(華" at the end of a line and "為)" at the
	 * start of the next; the short group stays whole. */
	assert_wrapped("Huawei Technologies Co (華為) said", 28,
	    "Huawei Technologies Co|(華為) said");
	assert_wrapped("Huawei Technologies Co (華為) said", 26,
	    "Huawei Technologies Co|(華為) said");
	/* A long group is text like any other. */
	assert_wrapped("中国电信（中国电信集团有限公司）", 12,
	    "中国电信（中|国电信集团有|限公司）");
	assert_wrapped("中国电信（华为）", 12, "中国电信|（华为）");
	/* Wider than the line: broken, still never after "(" or
	 * before ")". */
	assert_wrapped("Co (華為)", 4, "Co|(華|為)");
	assert_wrapped("Co (華為)", 3, "Co|(華|為)");
	assert_wrapped("Co (華為)", 2, "Co|(|華|為|)");
	assert_wrapped("政府は、Huawei (華為) を", 12,
	    "政府は、|Huawei|(華為) を");
	assert_wrapped("政府は、Huawei (華為) を", 13,
	    "政府は、|Huawei (華為)|を");
}

/* A deterministic xorshift generator for the property test. */
static uint32_t rng_state;

static uint32_t
rnd(uint32_t n)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 17;
	rng_state ^= rng_state << 5;
	return rng_state % n;
}

static void
add_cp(struct buf *b, uint32_t cp)
{
	char	u[4];

	buf_add(b, u, text_encode(cp, u));
}

static void
add_piece(struct buf *b)
{
	static const char *const punct[] = {
		"。", "，", "、", "「", "」", "『", "』", "（", "）", "【",
		"】", "《", "》", "！", "？", "：", "；", "…", "ー", "(", ")",
		",", ".", "!", "?", "\"", "-", "—", "'", "%", "$"
	};
	static const char *const emoji[] = {
		"😀", "🇯🇵", "🇺🇸", "👍🏽", "👨" ZWJ "👩" ZWJ "👧", "❤️",
		"🏳️" ZWJ "🌈", "🏽"
	};
	static const char small_kana[] = "ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ";
	uint32_t	n, k;

	switch (rnd(12)) {
	case 0:
	case 1:
	case 2:		/* a Latin word, sometimes long, sometimes hyphenable */
		n = rnd(10) == 0 ? 10 + rnd(30) : 1 + rnd(9);
		for (k = 0; k < n; k++) {
			add_cp(b, 'a' + rnd(26));
			if (rnd(12) == 0)
				add_cp(b, 0x300 + rnd(0x70));
			if (n > 4 && rnd(8) == 0)
				buf_adds(b, SHY);
		}
		break;
	case 3:
	case 4:		/* CJK ideographs */
		for (n = 1 + rnd(8), k = 0; k < n; k++)
			add_cp(b, 0x4E00 + rnd(0x5000));
		break;
	case 5:		/* kana, small kana among them */
		for (n = 1 + rnd(6), k = 0; k < n; k++) {
			if (rnd(4) == 0)
				buf_add(b, small_kana + 3 * rnd(
				    (sizeof small_kana - 1) / 3), 3);
			else
				add_cp(b, (rnd(2) ? 0x3042 : 0x30A2) +
				    rnd(80));
		}
		break;
	case 6:		/* Hangul */
		for (n = 1 + rnd(5), k = 0; k < n; k++)
			add_cp(b, 0xAC00 + rnd(11172));
		break;
	case 7:
	case 8:
		buf_adds(b, punct[rnd(NELEM(punct))]);
		break;
	case 9:
	case 10:
		for (n = 1 + rnd(3), k = 0; k < n; k++)
			buf_addc(b, ' ');
		if (rnd(10) == 0)	/* a mark on a space */
			add_cp(b, 0x300 + rnd(0x70));
		break;
	default:
		if (rnd(8) == 0)
			buf_addc(b, '\n');
		else
			buf_adds(b, emoji[rnd(NELEM(emoji))]);
		break;
	}
}

static void
test_properties(void **state)
{
	struct buf		b = { 0 };
	struct wrap_lines	l = { 0 };
	int			para, width, pieces, i;

	(void)state;
	rng_state = 0x1dea5eed;
	for (para = 0; para < 200; para++) {
		b.len = 0;
		pieces = 1 + (int)rnd(120);
		for (i = 0; i < pieces; i++)
			add_piece(&b);
		for (width = 1; width <= 120; width++) {
			l.n = 0;
			wrap_paragraph(b.data, b.len, width, &l);
			check_lines(b.data, b.len, width, &l);
		}
	}
	wrap_lines_free(&l);
	buf_free(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_latin),
		cmocka_unit_test(test_width_1_and_2),
		cmocka_unit_test(test_hanging_spaces),
		cmocka_unit_test(test_tabs),
		cmocka_unit_test(test_mandatory),
		cmocka_unit_test(test_soft_hyphen),
		cmocka_unit_test(test_kinsoku),
		cmocka_unit_test(test_clusters),
		cmocka_unit_test(test_mixed),
		cmocka_unit_test(test_properties),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
