/* Tests for util: buffers, atomic writes, XDG folders. */
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

#include "inkstone/util.h"

static void
test_buf(void **state)
{
	struct buf	 b = { 0 };
	char		*s;
	size_t		 len;
	int		 i;

	(void)state;
	for (i = 0; i < 1000; i++)
		buf_addf(&b, "%d,", i % 10);
	assert_int_equal(b.len, 2000);
	assert_memory_equal(b.data, "0,1,2,", 6);
	s = buf_take(&b, &len);
	assert_int_equal(len, 2000);
	assert_null(b.data);
	free(s);
	s = buf_take(&b, &len);
	assert_int_equal(len, 0);
	assert_string_equal(s, "");
	free(s);
}

static void
test_atomic_write(void **state)
{
	char	 dir[] = "/tmp/inkstone-test-XXXXXX", *path, *got, *cause = NULL;
	size_t	 len;

	(void)state;
	assert_non_null(mkdtemp(dir));
	path = util_path_join(dir, "f.yaml");
	assert_int_equal(util_write_atomic(path, "one\n", 4, &cause), 0);
	assert_int_equal(util_write_atomic(path, "two\n", 4, &cause), 0);
	got = util_read_file(path, 0, &len, &cause);
	assert_non_null(got);
	assert_string_equal(got, "two\n");
	free(got);
	/* Too large for the limit: refused with the path in the message. */
	assert_null(util_read_file(path, 2, &len, &cause));
	assert_non_null(strstr(cause, "too large"));
	free(cause);
	/* A folder that does not exist: an error, nothing written. */
	free(path);
	path = util_path_join(dir, "no/such/f.yaml");
	assert_int_equal(util_write_atomic(path, "x", 1, &cause), -1);
	assert_non_null(strstr(cause, "f.yaml"));
	free(cause);
	free(path);
	path = util_path_join(dir, "f.yaml");
	unlink(path);
	free(path);
	assert_int_equal(rmdir(dir), 0);
}

static void
test_xdg(void **state)
{
	char *p;

	(void)state;
	setenv("XDG_DATA_HOME", "/x/data", 1);
	p = util_data_dir();
	assert_string_equal(p, "/x/data/inkstone");
	free(p);
	setenv("XDG_DATA_HOME", "relative", 1);	/* not absolute: ignored */
	setenv("HOME", "/home/u", 1);
	p = util_data_dir();
	assert_string_equal(p, "/home/u/.local/share/inkstone");
	free(p);
	unsetenv("XDG_CACHE_HOME");
	p = util_cache_dir();
	assert_string_equal(p, "/home/u/.cache/inkstone");
	free(p);
}

static void
test_mkdirs(void **state)
{
	char		 dir[] = "/tmp/inkstone-test-XXXXXX", *p;
	struct stat	 st;

	(void)state;
	assert_non_null(mkdtemp(dir));
	p = xasprintf("%s/a/b/c", dir);
	assert_int_equal(util_mkdirs(p, 0700), 0);
	assert_int_equal(stat(p, &st), 0);
	assert_true(S_ISDIR(st.st_mode));
	assert_int_equal(util_mkdirs(p, 0700), 0);
	rmdir(p);
	free(p);
	p = xasprintf("%s/a/b", dir); rmdir(p); free(p);
	p = xasprintf("%s/a", dir); rmdir(p); free(p);
	rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buf),
		cmocka_unit_test(test_atomic_write),
		cmocka_unit_test(test_xdg),
		cmocka_unit_test(test_mkdirs),
	};

	return cmocka_run_group_tests_name("util", tests, NULL, NULL);
}
