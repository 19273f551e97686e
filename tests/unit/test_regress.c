/* Regression tests for bugs the fuzz targets (tests/fuzz) found.  Each
 * test feeds the reproducer, also kept in the target's corpus under the
 * name given, to the function that broke, and checks what the target
 * checked. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "inkstone/entity.h"
#include "inkstone/store.h"
#include "inkstone/text.h"
#include "inkstone/util.h"
#include "inkstone/wrap.h"

/*
 * The sanitizers' allocator copies a block on every realloc, which makes
 * the entity module's grow-by-one arrays quadratic there: under them the
 * tests of linear time take inputs a tenth as large.  The normal build
 * (make unit) keeps the sizes that used to take minutes.
 */
#if defined(__SANITIZE_ADDRESS__)
#define SIZE_DIV	10
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SIZE_DIV	10
#endif
#endif
#ifndef SIZE_DIV
#define SIZE_DIV	1
#endif

/* Wraps s at width, checks that the lines tile it and fit the width, and
 * returns the line count.  (No reproducer here holds a cluster wider than
 * its width.) */
static size_t
wrap_fits(const char *s, size_t len, int width)
{
	struct wrap_lines	 lines = { NULL, 0, 0 };
	size_t			 i, n;

	wrap_paragraph(s, len, width, &lines);
	assert_true(lines.n > 0);
	assert_int_equal(lines.v[0].start, 0);
	assert_int_equal(lines.v[lines.n - 1].next, len);
	for (i = 0; i < lines.n; i++) {
		if (i > 0)
			assert_int_equal(lines.v[i].start, lines.v[i - 1].next);
		assert_true(lines.v[i].width <= width);
		assert_int_equal(lines.v[i].width, (int)text_width(s +
		    lines.v[i].start, lines.v[i].end - lines.v[i].start) +
		    lines.v[i].hyphen);
	}
	n = lines.n;
	wrap_lines_free(&lines);
	return n;
}

/* corpus/wrap/regress-zwsp-after-spaces: a zero-width space after the
 * space that ends a full line made the space drawn, and the line one
 * column too wide ("abcd " at width 4). */
static void
test_wrap_zwsp_after_spaces(void **state)
{
	const char	*s = "abcd \u200Bef";

	(void)state;
	assert_int_equal(wrap_fits(s, strlen(s), 4), 2);
	s = "cafe\u0301   \u200B\u200Bnext";
	wrap_fits(s, strlen(s), 4);
}

/* Opens a store on a fresh data folder holding file (tags.yaml or
 * highlights.yaml) with text, and returns why that file is read-only
 * (allocated), or NULL. */
