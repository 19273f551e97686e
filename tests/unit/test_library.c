/* Tests for library: scanning, hidden files, symlink loops, unreadable
 * and binary files, sorting and the text filter. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "inkstone/library.h"
#include "inkstone/util.h"

static char root[] = "/tmp/inkstone-test-library-XXXXXX";

static void
put(const char *rel, const char *data, size_t len)
{
	char	*path = util_path_join(root, rel), *slash;
	FILE	*f;

	slash = strrchr(path, '/');
	*slash = '\0';
	assert_int_equal(util_mkdirs(path, 0700), 0);
	*slash = '/';
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	fclose(f);
	free(path);
}

static void
article(const char *rel, const char *title, const char *source,
    const char *date, const char *body)
{
	char *s = xasprintf("---\ntitle: %s\nsource: %s\ndate: %s\n---\n%s\n",
	    title, source, date, body);

	put(rel, s, strlen(s));
	free(s);
}

static int
setup(void **state)
{
	static const char	 binary[] = "\x7f" "ELF\0\0\0\1\2\3\0\0\0\0";
	char			*p;

	(void)state;
	if (mkdtemp(root) == NULL)
		return -1;
	article("b.txt", "Beta chips", "Asia Compute Weekly", "2026-03-01",
	    "Huawei ships the Ascend processors.");
	article("sub/a.md", "Alpha fabs", "Harbour Tech Review", "2026-05-01",
	    "TSMC expands in Arizona.");
	article("sub/deeper/c.txt", "Gamma rules", "Zeta Ledger", "2025-12-24",
	    "台積電在亞利桑那州擴產。");
	put("undated.txt", "Just one line of text without a date.\n", 38);
	put(".hidden.txt", "hidden\n", 7);
	put(".git/d.txt", "hidden folder\n", 14);
	put("notes.pdf", "%PDF-1.4\n", 9);
	put("sub/binary.txt", binary, sizeof binary - 1);
	/* A link back up the tree: scanning must not loop, and a link to
	 * the root is the root again. */
	p = util_path_join(root, "sub/loop");
	assert_int_equal(symlink("..", p), 0);
	free(p);
	return 0;
}

static int
teardown(void **state)
{
	char *cmd;

	(void)state;
	cmd = xasprintf("rm -rf '%s'", root);
	if (system(cmd) != 0)
		return -1;
	free(cmd);
	return 0;
}

static const struct library_entry *
by_rel(const struct library *lib, const char *rel)
{
	size_t i;

	for (i = 0; i < lib->n; i++)
		if (strcmp(lib->v[i].rel, rel) == 0)
			return &lib->v[i];
	return NULL;
}

static void
test_scan(void **state)
{
	struct library			*lib;
	const struct library_entry	*e;
	char				*cause = NULL;

	(void)state;
	lib = library_open(root, &cause);
	assert_non_null(lib);
	/* b, sub/a, sub/deeper/c, undated, sub/binary; nothing hidden,
	 * nothing through the loop, no .pdf. */
	assert_int_equal(lib->n, 5);
	assert_non_null(by_rel(lib, "sub/deeper/c.txt"));
	assert_null(by_rel(lib, ".hidden.txt"));
	assert_null(by_rel(lib, ".git/d.txt"));
	assert_null(by_rel(lib, "sub/loop/b.txt"));
	e = by_rel(lib, "sub/binary.txt");
	assert_non_null(e);
	assert_true(e->failed);
	assert_null(e->article);
	assert_non_null(e->error);
	assert_string_equal(library_title(e), "binary.txt");
	e = by_rel(lib, "sub/a.md");
	assert_false(e->failed);
	assert_string_equal(library_title(e), "Alpha fabs");
	/* Newest first, undated and unreadable last. */
	assert_string_equal(lib->v[0].rel, "sub/a.md");
	assert_string_equal(lib->v[1].rel, "b.txt");
	assert_string_equal(lib->v[2].rel, "sub/deeper/c.txt");
	library_free(lib);

	assert_null(library_open("/nonexistent/inkstone", &cause));
	assert_non_null(cause);
	assert_non_null(strstr(cause, "/nonexistent/inkstone"));
	free(cause);
}

static void
test_single_file(void **state)
{
	struct library	*lib;
	char		*cause = NULL, *path;

	(void)state;
	path = util_path_join(root, "sub/a.md");
	lib = library_open(path, &cause);
	assert_non_null(lib);
	assert_true(lib->single);
	assert_int_equal(lib->n, 1);
	assert_string_equal(lib->v[0].rel, "a.md");
	assert_non_null(strstr(lib->root, "/sub"));
	library_free(lib);
	free(path);
}

