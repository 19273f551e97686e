/* Tests for a library opened through its index cache. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "inkstone/entity.h"
#include "inkstone/libindex.h"
#include "inkstone/library.h"
#include "inkstone/util.h"

static char			 dir[] = "/tmp/inkstone-lix-XXXXXX";
static char			*root, *cache;
static struct entity_db		*db;
static int			 progress_calls;

static void
put(const char *rel, const char *text)
{
	char	*path = util_path_join(root, rel), *cause = NULL;
	char	*d = xstrdup(path);

	*strrchr(d, '/') = '\0';
	assert_int_equal(util_mkdirs(d, 0700), 0);
	assert_int_equal(util_write_atomic(path, text, strlen(text), &cause), 0);
	free(d);
	free(path);
}

static void
count_progress(size_t done, size_t total, void *arg)
{
	(void)arg;
	assert_true(done <= total);
	progress_calls++;
}

static struct library *
open_lib(int no_refresh)
{
	struct library_opts	 o = { 0 };
	struct library		*lib;
	char			*cause = NULL;

	o.cache_dir = cache;
	o.db = db;
	o.no_refresh = no_refresh;
	o.progress = count_progress;
	lib = library_open_with(root, &o, &cause);
	assert_non_null(lib);
	return lib;
}

static size_t
find(const struct library *lib, const char *rel)
{
	size_t i;

	for (i = 0; i < lib->n; i++)
		if (strcmp(lib->v[i].rel, rel) == 0)
			return i;
	return (size_t)-1;
}

static void
test_cold_then_warm(void **state)
{
	struct library	*lib;
	struct article	*a;
	size_t		 i, ent;

	(void)state;
	progress_calls = 0;
	lib = open_lib(0);
	assert_int_equal(lib->n, 3);
	assert_true(progress_calls > 0);
	assert_non_null(lib->index);
	i = find(lib, "tw/tsmc.md");
	assert_string_equal(lib->v[i].title, "TSMC expands in Arizona");
	assert_string_equal(lib->v[i].source, "Harbour Tech Review");
	assert_string_equal(lib->v[i].date_iso, "2025-03-05");
	assert_int_equal(library_ntags(lib, &lib->v[i]), 2);
	assert_string_equal(library_tag(lib, &lib->v[i], 1), "taiwan");
	/* Bodies are not read until asked for. */
	assert_null(lib->v[i].article);
	a = library_load(lib, &lib->v[i]);
	assert_non_null(a);
	assert_true(a->npara >= 1);
	/* Unloaded, the entry is the index's again and loads anew. */
	library_unload(lib, &lib->v[i]);
	assert_null(lib->v[i].article);
	assert_false(lib->v[i].failed);
	assert_int_equal(library_ntags(lib, &lib->v[i]), 2);
	a = library_load(lib, &lib->v[i]);
	assert_non_null(a);
	assert_true(a->npara >= 1);
	/* The entity index knows the CJK alias. */
	ent = libindex_entity_find(lib->index, "台積電");
	assert_int_not_equal(ent, (size_t)-1);
	assert_true(libindex_mentions(lib->index, lib->v[i].ix, ent));
	/* The binary file is in the list with its error. */
	i = find(lib, "junk.txt");
	assert_true(lib->v[i].failed);
	assert_non_null(strstr(lib->v[i].error, "binary"));
	library_free(lib);

	/* Warm: nothing changed, nothing parsed. */
	progress_calls = 0;
	lib = open_lib(0);
	assert_int_equal(lib->n, 3);
	assert_int_equal(progress_calls, 0);
	library_free(lib);
}