static char *
store_problem_of(enum store_file f, const char *file, const char *text)
{
	char		 dir[] = "/tmp/inkstone-regress-XXXXXX", *path, *cmd;
	char		*cause = NULL, *problem;
	const char	*p;
	struct store	*s;

	assert_non_null(mkdtemp(dir));
	path = util_path_join(dir, file);
	if (util_write_atomic(path, text, strlen(text), &cause) == -1)
		fail_msg("%s", cause);
	if ((s = store_open(dir, dir, &cause)) == NULL)
		fail_msg("%s", cause);
	p = store_problem(s, f);
	problem = p != NULL ? xstrdup(p) : NULL;
	assert_int_equal(store_close(s, &cause), 0);
	cmd = xasprintf("rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(path);
	return problem;
}

/* corpus/store/regress-dup-article: an article given twice was reported
 * without a position ("tags.yaml: article ... appears twice"). */
static void
test_store_dup_article_position(void **state)
{
	char	*p;

	(void)state;
	p = store_problem_of(STORE_TAGS, "tags.yaml",
	    "b.txt: {tags: [x]}\na.txt: {read: true}\nb.txt: {tags: [y]}\n");
	assert_non_null(p);
	assert_non_null(strstr(p, "tags.yaml:3:1: article \"b.txt\" appears "
	    "twice"));
	free(p);
}

/* corpus/store/regress-escape-in-message: messages quoted keys as they
 * were, so a key holding ESC [ 31 m could drive the terminal of whoever
 * read the message (a TAB was found first). */
static void
test_store_message_escapes(void **state)
{
	char	*p;
	size_t	 i;

	(void)state;
	p = store_problem_of(STORE_HIGHLIGHTS, "highlights.yaml",
	    "\"\\e[31mred\\tand\\nmore\": [1]\n");
	assert_non_null(p);
	assert_non_null(strstr(p, "highlights.yaml:1:"));
	assert_non_null(strstr(p, "red"));
	for (i = 0; p[i] != '\0'; i++)
		assert_true((unsigned char)p[i] >= 0x20 && p[i] != 0x7F);
	free(p);
}

/* corpus/store/regress-highlight-id-null: a highlight whose id is "null"
 * was written as a plain null, so the next read gave it a new id. */
static void
test_store_highlight_id_null(void **state)
{
	const char		*file = "a.txt: {highlights: [{quote: q, "
				    "id: \"null\"}]}\n";
	char			 dir[] = "/tmp/inkstone-regress-XXXXXX";
	char			*path, *cmd, *cause = NULL;
	struct store		*s;
	struct store_article	 a;
	struct store_state	 st;
	struct store_highlight	 h;
	char			 id[STORE_ID_LEN + 1];

	(void)state;
	assert_non_null(mkdtemp(dir));
	path = util_path_join(dir, "highlights.yaml");
	if (util_write_atomic(path, file, strlen(file), &cause) == -1)
		fail_msg("%s", cause);
	free(path);
	path = util_path_join(dir, "a.txt");
	if (util_write_atomic(path, "q r", 3, &cause) == -1)
		fail_msg("%s", cause);

	/* Adding a second highlight saves the file with the first in it. */
	if ((s = store_open(dir, dir, &cause)) == NULL)
		fail_msg("%s", cause);
	if (store_article_init(s, path, &a, &cause) == -1)
		fail_msg("%s", cause);
	memset(&h, 0, sizeof h);
	h.quote = (char *)"r";
	if (store_highlight_add(s, &a, &h, id, &cause) == -1)
		fail_msg("%s", cause);
	assert_int_equal(store_close(s, &cause), 0);

	if ((s = store_open(dir, dir, &cause)) == NULL)
		fail_msg("%s", cause);
	assert_null(store_problem(s, STORE_HIGHLIGHTS));
	store_get(s, &a, &st);
	assert_int_equal(st.nhl, 2);
	assert_string_equal(st.hl[0].id, "null");
	assert_string_equal(st.hl[1].id, id);
	assert_int_equal(store_close(s, &cause), 0);

	store_article_free(&a);
	cmd = xasprintf("rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(path);
}

/* corpus/gazetteer/regress-escape-in-key: an unknown key in the user's
 * entities.yaml was quoted in the message as it was, ESC included. */
static void
test_gazetteer_message_escapes(void **state)
{
	const char		*text = "\"\\e[31m\\n\": 1\n";
	char			 dir[] = "/tmp/inkstone-regress-XXXXXX";
	char			*path, *cause = NULL;
	struct entity_db	*db;
	size_t			 i;

	(void)state;
	assert_non_null(mkdtemp(dir));
	path = util_path_join(dir, "entities.yaml");
	if (util_write_atomic(path, text, strlen(text), &cause) == -1)
		fail_msg("%s", cause);
	db = entity_db_load(NULL, path, &cause);
	assert_null(db);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "entities.yaml:1:1: unknown key"));
	for (i = 0; cause[i] != '\0'; i++)
		assert_true((unsigned char)cause[i] >= 0x20 &&
		    cause[i] != 0x7F);
	free(cause);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(rmdir(dir), 0);
	free(path);
}

/* corpus/entity/regress-gazetteer-name-run: a run of gazetteer names in
 * one paragraph ("TSMC TSMC ...") took time quadratic in the run: 280 KB
 * took 6 s, and 1 MB (below) minutes.  Now linear; the alarm turns a
 * relapse into a failure instead of a hang. */
