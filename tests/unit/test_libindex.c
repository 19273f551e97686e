/* Tests for libindex: the library index cache file. */
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
#include "inkstone/libindex.h"
#include "inkstone/util.h"

static char dir[] = "/tmp/inkstone-ix-XXXXXX";

static struct entity_set *
make_set(const char *name, enum entity_type type, const char *alias,
    size_t mentions)
{
	struct entity_set	*set = xcalloc(1, sizeof *set);
	struct entity		*e;

	set->n = 1;
	set->v = e = xcalloc(1, sizeof *e);
	e->name = xstrdup(name);
	e->type = type;
	if (alias != NULL) {
		e->aliases = xcalloc(1, sizeof *e->aliases);
		e->aliases[0] = xstrdup(alias);
		e->naliases = 1;
	}
	e->spans = xcalloc(mentions, sizeof *e->spans);
	e->nspans = mentions;
	return set;
}

static char *
build(const char *root, size_t n)
{
	struct libindex_writer	*w = libindex_writer_new(root);
	struct libindex		*ix;
	struct libindex_article	 a;
	struct entity_set	*set;
	const char		*tags[] = { "chips", "taiwan" };
	char			 rel[64], title[64], *path, *cause = NULL;
	size_t			 i;

	/* Added in reverse order: the index sorts by path. */
	for (i = n; i-- > 0;) {
		memset(&a, 0, sizeof a);
		snprintf(rel, sizeof rel, "2025/a%05zu.txt", i);
		snprintf(title, sizeof title, "Title %zu", i);
		a.rel = rel;
		a.title = title;
		a.source = "Harbour Tech Review";
		a.date_iso = "2025-05-27";
		a.size = 4000 + i;
		a.mtime_ns = (int64_t)i * 1000;
		a.hash = 0xabcdef00ull + i;
		a.failed = i == 3;
		a.error = i == 3 ? "a00003.txt: binary file, not an article" : NULL;
		a.tags = tags;
		a.ntags = i % 3;
		set = make_set(i % 2 ? "Taiwan Semiconductor Manufacturing Co" :
		    "Huawei Technologies Co", ENTITY_ORG,
		    i % 2 ? "台積電" : "華為", i + 1);
		libindex_writer_add(w, &a, set);
		entity_set_free(set);
	}
	path = libindex_path(dir, root);
	ix = libindex_writer_finish(w);
	assert_non_null(ix);
	assert_int_equal(libindex_count(ix), n);
	assert_int_equal(libindex_save(ix, path, &cause), 0);
	libindex_free(ix);
	libindex_writer_free(w);
	return path;
}

static void
test_roundtrip(void **state)
{
	struct libindex		*ix;
	struct libindex_article	 a;
	struct libindex_entity	 e;
	char			*path;
	size_t			 i, ent, count, tsmc;

	(void)state;
	path = build("lib", 100);
	ix = libindex_load(path, "lib");
	assert_non_null(ix);
	assert_int_equal(libindex_count(ix), 100);
	for (i = 0; i < 100; i++) {
		libindex_get(ix, i, &a);
		assert_int_equal(a.size, 4000 + i);
		assert_int_equal(a.hash, 0xabcdef00ull + i);
		assert_int_equal(a.ntags, i % 3);
		assert_string_equal(a.source, "Harbour Tech Review");
		assert_int_equal(a.failed, i == 3);
		if (i == 3)
			assert_string_equal(a.error,
			    "a00003.txt: binary file, not an article");
		else
			assert_null(a.error);
		assert_int_equal(libindex_find(ix, a.rel), i);
	}
	libindex_get(ix, 2, &a);
	assert_string_equal(a.rel, "2025/a00002.txt");
	assert_string_equal(libindex_tag(ix, 2, 1), "taiwan");
	assert_int_equal(libindex_find(ix, "nope.txt"), (size_t)-1);

	/* Two entities, merged over the articles, found by any alias. */
	assert_int_equal(libindex_entity_count(ix), 2);
	tsmc = libindex_entity_find(ix, "台積電");
	assert_int_not_equal(tsmc, (size_t)-1);
	assert_int_equal(libindex_entity_find(ix,
	    "taiwan semiconductor manufacturing co"), tsmc);
	libindex_entity(ix, tsmc, &e);
	assert_string_equal(e.name, "Taiwan Semiconductor Manufacturing Co");
	assert_int_equal(e.narticles, 50);
	assert_int_equal(libindex_entity_naliases(ix, tsmc), 1);
	assert_string_equal(libindex_entity_alias(ix, tsmc, 0), "台積電");
	assert_int_equal(libindex_article_nentities(ix, 7), 1);
	libindex_article_entity(ix, 7, 0, &ent, &count);
	assert_int_equal(ent, tsmc);
	assert_int_equal(count, 8);
	assert_true(libindex_mentions(ix, 7, tsmc));
	assert_false(libindex_mentions(ix, 8, tsmc));
	libindex_free(ix);

	/* Another root's index is not this one's. */
	assert_null(libindex_load(path, "other"));
	unlink(path);
	free(path);
}

