/* Every input of the YAML test suite (tests/data/yaml-test-suite) loaded
 * as tags.yaml and as highlights.yaml: each must be accepted or refused
 * with a positioned message, never crash, and a refused file must never be
 * written; an accepted one must take a change and read back. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "inkstone/store.h"
#include "inkstone/util.h"

#define SUITE	"tests/data/yaml-test-suite"

static char	 dir[64];
static char	*data;
static int	 accepted[STORE_NFILES], refused[STORE_NFILES], inputs;

static void
try_as(const char *input, const char *buf, size_t len, enum store_file f)
{
	static const char	*names[] = { "tags.yaml", "highlights.yaml" };
	struct store		*s;
	struct store_article	 a = { (char *)(uintptr_t)"probe.txt", 0 };
	struct store_highlight	 h = { .quote = (char *)(uintptr_t)"probe" };
	struct store_state	 st;
	char			*path, *cause = NULL, *back, id[17];
	size_t			 blen;
	int			 r;

	path = util_path_join(data, names[f]);
	if (util_write_atomic(path, buf, len, &cause) == -1)
		fail_msg("%s", cause);
	s = store_open(data, dir, &cause);
	if (s == NULL)
		fail_msg("%s: %s", input, cause);
	if (f == STORE_TAGS)
		r = store_tag_add(s, &a, "probe", &cause);
	else
		r = store_highlight_add(s, &a, &h, id, &cause);
	if (store_problem(s, f) != NULL) {
		/* Refused: "path:line:col: message" or "path: message", and
		 * the file exactly as it was. */
		refused[f]++;
		if (strncmp(store_problem(s, f), path, strlen(path)) != 0 ||
		    store_problem(s, f)[strlen(path)] != ':')
			fail_msg("%s: %s", input, store_problem(s, f));
		assert_int_equal(r, -1);
		free(cause);
		store_close(s, &cause);
		back = util_read_file(path, 0, &blen, &cause);
		assert_non_null(back);
		if (blen != len || memcmp(back, buf, len) != 0)
			fail_msg("%s: refused file was written", input);
		free(back);
	} else {
		accepted[f]++;
		if (r == -1)
			fail_msg("%s: %s", input, cause);
		assert_int_equal(store_close(s, &cause), 0);
		/* What was written reads back, with the change. */
		s = store_open(data, dir, &cause);
		if (store_problem(s, f) != NULL)
			fail_msg("%s: rewritten: %s", input,
			    store_problem(s, f));
		store_get(s, &a, &st);
		if (f == STORE_TAGS)
			assert_true(st.ntags == 1);
		else
			assert_true(st.nhl == 1);
		store_close(s, &cause);
	}
	unlink(path);
	free(path);
}

static int
visit(const char *path, const struct stat *sb, int type, struct FTW *ftw)
{
	char	*buf, *cause = NULL;
	size_t	 len;

	(void)sb;
	(void)ftw;
	if (type != FTW_F || strcmp(path + strlen(path) - 8, "/in.yaml") != 0)
		return 0;
	buf = util_read_file(path, 0, &len, &cause);
	assert_non_null(buf);
	inputs++;
	try_as(path, buf, len, STORE_TAGS);
	try_as(path, buf, len, STORE_HIGHLIGHTS);
	free(buf);
	return 0;
}

static void
test_suite(void **state)
{
	char *cmd;

	(void)state;
	strcpy(dir, "/tmp/inkstone-suite-XXXXXX");
	assert_non_null(mkdtemp(dir));
	data = util_path_join(dir, "data");
	assert_int_equal(util_mkdirs(data, 0700), 0);
	assert_int_equal(nftw(SUITE, visit, 16, FTW_PHYS), 0);
	print_message("yaml-test-suite: %d inputs; tags.yaml: %d accepted, "
	    "%d refused; highlights.yaml: %d accepted, %d refused; 0 "
	    "crashes\n", inputs, accepted[0], refused[0], accepted[1],
	    refused[1]);
	assert_true(inputs >= 400);
	cmd = xasprintf("rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(data);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_suite),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
