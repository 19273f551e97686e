/* Tests for store durability: saves killed at random moments, three
 * instances saving at once, a full disk. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "inkstone/store.h"
#include "inkstone/util.h"

#define S(x)		((char *)(uintptr_t)(x))
#define KILL_RUNS	200
#define PREFILL		300
#define WRITERS		3
#define CHANGES		500

static char	 dir[64];
static char	*data;

static int
setup(void **state)
{
	(void)state;
	strcpy(dir, "/tmp/inkstone-stress-XXXXXX");
	if (mkdtemp(dir) == NULL)
		return -1;
	data = util_path_join(dir, "data");
	return 0;
}

static int
teardown(void **state)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);

	(void)state;
	if (system(cmd) != 0)
		return -1;
	free(cmd);
	free(data);
	return 0;
}

static struct store *
open_ok(void)
{
	char		*cause = NULL;
	struct store	*s = store_open(data, dir, &cause);

	if (s == NULL)
		fail_msg("%s", cause);
	if (store_problem(s, STORE_TAGS) != NULL)
		fail_msg("%s", store_problem(s, STORE_TAGS));
	return s;
}

static void
close_ok(struct store *s)
{
	char *cause = NULL;

	if (store_close(s, &cause) == -1)
		fail_msg("%s", cause);
}

/* Fills tags.yaml with PREFILL articles so that a save takes a while. */
static void
prefill(void)
{
	struct store		*s = open_ok();
	struct store_article	 a;
	char			*cause = NULL;
	char			*changes[] = { S("+filler"), S("+policy"),
				    S("+東アジア") };
	int			 i;

	store_begin(s);
	for (i = 0; i < PREFILL; i++) {
		a.key = xasprintf("source%d/article-with-a-longish-name-%d.txt",
		    i % 7, i);
		a.hash = (uint64_t)i + 1;
		if (store_tag_apply(s, &a, changes, 3, &cause) == -1)
			fail_msg("%s", cause);
		free(a.key);
	}
	if (store_end(s, &cause) == -1)
		fail_msg("%s", cause);
	close_ok(s);
}

static int
count_temps(void)
{
	DIR		*d = opendir(data);
	struct dirent	*de;
	int		 n = 0;

	assert_non_null(d);
	while ((de = readdir(d)) != NULL)
		n += strstr(de->d_name, ".tmp.") != NULL;
	closedir(d);
	return n;
}

/* The child: tags article victimN with k0, k1, ... one save each, and
 * tells the parent (through fd) how many saves have returned. */
static void
saver(int run, int fd)
{
	struct store		*s;
	struct store_article	 a;
	char			*cause = NULL, *tag;
	int			 k;

	if ((s = store_open(data, dir, &cause)) == NULL)
		_exit(1);
	/* Hash 0: no file behind these keys, so nothing to follow. */
	a.key = xasprintf("victim%d", run);
	a.hash = 0;
	for (k = 0;; k++) {
		tag = xasprintf("k%d", k);
		if (store_tag_add(s, &a, tag, &cause) == -1)
			_exit(1);
		free(tag);
		if (write(fd, &k, sizeof k) != sizeof k)
			_exit(1);
	}
}

static void
test_kill_loop(void **state)
{
	struct store		*s;
	struct store_state	 st;
	int			 run, p[2], k, acked, status, mid = 0, i;
	char			*key;
	const char *const	*keys;

	(void)state;
	prefill();
	srand((unsigned)time(NULL) ^ (unsigned)getpid());
	for (run = 0; run < KILL_RUNS; run++) {
		pid_t pid;

		assert_int_equal(pipe(p), 0);
		if ((pid = fork()) == 0) {
			close(p[0]);
			saver(run, p[1]);
		}
		close(p[1]);
		/* From before the open to a few saves in. */
		usleep((useconds_t)(rand() % 30000));
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
		assert_true(WIFSIGNALED(status));
		acked = 0;
		while (read(p[0], &k, sizeof k) == sizeof k)
			acked = k + 1;
		close(p[0]);

		/* Whole, parseable, and the old state or the new one. */
		s = open_ok();
		assert_int_equal(count_temps(), 0);
		key = xasprintf("victim%d", run);
		store_get_key(s, key, &st);
		assert_true(st.ntags == (size_t)acked ||
		    st.ntags == (size_t)acked + 1);
		for (i = 0; i < (int)st.ntags; i++) {
			char *want = xasprintf("k%d", i);
			size_t j;

			for (j = 0; j < st.ntags; j++)
				if (strcmp(st.tags[j], want) == 0)
					break;
			assert_true(j < st.ntags);
			free(want);
		}
		mid += st.ntags > 0;
		assert_int_equal(store_keys(s, STORE_TAGS, &keys) -
		    (size_t)mid, PREFILL);
		free(key);
		close_ok(s);
	}
	print_message("kill loop: %d runs (%d with saves done before the kill), "
	    "0 failures\n", KILL_RUNS, mid);
}

