/* Tests for store_tag_rename: renaming a tag on every article, merging
 * with a tag of the new name, what is refused, what reaches tags.yaml, and
 * a rename saved over another instance's tags, also when only that
 * instance has the tag. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "inkstone/store.h"
#include "inkstone/util.h"

#define S(x) ((char *)(uintptr_t)(x))

struct env {
	char	 dir[64];
	char	*data;
	char	*lib;
};

static int
setup(void **state)
{
	struct env *e = xcalloc(1, sizeof *e);

	strcpy(e->dir, "/tmp/inkstone-rename-XXXXXX");
	if (mkdtemp(e->dir) == NULL)
		return -1;
	e->data = util_path_join(e->dir, "data");
	e->lib = util_path_join(e->dir, "lib");
	util_mkdirs(e->lib, 0700);
	*state = e;
	return 0;
}

static int
teardown(void **state)
{
	struct env	*e = *state;
	char		*cmd = xasprintf("rm -rf '%s'", e->dir);

	if (system(cmd) != 0)
		fail_msg("cannot remove %s", e->dir);
	free(cmd);
	free(e->data);
	free(e->lib);
	free(e);
	return 0;
}

static struct store *
open_store(struct env *e)
{
	char		*cause = NULL;
	struct store	*s = store_open(e->data, e->lib, &cause);

	if (s == NULL)
		fail_msg("%s", cause);
	return s;
}

static void
close_store(struct store *s)
{
	char *cause = NULL;

	if (store_close(s, &cause) == -1)
		fail_msg("%s", cause);
}

static void
tag(struct store *s, const char *key, const char *t)
{
	struct store_article	 a = { S(key), 0 };
	char			*cause = NULL;

	if (store_tag_add(s, &a, t, &cause) == -1)
		fail_msg("%s", cause);
}

/* The tags of key, comma-separated, in a static buffer. */
static const char *
tags_of(struct store *s, const char *key)
{
	static char		 out[256];
	struct store_article	 a = { S(key), 0 };
	struct store_state	 st;
	size_t			 i;

	out[0] = '\0';
	store_get(s, &a, &st);
	for (i = 0; i < st.ntags; i++) {
		if (i > 0)
			strcat(out, ",");
		strcat(out, st.tags[i]);
	}
	return out;
}

static void
test_rename_merges(void **state)
{
	struct env		*e = *state;
	struct store		*s;
	struct store_tag_count	*c;
	char			*cause = NULL, *file;
	size_t			 len, n;

	s = open_store(e);
	tag(s, "a.txt", "ai");
	tag(s, "a.txt", "policy");
	tag(s, "b.txt", "ai");
	tag(s, "b.txt", "ml");
	tag(s, "c.txt", "ml");
	tag(s, "d.txt", "korea");
	/* a and b carried ai; b had ml already and keeps one. */
	assert_int_equal(store_tag_rename(s, "ai", "ml", &cause), 2);
	assert_string_equal(tags_of(s, "a.txt"), "ml,policy");
	assert_string_equal(tags_of(s, "b.txt"), "ml");
	assert_string_equal(tags_of(s, "c.txt"), "ml");
	assert_string_equal(tags_of(s, "d.txt"), "korea");
	n = store_tag_counts(s, &c);
	assert_int_equal(n, 3);
	assert_string_equal(c[0].tag, "korea");
	assert_string_equal(c[1].tag, "ml");
	assert_int_equal(c[1].count, 3);
	assert_string_equal(c[2].tag, "policy");
	free(c);
	/* A tag no article has, or a rename onto itself, changes nothing. */
	assert_int_equal(store_tag_rename(s, "ai", "x", &cause), 0);
	assert_int_equal(store_tag_rename(s, "ml", "ml", &cause), 0);
	assert_string_equal(tags_of(s, "c.txt"), "ml");
	/* CJK names are tags like any other. */
	assert_int_equal(store_tag_rename(s, "korea", "韓國", &cause), 1);
	assert_string_equal(tags_of(s, "d.txt"), "韓國");
	close_store(s);
	/* What was saved is the renamed set. */
	file = util_path_join(e->data, "tags.yaml");
	free(cause);
	cause = util_read_file(file, 0, &len, &cause);
	assert_non_null(cause);
	/* No key, hash or other tag holds "ai". */
	assert_null(strstr(cause, "ai"));
	assert_non_null(strstr(cause, "tags: [ml, policy]"));
	assert_non_null(strstr(cause, "tags: [韓國]"));
	free(cause);
	free(file);
	s = open_store(e);
	assert_string_equal(tags_of(s, "a.txt"), "ml,policy");
	assert_string_equal(tags_of(s, "d.txt"), "韓國");
	close_store(s);
}

