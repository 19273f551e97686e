/* Tests for anchor: a highlight found again after the article changes. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "inkstone/anchor.h"
#include "inkstone/util.h"

#define NPARA(a)	(sizeof (a) / sizeof (a)[0])

static struct article_para *
paras(const char *const *text, size_t n)
{
	struct article_para	*p = xcalloc(n, sizeof *p);
	size_t			 i;

	for (i = 0; i < n; i++) {
		p[i].text = xstrdup(text[i]);
		p[i].len = strlen(text[i]);
	}
	return p;
}

static void
free_paras(struct article_para *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(p[i].text);
	free(p);
}

static const char *const original[] = {
	"Chip makers in Taiwan said on Monday that export rules would "
	    "change little.",
	"The ministry said the rules apply to advanced chips. Officials "
	    "said the rules apply to advanced chips sold abroad, and that "
	    "Huawei Technologies Co (華為) was named.",
	"A third paragraph closes the article.",
};

/* Anchors "the rules apply to advanced chips" at its second occurrence in
 * paragraph 1, then looks for it in text. */
static int
find(const char *const *text, size_t n, struct anchor_match *m)
{
	struct article_para	*o = paras(original, NPARA(original));
	struct article_para	*p = paras(text, n);
	const char		*q = "the rules apply to advanced chips";
	char			*quote, *before, *after;
	size_t			 start;
	int			 r;

	start = (size_t)(strstr(strstr(o[1].text, q) + 1, q) - o[1].text);
	assert_int_equal(anchor_make(&o[1], start, start + strlen(q), 32,
	    &quote, &before, &after), 0);
	assert_string_equal(quote, q);
	assert_int_equal(strlen(before), 32);
	r = anchor_find(p, n, quote, before, after, 1, start, m);
	if (r == 0) {
		assert_true(m->para < n);
		assert_true(m->end <= p[m->para].len);
	}
	free(quote);
	free(before);
	free(after);
	free_paras(o, NPARA(original));
	free_paras(p, n);
	return r;
}

static void
test_exact(void **state)
{
	struct anchor_match m;

	(void)state;
	assert_int_equal(find(original, NPARA(original), &m), 0);
	assert_int_equal(m.how, ANCHOR_EXACT);
	assert_int_equal(m.para, 1);
	assert_true(m.start > 60);
}

static void
test_moved(void **state)
{
	const char *const text[] = {
		"A new first paragraph.",
		original[0], original[1], original[2],
	};
	struct anchor_match m;

	(void)state;
	/* The hint's paragraph is wrong now: the context picks the second
	 * occurrence, not the first. */
	assert_int_equal(find(text, NPARA(text), &m), 0);
	assert_int_equal(m.how, ANCHOR_CONTEXT);
	assert_int_equal(m.para, 2);
	assert_true(m.start > 60);
}

static void
test_context_word_edited(void **state)
{
	const char *const text[] = {
		original[0],
		"The ministry said the rules apply to advanced chips. Officers "
		    "said the rules apply to advanced chips sold abroad, and "
		    "that Huawei Technologies Co (華為) was named.",
		original[2],
	};
	struct anchor_match m;

	(void)state;
	/* A word near the quote changed and shifted the offset. */
	assert_int_equal(find(text, NPARA(text), &m), 0);
	assert_int_equal(m.how, ANCHOR_CONTEXT);
	assert_int_equal(m.para, 1);
	assert_true(m.start > 60);
}

static void
test_rewrapped(void **state)
{
	const char *const text[] = {
		original[0],
		"The ministry said the rules apply to advanced chips. Officials "
		    "said the rules  apply to\tadvanced\nchips sold abroad, "
		    "and that Huawei Technologies Co (華為) was named.",
		original[2],
	};
	struct anchor_match m;

	(void)state;
	/* Hard line breaks and double spaces where the source was re-wrapped:
	 * the first occurrence is intact byte for byte, but the re-spaced
	 * second one has the highlight's context, so it wins. */
	assert_int_equal(find(text, NPARA(text), &m), 0);
	assert_int_equal(m.how, ANCHOR_SPACES);
	assert_int_equal(m.para, 1);
	assert_true(m.start > 60);
}

static void
test_rewrapped_only(void **state)
{
	const char *const text[] = {
		original[0],
		"Officials said the rules\napply  to advanced chips sold "
		    "abroad.",
	};
	struct anchor_match m;

	(void)state;
	assert_int_equal(find(text, NPARA(text), &m), 0);
	assert_int_equal(m.how, ANCHOR_SPACES);
	assert_int_equal(m.para, 1);
	assert_int_equal(m.start, 15);
	assert_int_equal(m.end, 15 + strlen("the rules\napply  to advanced "
	    "chips"));
}

static void
test_quote_word_edited(void **state)
{
	const char *const text[] = {
		original[0],
		"Officials said the rule applies to advanced chips sold abroad.",
	};
	struct anchor_match m;

	(void)state;
	assert_int_equal(find(text, NPARA(text), &m), 0);
	assert_int_equal(m.how, ANCHOR_FUZZY);
	assert_int_equal(m.para, 1);
	assert_true(strncmp(text[1] + m.start, "the rule", 8) == 0 ||
	    strncmp(text[1] + m.start, "he rule", 7) == 0);
	assert_int_equal(m.end, strlen("Officials said the rule applies to "
	    "advanced chips"));
}

static void
test_orphaned(void **state)
{
	const char *const text[] = {
		"Nothing left of the passage here at all.",
	};
	struct anchor_match m;

	(void)state;
	assert_int_equal(find(text, NPARA(text), &m), -1);
	assert_int_equal(m.how, ANCHOR_ORPHANED);
	assert_int_equal(find(text, 0, &m), -1);
}

static void
test_make_cjk(void **state)
{
	const char *const text[] = {
		"華為技術有限公司は深圳に本社を置く通信機器メーカーである。",
	};
	struct article_para	*p = paras(text, 1);
	struct anchor_match	 m;
	char			*q, *b, *a;
	size_t			 start = strlen("華為技術有限公司は"), end;

	(void)state;
	end = start + strlen("深圳");
	/* Context cut at character boundaries: 8 bytes is 2 characters. */
	assert_int_equal(anchor_make(p, start, end, 8, &q, &b, &a), 0);
	assert_string_equal(q, "深圳");
	assert_string_equal(b, "司は");
	assert_string_equal(a, "に本");
	assert_int_equal(anchor_find(p, 1, q, b, a, 5, 0, &m), 0);
	assert_int_equal(m.how, ANCHOR_CONTEXT);
	assert_int_equal(m.start, start);
	free(q);
	free(b);
	free(a);
	assert_int_equal(anchor_make(p, 3, 3, 8, &q, &b, &a), -1);
	assert_int_equal(anchor_make(p, 0, p->len + 1, 8, &q, &b, &a), -1);
	free_paras(p, 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_exact),
		cmocka_unit_test(test_moved),
		cmocka_unit_test(test_context_word_edited),
		cmocka_unit_test(test_rewrapped),
		cmocka_unit_test(test_rewrapped_only),
		cmocka_unit_test(test_quote_word_edited),
		cmocka_unit_test(test_orphaned),
		cmocka_unit_test(test_make_cjk),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