static void
writer(int w, int go)
{
	struct store		*s;
	struct store_article	 a;
	char			*cause = NULL, *tag, c;
	int			 i;

	if ((s = store_open(data, dir, &cause)) == NULL)
		_exit(1);
	/* All three start saving together, when the parent says so. */
	if (read(go, &c, 1) != 0)
		_exit(1);
	for (i = 0; i < CHANGES; i++) {
		a.key = xasprintf("shared%d", i % 10);
		a.hash = 0;
		tag = xasprintf("w%d-%d", w, i);
		if (store_tag_add(s, &a, tag, &cause) == -1) {
			fprintf(stderr, "writer %d: %s\n", w, cause);
			_exit(1);
		}
		free(tag);
		free(a.key);
	}
	if (store_close(s, &cause) == -1)
		_exit(1);
	_exit(0);
}

static void
test_concurrent(void **state)
{
	struct store		*s;
	struct store_state	 st;
	pid_t			 pid[WRITERS];
	int			 w, status, i;
	size_t			 total = 0;
	char			*key;

	char			*kept = data, shm[] = "/dev/shm/inkstone-XXXXXX";
	int			 in_shm, go[2];

	(void)state;
	/* A folder of its own, in memory when there is one: this tests the
	 * locking and merging, and 1,500 fsyncs on a disk other processes
	 * keep busy can take half a minute. */
	in_shm = mkdtemp(shm) != NULL;
	data = util_path_join(in_shm ? shm : dir, "concurrent");
	assert_int_equal(pipe(go), 0);
	for (w = 0; w < WRITERS; w++) {
		if ((pid[w] = fork()) == 0) {
			close(go[1]);
			writer(w, go[0]);
		}
	}
	close(go[0]);
	usleep(50000);
	close(go[1]);
	for (w = 0; w < WRITERS; w++) {
		waitpid(pid[w], &status, 0);
		assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
	s = open_ok();
	for (i = 0; i < 10; i++) {
		key = xasprintf("shared%d", i);
		store_get_key(s, key, &st);
		total += st.ntags;
		free(key);
	}
	print_message("concurrency: %d changes expected, %zu present\n",
	    WRITERS * CHANGES, total);
	assert_int_equal(total, WRITERS * CHANGES);
	close_ok(s);
	free(data);
	data = kept;
	if (in_shm) {
		key = xasprintf("rm -rf '%s'", shm);
		assert_int_equal(system(key), 0);
		free(key);
	}
}

static void
test_disk_full(void **state)
{
	struct store_article	 a = { S("full.txt"), 0 };
	char			*path, *before, *after, *cause = NULL;
	size_t			 lb, la;
	int			 p[2], status;
	char			 msg[512] = "";
	ssize_t			 n;
	pid_t			 pid;

	(void)state;
	path = util_path_join(data, "tags.yaml");
	before = util_read_file(path, 0, &lb, &cause);
	assert_non_null(before);
	assert_true(lb > 8192);
	assert_int_equal(pipe(p), 0);
	if ((pid = fork()) == 0) {
		struct store	*s;
		struct rlimit	 rl;

		close(p[0]);
		s = store_open(data, dir, &cause);
		/* Writing past 4 KiB fails as it would on a full disk. */
		signal(SIGXFSZ, SIG_IGN);
		getrlimit(RLIMIT_FSIZE, &rl);
		rl.rlim_cur = 4096;
		if (s == NULL || setrlimit(RLIMIT_FSIZE, &rl) == -1)
			_exit(2);
		if (store_tag_add(s, &a, "lost", &cause) != -1)
			_exit(3);
		if (write(p[1], cause, strlen(cause)) < 0)
			_exit(4);
		_exit(0);
	}
	close(p[1]);
	n = read(p[0], msg, sizeof msg - 1);
	msg[n > 0 ? n : 0] = '\0';
	close(p[0]);
	waitpid(pid, &status, 0);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	print_message("disk full: save refused (%s), old file intact\n", msg);
	after = util_read_file(path, 0, &la, &cause);
	assert_non_null(after);
	assert_int_equal(la, lb);
	assert_memory_equal(before, after, lb);
	assert_int_equal(count_temps(), 0);
	free(before);
	free(after);
	free(path);
}

static void
test_retry_after_failure(void **state)
{
	struct store		*s;
	struct store_article	 a = { S("retry.txt"), 0 };
	struct store_state	 st;
	struct rlimit		 rl, old;
	char			*cause = NULL;

	(void)state;
	s = open_ok();
	signal(SIGXFSZ, SIG_IGN);
	getrlimit(RLIMIT_FSIZE, &old);
	rl = old;
	rl.rlim_cur = 4096;
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &rl), 0);
	assert_int_equal(store_tag_add(s, &a, "kept", &cause), -1);
	free(cause);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &old), 0);
	signal(SIGXFSZ, SIG_DFL);
	/* The change waited in memory and the next save writes it. */
	assert_int_equal(store_flush(s, &cause), 0);
	close_ok(s);
	s = open_ok();
	store_get(s, &a, &st);
	assert_int_equal(st.ntags, 1);
	assert_string_equal(st.tags[0], "kept");
	close_ok(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kill_loop),
		cmocka_unit_test(test_concurrent),
		cmocka_unit_test(test_disk_full),
		cmocka_unit_test(test_retry_after_failure),
	};

	/* The tests build on each other's files, in order. */
	return cmocka_run_group_tests(tests, setup, teardown);
}