static void
test_refresh_sees_changes(void **state)
{
	struct library		*lib;
	struct library_opts	 o = { 0 };
	char			*cause = NULL, *path;
	size_t			 i;

	(void)state;
	lib = open_lib(1);
	put("kr/new.txt", "Samsung widens HBM lead\n\nSamsung Electronics "
	    "(삼성전자) said on Tuesday it would raise output.\n");
	path = util_path_join(root, "tw/tsmc.md");
	put("tw/tsmc.md", "---\ntitle: TSMC changes its plans\n---\nText.\n");
	free(path);
	path = util_path_join(root, "junk.txt");
	assert_int_equal(unlink(path), 0);
	free(path);
	/* Trusted as it was: the index still shows the old state. */
	assert_int_equal(lib->n, 3);
	o.cache_dir = cache;
	o.db = db;
	progress_calls = 0;
	assert_int_equal(library_refresh(lib, &o, &cause), 1);
	assert_int_equal(lib->n, 3);
	assert_int_equal(find(lib, "junk.txt"), (size_t)-1);
	i = find(lib, "tw/tsmc.md");
	assert_string_equal(lib->v[i].title, "TSMC changes its plans");
	i = find(lib, "kr/new.txt");
	assert_string_equal(lib->v[i].title, "Samsung widens HBM lead");
	assert_int_equal(library_refresh(lib, &o, &cause), 0);
	library_free(lib);
}

/* A byte changed anywhere in the index: refused at load, or, in the
 * entities, found when they are first asked for, and the refresh that
 * follows parses the library again instead of keeping what it copied. */
static void
test_damaged_entities(void **state)
{
	struct library		*lib;
	struct library_opts	 o = { 0 };
	char			*cause = NULL, *ixpath, *data;
	size_t			 len, at, want, refused = 0, lazy = 0;

	(void)state;
	lib = open_lib(0);
	want = libindex_entity_count(lib->index);
	assert_true(want > 0);
	library_free(lib);
	ixpath = libindex_path(cache, root);
	data = util_read_file(ixpath, 0, &len, &cause);
	assert_non_null(data);
	o.cache_dir = cache;
	o.db = db;
	for (at = 0; at < len; at += 5) {
		data[at] ^= 0x01;
		assert_int_equal(util_write_atomic(ixpath, data, len, &cause),
		    0);
		data[at] ^= 0x01;
		lib = open_lib(1);
		if (lib->index == NULL) {
			refused++;
			library_free(lib);
			continue;
		}
		if (libindex_entity_count(lib->index) == 0) {
			assert_true(libindex_entities_bad(lib->index));
			lazy++;
			/* Again, unasked: touching one file makes the
			 * refresh copy the others, and it must not copy
			 * them without their entities. */
			library_free(lib);
			lib = open_lib(1);
			assert_false(libindex_entities_bad(lib->index));
			put("cn/huawei.txt", "Huawei races to triple AI chip "
			    "output\nHuawei Technologies Co (華為) is pushing "
			    "its suppliers to triple output this year.\n");
			assert_int_equal(library_refresh(lib, &o, &cause), 1);
		}
		assert_int_equal(libindex_entity_count(lib->index), want);
		library_free(lib);
	}
	assert_true(refused > 0);
	assert_true(lazy > 0);
	assert_int_equal(util_write_atomic(ixpath, data, len, &cause), 0);
	free(data);
	free(ixpath);
}

/* A changed entity database (here, a user file that ignores Huawei's
 * canonical name and makes Moonrake an organisation) makes every article's
 * entities stale: the index re-extracts them all, though no article
 * changed, and is warm again afterwards. */