static void
test_damage(void **state)
{
	struct libindex	*ix;
	char		*path, *data, *cause = NULL;
	size_t		 len, at, lazy = 0, refused = 0;
	FILE		*f;

	(void)state;
	path = build("lib", 50);
	data = util_read_file(path, 0, &len, &cause);
	assert_non_null(data);
	/* Any one byte changed, anywhere, and the index is refused, or
	 * (in the entities, checked when first asked for) it has none and
	 * says they are damaged. */
	for (at = 0; at < len; at += 97) {
		data[at] ^= 0x20;
		assert_int_equal(util_write_atomic(path, data, len, &cause), 0);
		if ((ix = libindex_load(path, "lib")) != NULL) {
			assert_false(libindex_entities_bad(ix));
			assert_int_equal(libindex_entity_count(ix), 0);
			assert_true(libindex_entities_bad(ix));
			assert_int_equal(libindex_article_nentities(ix, 0), 0);
			assert_int_equal(libindex_entity_find(ix, "TSMC"),
			    (size_t)-1);
			libindex_free(ix);
			lazy++;
		} else
			refused++;
		data[at] ^= 0x20;
	}
	assert_true(lazy > 0);
	assert_true(refused > 0);
	/* Truncated at any length. */
	for (at = 0; at < len; at += 131) {
		assert_int_equal(util_write_atomic(path, data, at, &cause), 0);
		assert_null(libindex_load(path, "lib"));
	}
	/* Garbage, empty, missing. */
	f = fopen(path, "w");
	fputs("not an index at all", f);
	fclose(f);
	assert_null(libindex_load(path, "lib"));
	unlink(path);
	assert_null(libindex_load(path, "lib"));
	/* And whole again, it loads. */
	assert_int_equal(util_write_atomic(path, data, len, &cause), 0);
	ix = libindex_load(path, "lib");
	assert_non_null(ix);
	libindex_free(ix);
	unlink(path);
	free(data);
	free(path);
}

static void
test_empty(void **state)
{
	struct libindex_writer	*w = libindex_writer_new("empty");
	struct libindex		*ix;
	char			*path = libindex_path(dir, "empty"), *cause;

	(void)state;
	ix = libindex_writer_finish(w);
	assert_int_equal(libindex_save(ix, path, &cause), 0);
	libindex_free(ix);
	libindex_writer_free(w);
	ix = libindex_load(path, "empty");
	assert_non_null(ix);
	assert_int_equal(libindex_count(ix), 0);
	assert_int_equal(libindex_entity_count(ix), 0);
	assert_int_equal(libindex_entity_find(ix, "x"), (size_t)-1);
	libindex_free(ix);
	unlink(path);
	free(path);
}

static int
setup(void **state)
{
	(void)state;
	return mkdtemp(dir) == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	(void)state;
	return rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_roundtrip),
		cmocka_unit_test(test_damage),
		cmocka_unit_test(test_empty),
	};

	return cmocka_run_group_tests_name("libindex", tests, setup, teardown);
}
