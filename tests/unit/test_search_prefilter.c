/* search_may_contain never says no to a file whose parsed article holds a
 * match: checked over the sample articles with needles taken from their
 * own parsed text (so they do match), in other cases and across the line
 * joins the parser makes. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "inkstone/article.h"
#include "inkstone/search.h"
#include "inkstone/text.h"
#include "inkstone/util.h"

static int
parsed_holds(const struct article *a, const struct search *s)
{
	size_t i;

	for (i = 0; i < a->npara; i++)
		if (search_contains(s, a->paras[i].text, a->paras[i].len))
			return 1;
	return 0;
}

static void
check(const char *path, const char *raw, size_t len, const struct article *a,
    const char *needle)
{
	struct search *s = search_new(needle);

	if (s == NULL)
		return;
	if (parsed_holds(a, s) && !search_may_contain(s, raw, len))
		fail_msg("%s: '%s' is in the article but the prefilter said no",
		    path, needle);
	search_free(s);
}

static void
upcase(char *s)
{
	for (; *s != '\0'; s++)
		if (*s >= 'a' && *s <= 'z')
			*s = (char)(*s - 32);
}

static void
test_never_misses(void **state)
{
	DIR		*d;
	struct dirent	*de;
	struct article	*a;
	char		*path, *raw, *cause = NULL, *needle;
	size_t		 len, p, off, n, tried = 0;

	(void)state;
	d = opendir("articles");
	assert_non_null(d);
	while ((de = readdir(d)) != NULL) {
		if (strstr(de->d_name, ".txt") == NULL &&
		    strstr(de->d_name, ".md") == NULL)
			continue;
		path = util_path_join("articles", de->d_name);
		raw = util_read_file(path, 0, &len, &cause);
		assert_non_null(raw);
		a = article_read(path, raw, len, &cause);
		assert_non_null(a);
		/* Every 37th byte position of every paragraph starts a
		 * needle of 4, 9 and 20 bytes (cut back to a character
		 * boundary), as it is and in capitals. */
		for (p = 0; p < a->npara; p++)
			for (off = 0; off < a->paras[p].len; off += 37) {
				const char *t = a->paras[p].text;
				if ((t[off] & 0xC0) == 0x80)
					continue;
				for (n = 4; n <= 20; n += n < 9 ? 5 : 11) {
					size_t k = off + n > a->paras[p].len ?
					    a->paras[p].len - off : n;
					while (k > 0 && off + k <
					    a->paras[p].len &&
					    (t[off + k] & 0xC0) == 0x80)
						k--;
					needle = xstrndup(t + off, k);
					check(path, raw, len, a, needle);
					upcase(needle);
					check(path, raw, len, a, needle);
					free(needle);
					tried++;
				}
			}
		article_free(a);
		free(raw);
		free(path);
	}
	closedir(d);
	assert_true(tried > 1000);
}

static void
test_says_no(void **state)
{
	const char	 raw[] = "Huawei Technologies Co (華為) said on Monday.";
	struct search	*s;

	(void)state;
	s = search_new("SEMICONDUCTOR");
	assert_false(search_may_contain(s, raw, sizeof raw - 1));
	search_free(s);
	s = search_new("台積電");
	assert_false(search_may_contain(s, raw, sizeof raw - 1));
	search_free(s);
	s = search_new("華為");
	assert_true(search_may_contain(s, raw, sizeof raw - 1));
	search_free(s);
	/* A ligature folds to ASCII: never ruled out by the ASCII test. */
	s = search_new("finance");
	assert_true(search_may_contain(s, "\xef\xac\x81nance", 7));
	search_free(s);
	/* Every word of three or more must be there: "item 777" is ruled
	 * out by its rarer word. */
	s = search_new("Item 777");
	assert_false(search_may_contain(s, "item 776 and item 778", 21));
	assert_true(search_may_contain(s, "ITEM\n777", 8));
	search_free(s);
	/* Sharp s folds to "ss": "STRASSE" may be in "Straße". */
	s = search_new("STRASSE");
	assert_true(search_may_contain(s, "Stra\xc3\x9f" "e", 7));
	search_free(s);
	/* CJK text is passed over a character at a time, but a lead byte
	 * without its continuation bytes does not hide a long s after it,
	 * nor does a Kelvin sign after CJK go unseen. */
	s = search_new("sake");
	assert_true(search_may_contain(s, "\xe3\xc5\xbf" "ake", 6));
	assert_true(search_may_contain(s, "\xe8\x8f\xaf\xe3\x81\xaf\xc5\xbf"
	    "ake", 11));
	assert_false(search_may_contain(s, "\xe8\x8f\xaf\xe3\x81\xaf" "fake",
	    10));
	search_free(s);
	s = search_new("kin");
	assert_true(search_may_contain(s, "\xe8\x8f\xaf\xe2\x84\xaa" "in", 8));
	search_free(s);
	/* A Markdown line join: "Tech\nReview" parses to "Tech Review". */
	s = search_new("tech review");
	assert_true(search_may_contain(s, "Harbour Tech\nReview", 19));
	search_free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_never_misses),
		cmocka_unit_test(test_says_no),
	};

	return cmocka_run_group_tests_name("search_prefilter", tests, NULL,
	    NULL);
}