static void
test_entity_name_run(void **state)
{
	struct entity_db	*db;
	struct entity_set	*set;
	const struct entity	*e;
	const char		*para;
	char			*cause = NULL, *s;
	size_t			 n = 200000 / SIZE_DIV, len = 5 * n, i;

	(void)state;
	db = entity_db_load("data/entities.yaml", NULL, &cause);
	if (db == NULL)
		fail_msg("%s", cause);
	s = xmalloc(len);
	for (i = 0; i < n; i++)
		memcpy(s + 5 * i, "TSMC ", 5);
	para = s;
	alarm(60);
	set = entity_extract(db, &para, &len, 1);
	alarm(0);
	e = entity_set_find(set, "TSMC");
	assert_non_null(e);
	assert_int_equal(e->nspans, n);
	entity_set_free(set);
	entity_db_free(db);
	free(s);
}

/* corpus/gazetteer/regress-many-aliases: loading a user gazetteer compared
 * each new name and alias with all before it: 40,000 entities took 3 s,
 * one entity with 130,000 aliases (a 1.3 MB file, read at every start)
 * nearly a minute.  The alarm turns a relapse into a failure. */
static void
test_gazetteer_load_linear(void **state)
{
	char			 dir[] = "/tmp/inkstone-regress-XXXXXX";
	char			*path, *cause = NULL;
	struct entity_db	*db;
	struct buf		 b = { 0 };
	size_t			 i;

	(void)state;
	buf_addf(&b, "entities:\n");
	for (i = 0; i < 40000 / SIZE_DIV; i++)
		buf_addf(&b, "  - {name: N%zu, type: ORG}\n", i);
	buf_addf(&b, "  - {name: Many, type: ORG, aliases: [A");
	for (i = 0; i < 150000 / SIZE_DIV; i++)
		buf_addf(&b, "%s%zu", i > 0 ? ", A" : "",
		    i % (100000 / SIZE_DIV));
	buf_addf(&b, "]}\n");
	assert_non_null(mkdtemp(dir));
	path = util_path_join(dir, "entities.yaml");
	if (util_write_atomic(path, b.data, b.len, &cause) == -1)
		fail_msg("%s", cause);
	buf_free(&b);
	alarm(60);
	db = entity_db_load(NULL, path, &cause);
	alarm(0);
	if (db == NULL)
		fail_msg("%s", cause);
	assert_int_equal(entity_db_count(db), 40000 / SIZE_DIV + 1);
	entity_db_free(db);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(rmdir(dir), 0);
	free(path);
}

/* corpus/entity/regress-repeated-cjk-alias: every "(華為)" in the text
 * was chained as an alias of its own, and the chain was walked at every
 * 華: a 5 MB article of 26,000 such paragraphs took 6 s, 400,000 short
 * ones (below) minutes, and the sanitizers, where the mentions also grew
 * one at a time, were slower still. */
static void
test_entity_repeated_alias(void **state)
{
	static const char	 para[] = "Huawei Technologies Co (\u83ef\u70ba) "
				    "ships Ascend chips.";
	struct entity_db	*db;
	struct entity_set	*set;
	const struct entity	*e;
	const char		**paras;
	char			*cause = NULL;
	size_t			*lens, n = 400000 / SIZE_DIV, i;

	(void)state;
	db = entity_db_load("data/entities.yaml", NULL, &cause);
	if (db == NULL)
		fail_msg("%s", cause);
	paras = xcalloc(n, sizeof *paras);
	lens = xcalloc(n, sizeof *lens);
	for (i = 0; i < n; i++) {
		paras[i] = para;
		lens[i] = sizeof para - 1;
	}
	alarm(60);
	set = entity_extract(db, paras, lens, n);
	alarm(0);
	e = entity_set_find(set, "\u83ef\u70ba");
	assert_non_null(e);
	assert_int_equal(e->nspans, 2 * n);
	entity_set_free(set);
	entity_db_free(db);
	free(paras);
	free(lens);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wrap_zwsp_after_spaces),
		cmocka_unit_test(test_store_dup_article_position),
		cmocka_unit_test(test_store_message_escapes),
		cmocka_unit_test(test_store_highlight_id_null),
		cmocka_unit_test(test_gazetteer_message_escapes),
		cmocka_unit_test(test_entity_name_run),
		cmocka_unit_test(test_entity_repeated_alias),
		cmocka_unit_test(test_gazetteer_load_linear),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
