/* Tests for search: case folding, CJK, spans in the original text. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "inkstone/search.h"

static size_t
find(const char *needle, const char *text, struct search_spans *sp)
{
	struct search	*s = search_new(needle);
	size_t		 n;

	sp->n = 0;
	n = search_find(s, text, strlen(text), sp);
	search_free(s);
	return n;
}

static void
test_latin(void **state)
{
	struct search_spans	 sp = { 0 };
	const char		*t = "Huawei said HUAWEI and huawei.";

	(void)state;
	assert_int_equal(find("huawei", t, &sp), 3);
	assert_int_equal(sp.v[0].start, 0);
	assert_int_equal(sp.v[0].end, 6);
	assert_int_equal(sp.v[1].start, 12);
	assert_int_equal(sp.v[2].start, 23);
	assert_int_equal(find("HuAwEi SAID", t, &sp), 1);
	assert_int_equal(find("xyz", t, &sp), 0);
	/* Full folding: ß is ss, and spans cover the original bytes. */
	t = "Die Straße ist lang";
	assert_int_equal(find("STRASSE", t, &sp), 1);
	assert_int_equal(sp.v[0].start, 4);
	assert_int_equal(sp.v[0].end, 4 + strlen("Straße"));
	assert_int_equal(find("ΣΟΦΊΑ", "η σοφία", &sp), 1);
	assert_int_equal(sp.v[0].start, strlen("η "));
	search_spans_free(&sp);
}

static void
test_cjk_and_edges(void **state)
{
	struct search_spans	 sp = { 0 };
	const char		*t = "華為（Huawei）與華為技術";

	(void)state;
	assert_int_equal(find("華為", t, &sp), 2);
	assert_int_equal(sp.v[0].start, 0);
	assert_int_equal(sp.v[0].end, strlen("華為"));
	assert_int_equal(sp.v[1].start, strlen("華為（Huawei）與"));
	assert_int_equal(find("华为", t, &sp), 0);	/* exact for CJK */
	assert_int_equal(find("（huawei）", t, &sp), 1);
	/* Full-width Latin has case too. */
	assert_int_equal(find("ＡＢ", "ａｂ", &sp), 1);
	/* Non-overlapping, left to right. */
	assert_int_equal(find("aa", "aaaa", &sp), 2);
	assert_int_equal(sp.v[1].start, 2);
	assert_null(search_new(""));
	assert_int_equal(search_find(NULL, "x", 1, &sp), 0);
	assert_false(search_contains(NULL, "x", 1));
	search_spans_free(&sp);
}

static void
test_contains(void **state)
{
	struct search *s = search_new("Semiconductor");

	(void)state;
	assert_true(search_contains(s, "the SEMICONDUCTOR fab", 21));
	assert_false(search_contains(s, "semi conductor", 14));
	assert_false(search_contains(s, "", 0));
	search_free(s);
}

/* search_contains answers ASCII needles without folding the text; it
 * must agree with search_find, which always folds, on text mixing case,
 * CJK and the characters that fold to ASCII (KELVIN SIGN, LONG S, the
 * ligature fi, SHARP S). */
static void
test_contains_agrees(void **state)
{
	static const char *const parts[] = { "a", "B", "k", "K", "s", "S",
	    "\xe2\x84\xaa", "\xc5\xbf", "\xef\xac\x81", "\xc3\x9f", "ss",
	    "fi", "FI", "\xe8\x8f\xaf", " ", "-", "i", "\xc4\xb0" };
	static const char *const needles[] = { "k", "ks", "sk", "fis", "Kaski",
	    "ss", "a b", "i-k", "KS", "sss", "aaaa" };
	char		 text[64];
	size_t		 t, n, k, len, agree = 0;
	unsigned int	 seed = 7;
	struct search	*s;
	struct search_spans sp = { 0 };

	(void)state;
	for (n = 0; n < sizeof needles / sizeof *needles; n++) {
		s = search_new(needles[n]);
		for (t = 0; t < 3000; t++) {
			len = 0;
			text[0] = '\0';
			for (k = rand_r(&seed) % 8; k > 0; k--) {
				const char *p = parts[rand_r(&seed) %
				    (sizeof parts / sizeof *parts)];
				memcpy(text + len, p, strlen(p) + 1);
				len += strlen(p);
			}
			assert_int_equal(search_contains(s, text, len),
			    search_find(s, text, len, &sp) > 0);
			search_spans_free(&sp);
			agree++;
		}
		search_free(s);
	}
	assert_int_equal(agree, 3000 * (sizeof needles / sizeof *needles));
}

/* The fast paths read no byte past len: a lead byte last, after a run of
 * ASCII that is skipped eight at a time (ASan sees the buffer's end). */
static void
test_bounds(void **state)
{
	static const char	 text[] = "abcdefgh\xc3";
	struct search		*s = search_new("zz");
	char			*buf;
	size_t			 len;

	(void)state;
	for (len = 1; len < sizeof text; len++) {
		buf = malloc(len);
		assert_non_null(buf);
		memcpy(buf, text + sizeof text - 1 - len, len);
		assert_false(search_contains(s, buf, len));
		free(buf);
	}
	search_free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_latin),
		cmocka_unit_test(test_cjk_and_edges),
		cmocka_unit_test(test_contains),
		cmocka_unit_test(test_contains_agrees),
		cmocka_unit_test(test_bounds),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