static void
test_rename_refused(void **state)
{
	struct env	*e = *state;
	struct store	*s;
	char		*cause = NULL;

	s = open_store(e);
	tag(s, "a.txt", "ai");
	assert_int_equal(store_tag_rename(s, "ai", "two words", &cause), -1);
	assert_non_null(strstr(cause, "spaces"));
	free(cause);
	cause = NULL;
	assert_int_equal(store_tag_rename(s, "ai", "untagged", &cause), -1);
	free(cause);
	cause = NULL;
	assert_int_equal(store_tag_rename(s, "ai", "", &cause), -1);
	free(cause);
	cause = NULL;
	assert_int_equal(store_tag_rename(s, "-ai", "ml", &cause), -1);
	free(cause);
	assert_string_equal(tags_of(s, "a.txt"), "ai");
	close_store(s);
}

/* Another instance tags an article with the old name after this one last
 * read the file: the rename, replayed over that save, renames it too, and
 * the other instance's next save does not bring the old name back. */
static void
test_rename_over_other_instance(void **state)
{
	struct env	*e = *state;
	struct store	*s1, *s2;
	char		*cause = NULL;
	int		 n;

	s1 = open_store(e);
	s2 = open_store(e);
	tag(s1, "a.txt", "ai");
	tag(s2, "c.txt", "ai");
	/* a, and c that s1 had not seen. */
	n = store_tag_rename(s1, "ai", "ml", &cause);
	assert_int_equal(n, 2);
	tag(s2, "d.txt", "x");
	close_store(s1);
	close_store(s2);
	s1 = open_store(e);
	assert_string_equal(tags_of(s1, "a.txt"), "ml");
	assert_string_equal(tags_of(s1, "c.txt"), "ml");
	assert_string_equal(tags_of(s1, "d.txt"), "x");
	close_store(s1);
}

/* This instance has no article with the old name, another one tagged one
 * since this one last read the file: the rename still goes to the save,
 * whose merge renames it there, and counts it. */
static void
test_rename_only_other_instance(void **state)
{
	struct env	*e = *state;
	struct store	*s1, *s2;
	char		*cause = NULL, *file;

	s1 = open_store(e);
	s2 = open_store(e);
	/* Nothing anywhere: nothing to rename, nothing written. */
	assert_int_equal(store_tag_rename(s1, "ai", "ml", &cause), 0);
	file = util_path_join(e->data, "tags.yaml");
	assert_int_equal(access(file, F_OK), -1);
	tag(s2, "c.txt", "ai");
	tag(s2, "c.txt", "ml");
	tag(s2, "d.txt", "ai");
	assert_string_equal(tags_of(s1, "c.txt"), "");
	assert_int_equal(store_tag_rename(s1, "ai", "ml", &cause), 2);
	assert_string_equal(tags_of(s1, "c.txt"), "ml");
	assert_string_equal(tags_of(s1, "d.txt"), "ml");
	/* The other instance's next save keeps the new name. */
	tag(s2, "e.txt", "x");
	close_store(s1);
	close_store(s2);
	s1 = open_store(e);
	assert_string_equal(tags_of(s1, "c.txt"), "ml");
	assert_string_equal(tags_of(s1, "d.txt"), "ml");
	assert_string_equal(tags_of(s1, "e.txt"), "x");
	close_store(s1);
	free(file);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_rename_merges, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_rename_refused, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_rename_over_other_instance,
		    setup, teardown),
		cmocka_unit_test_setup_teardown(test_rename_only_other_instance,
		    setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