static void
test_sort_and_filter(void **state)
{
	struct library	*lib;
	char		*cause = NULL;
	size_t		 idx[8], n, i;
	const char	*src;

	(void)state;
	lib = library_open(root, &cause);
	assert_non_null(lib);
	library_sort(lib, LIBRARY_SORT_TITLE, 0);
	assert_string_equal(library_title(&lib->v[0]), "Alpha fabs");
	assert_string_equal(library_title(&lib->v[1]), "Beta chips");
	library_sort(lib, LIBRARY_SORT_SOURCE, 0);
	assert_string_equal(lib->v[0].article->source, "Asia Compute Weekly");
	for (i = 1; i < lib->n; i++) {
		src = lib->v[i].article != NULL ?
		    lib->v[i].article->source : NULL;
		if (src == NULL)	/* no source: after every source */
			break;
		assert_true(strcmp(lib->v[i - 1].article->source, src) <= 0);
	}
	for (; i < lib->n; i++)
		assert_true(lib->v[i].article == NULL ||
		    lib->v[i].article->source == NULL);
	assert_string_equal(library_sort_name(LIBRARY_SORT_SOURCE), "source");

	/* Reversed: Z to A, and by date oldest first, the undated still
	 * last; by path, byte order. */
	library_sort(lib, LIBRARY_SORT_TITLE, 1);
	assert_string_equal(library_title(&lib->v[lib->n - 1]), "Alpha fabs");
	library_sort(lib, LIBRARY_SORT_DATE, 1);
	for (i = 1; i < lib->n && lib->v[i].date_iso[0] != '\0'; i++)
		assert_true(strcmp(lib->v[i - 1].date_iso,
		    lib->v[i].date_iso) <= 0);
	for (; i < lib->n; i++)
		assert_string_equal(lib->v[i].date_iso, "");
	library_sort(lib, LIBRARY_SORT_PATH, 0);
	for (i = 1; i < lib->n; i++)
		assert_true(strcmp(lib->v[i - 1].rel, lib->v[i].rel) < 0);
	assert_string_equal(library_sort_name(LIBRARY_SORT_PATH), "path");

	library_sort(lib, LIBRARY_SORT_DATE, 0);
	for (i = 1; i < lib->n && lib->v[i].date_iso[0] != '\0'; i++)
		assert_true(strcmp(lib->v[i - 1].date_iso,
		    lib->v[i].date_iso) >= 0);
	/* Bodies, case-insensitively; titles too; CJK exactly. */
	n = library_filter_text(lib, "huawei", idx);
	assert_int_equal(n, 1);
	assert_string_equal(lib->v[idx[0]].rel, "b.txt");
	n = library_filter_text(lib, "ALPHA", idx);
	assert_int_equal(n, 1);
	assert_string_equal(lib->v[idx[0]].rel, "sub/a.md");
	n = library_filter_text(lib, "台積電", idx);
	assert_int_equal(n, 1);
	assert_string_equal(lib->v[idx[0]].rel, "sub/deeper/c.txt");
	assert_int_equal(library_filter_text(lib, "nowhere at all", idx), 0);
	assert_int_equal(library_filter_text(lib, "", idx), lib->n);
	/* The ids survive sorting: each entry keeps its own. */
	for (i = 0; i < lib->n; i++)
		assert_true(lib->v[i].id < lib->n);
	library_free(lib);
}

/* A tree deeper than the descriptors a process may hold: the scan keeps
 * none open while it goes down, so the article at the bottom is found. */
static void
test_deep_tree(void **state)
{
	struct rlimit	 old, low;
	struct library	*lib;
	struct buf	 rel = { 0 };
	char		*cause = NULL, *top;
	int		 i;

	(void)state;
	for (i = 0; i < 80; i++)
		buf_adds(&rel, "d/");
	buf_adds(&rel, "bottom.md");
	buf_add(&rel, "", 0);
	article(rel.data, "At the bottom", "Deep Press", "2025-01-02", "Body.");
	top = util_path_join(root, "d");
	assert_int_equal(getrlimit(RLIMIT_NOFILE, &old), 0);
	low = old;
	low.rlim_cur = 32;
	assert_int_equal(setrlimit(RLIMIT_NOFILE, &low), 0);
	lib = library_open(top, &cause);
	assert_int_equal(setrlimit(RLIMIT_NOFILE, &old), 0);
	assert_non_null(lib);
	assert_int_equal(lib->n, 1);
	assert_string_equal(lib->v[0].title, "At the bottom");
	library_free(lib);
	free(top);
	buf_free(&rel);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_scan),
		cmocka_unit_test(test_single_file),
		cmocka_unit_test(test_sort_and_filter),
		cmocka_unit_test(test_deep_tree),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