static void
test_entity_db_change(void **state)
{
	struct library		*lib;
	struct entity_db	*db2, *keep = db;
	char			*user, *cause = NULL;
	const char		*yaml = "entities:\n"
				    "  - {name: Moonrake, type: ORG}\n"
				    "ignore: [Huawei Technologies Co]\n";
	struct libindex_entity	 le;
	size_t			 ent;

	(void)state;
	put("jp/moon.txt", "Moonrake ships\n\nMoonrake is shipping its "
	    "first chips this week.\n");
	lib = open_lib(0);
	assert_int_equal(libindex_entity_find(lib->index, "Moonrake"),
	    (size_t)-1);
	assert_int_not_equal(libindex_entity_find(lib->index, "華為"),
	    (size_t)-1);
	assert_int_equal(libindex_entities(lib->index),
	    entity_db_fingerprint(db));
	library_free(lib);

	user = util_path_join(dir, "entities.yaml");
	assert_int_equal(util_write_atomic(user, yaml, strlen(yaml), &cause),
	    0);
	db2 = entity_db_load("data/entities.yaml", user, &cause);
	assert_non_null(db2);
	assert_true(entity_db_fingerprint(db2) != entity_db_fingerprint(db));
	db = db2;
	progress_calls = 0;
	lib = open_lib(0);
	assert_true(progress_calls > 0);
	assert_int_equal(libindex_entities(lib->index),
	    entity_db_fingerprint(db2));
	assert_int_equal(libindex_entity_find(lib->index, "華為"), (size_t)-1);
	ent = libindex_entity_find(lib->index, "Moonrake");
	assert_int_not_equal(ent, (size_t)-1);
	libindex_entity(lib->index, ent, &le);
	assert_int_equal(le.type, ENTITY_ORG);
	library_free(lib);

	/* Warm again with the same database. */
	progress_calls = 0;
	lib = open_lib(0);
	assert_int_equal(progress_calls, 0);
	library_free(lib);

	/* A refresh without a database keeps what is there. */
	db = NULL;
	lib = open_lib(0);
	assert_int_equal(libindex_entities(lib->index),
	    entity_db_fingerprint(db2));
	library_free(lib);
	db = keep;
	entity_db_free(db2);
	assert_int_equal(unlink(user), 0);
	free(user);
	user = util_path_join(root, "jp/moon.txt");
	assert_int_equal(unlink(user), 0);
	free(user);
}

static void
test_damaged_or_unwritable_cache(void **state)
{
	struct library		*lib;
	struct library_opts	 o = { 0 };
	char			*cause = NULL, *ixpath;
	FILE		*f;

	(void)state;
	ixpath = libindex_path(cache, root);
	f = fopen(ixpath, "r+");
	assert_non_null(f);
	fseek(f, 200, SEEK_SET);
	fputc('#', f);
	fclose(f);
	progress_calls = 0;
	/* Damaged and trusted: empty until refreshed, never an error. */
	lib = open_lib(1);
	assert_int_equal(lib->n, 0);
	assert_null(lib->index);
	o.cache_dir = cache;
	o.db = db;
	o.progress = count_progress;
	assert_int_equal(library_refresh(lib, &o, &cause), 1);
	assert_int_equal(lib->n, 3);
	assert_true(progress_calls > 0);
	library_free(lib);
	/* A cache that cannot be written costs only the speed. */
	unlink(ixpath);
	free(cache);
	cache = xstrdup("/proc/no/such/cache");
	lib = open_lib(0);
	assert_int_equal(lib->n, 3);
	library_free(lib);
	free(cause);
	free(ixpath);
}

static int
setup(void **state)
{
	char *cause = NULL;

	(void)state;
	if (mkdtemp(dir) == NULL)
		return -1;
	root = util_path_join(dir, "lib");
	cache = util_path_join(dir, "cache");
	db = entity_db_load("data/entities.yaml", NULL, &cause);
	if (db == NULL)
		return -1;
	put("tw/tsmc.md", "---\ntitle: TSMC expands in Arizona\nsource: Harbour "
	    "Tech Review\ndate: 2025-03-05\ntags: [chips, taiwan]\n---\n"
	    "Taiwan Semiconductor Manufacturing Co (TSMC, 台積電) said on "
	    "Monday it would build three more plants in Arizona.\n");
	put("cn/huawei.txt", "Huawei races to triple AI chip output\n"
	    "Huawei Technologies Co (華為) is pushing its suppliers to "
	    "triple output this year.\n");
	put("junk.txt", "\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0");
	return 0;
}

static int
teardown(void **state)
{
	char *cmd;

	(void)state;
	entity_db_free(db);
	cmd = xasprintf("rm -rf %s", dir);
	if (system(cmd) != 0)
		return -1;
	free(cmd);
	free(root);
	free(cache);
	return 0;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cold_then_warm),
		cmocka_unit_test(test_refresh_sees_changes),
		cmocka_unit_test(test_damaged_entities),
		cmocka_unit_test(test_entity_db_change),
		cmocka_unit_test(test_damaged_or_unwritable_cache),
	};

	return cmocka_run_group_tests_name("library_index", tests, setup,
	    teardown);
}
