/* Hostile sizes at the model level: an article of combining marks alone,
 * a note too short for the chrome rules, a 1 MB line wrapped at widths
 * 1, 2 and 80, a CJK alias repeated in 20000 paragraphs, and a fan of
 * symbolic links that would reach one folder 2^20 times.  The same inputs
 * go through the real binary in tests/e2e/test_sizes.sh. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "inkstone/article.h"
#include "inkstone/entity.h"
#include "inkstone/library.h"
#include "inkstone/util.h"
#include "inkstone/wrap.h"

/* Every byte of s is on exactly one line, in order, and no line is wider
 * than width but for one wide character alone. */
static void
assert_wrapped(const char *s, size_t len, int width)
{
	struct wrap_lines	 w = { 0 };
	size_t			 i, at = 0;

	wrap_paragraph(s, len, width, &w);
	assert_true(w.n > 0);
	for (i = 0; i < w.n; i++) {
		assert_int_equal(w.v[i].start, at);
		assert_true(w.v[i].end >= w.v[i].start);
		assert_true(w.v[i].next >= w.v[i].end);
		/* The one exception wrap.h allows: a single cluster wider
		 * than the line (a CJK character at width 1). */
		if (w.v[i].width > width)
			assert_true(w.v[i].end - w.v[i].start <= 4 &&
			    w.v[i].width == 2);
		at = w.v[i].next;
	}
	assert_int_equal(at, len);
	wrap_lines_free(&w);
}

static char *
repeat(const char *unit, size_t n, size_t *len)
{
	size_t	 u = strlen(unit), i;
	char	*s = xmalloc(u * n + 1);

	for (i = 0; i < n; i++)
		memcpy(s + i * u, unit, u);
	s[u * n] = '\0';
	*len = u * n;
	return s;
}

static void
test_marks_only(void **state)
{
	struct article	*a;
	size_t		 len, i, kept = 0;
	char		*s;

	(void)state;
	/* Acute, circumflex, tilde, enclosing circle, kana voicing mark. */
	s = repeat("\xcc\x81\xcc\x82\xcc\x83\xe2\x83\x9d\xe3\x82\x99", 4000,
	    &len);
	a = article_parse("marks.txt", s, len);
	assert_non_null(a);
	assert_true(a->npara > 0);
	for (i = 0; i < a->npara; i++) {
		kept += a->paras[i].len;
		assert_wrapped(a->paras[i].text, a->paras[i].len, 1);
		assert_wrapped(a->paras[i].text, a->paras[i].len, 2);
	}
	assert_int_equal(kept, len);
	article_free(a);
	free(s);
}

static void
test_short_note(void **state)
{
	const char	*note = "Hello world\n";
	struct article	*a;

	(void)state;
	a = article_parse("note.txt", note, strlen(note));
	assert_non_null(a);
	assert_int_equal(a->npara, 1);
	assert_string_equal(a->paras[0].text, "Hello world");
	article_free(a);
}

static void
test_long_line(void **state)
{
	size_t	 len, half;
	char	*s, *words;

	(void)state;
	/* Half words, half CJK without a space: 1 MB in one paragraph. */
	words = repeat("word \xe5\xad\x97 ", 60000, &half);
	s = xmalloc(2 * half + 1);
	memcpy(s, words, half);
	free(words);
	words = repeat("\xe9\x95\xb7", half / 3, &len);
	memcpy(s + half, words, len);
	len += half;
	s[len] = '\0';
	free(words);
	assert_true(len > 1000000);
	assert_wrapped(s, len, 80);
	assert_wrapped(s, 65536, 2);
	assert_wrapped(s, 65536, 1);
	free(s);
}

static void
test_alias_scale(void **state)
{
	const char		*para = "Huawei Technologies Co (\xe8\x8f\xaf"
				    "\xe7\x82\xba) said revenue rose.";
	const char		**paras;
	size_t			*lens, n = 20000, i, once;
	struct entity_db	*db;
	struct entity_set	*set;
	const struct entity	*e;
	char			*cause = NULL;

	(void)state;
	db = entity_db_load(NULL, NULL, &cause);
	assert_non_null(db);
	paras = xcalloc(n, sizeof *paras);
	lens = xcalloc(n, sizeof *lens);
	for (i = 0; i < n; i++) {
		paras[i] = para;
		lens[i] = strlen(para);
	}
	set = entity_extract(db, paras, lens, 1);
	e = entity_set_find(set, "\xe8\x8f\xaf\xe7\x82\xba");
	assert_non_null(e);
	once = e->nspans;
	assert_true(once > 0);
	entity_set_free(set);
	set = entity_extract(db, paras, lens, n);
	e = entity_set_find(set, "\xe8\x8f\xaf\xe7\x82\xba");
	assert_non_null(e);
	assert_int_equal(e->nspans, once * n);
	entity_set_free(set);
	free(paras);
	free(lens);
	entity_db_free(db);
}

static void
test_fan_of_links(void **state)
{
	char		 root[] = "/tmp/inkstone-test-sizes-XXXXXX";
	char		*dir, *link, *target, *cause = NULL, *cmd;
	struct library	*lib;
	FILE		*f;
	int		 i, depth = 20;

	(void)state;
	assert_non_null(mkdtemp(root));
	for (i = 0; i <= depth; i++) {
		dir = xasprintf("%s/d%d", root, i);
		assert_int_equal(util_mkdirs(dir, 0700), 0);
		if (i < depth) {
			target = xasprintf("../d%d", i + 1);
			link = xasprintf("%s/a", dir);
			assert_int_equal(symlink(target, link), 0);
			free(link);
			link = xasprintf("%s/b", dir);
			assert_int_equal(symlink(target, link), 0);
			free(link);
			free(target);
		} else {
			link = xasprintf("%s/leaf.txt", dir);
			f = fopen(link, "w");
			assert_non_null(f);
			fputs("A leaf at the end\n\nOne article, read once.\n",
			    f);
			fclose(f);
			free(link);
		}
		free(dir);
	}
	/* And a loop back to the root. */
	link = xasprintf("%s/d0/up", root);
	assert_int_equal(symlink("..", link), 0);
	free(link);
	lib = library_open(root, &cause);
	assert_non_null(lib);
	assert_int_equal(lib->n, 1);
	library_free(lib);
	cmd = xasprintf("rm -rf '%s'", root);
	assert_int_equal(system(cmd), 0);
	free(cmd);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_marks_only),
		cmocka_unit_test(test_short_note),
		cmocka_unit_test(test_long_line),
		cmocka_unit_test(test_alias_scale),
		cmocka_unit_test(test_fan_of_links),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
