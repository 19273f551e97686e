/* bench_store: the cost of saving one tag change with 100,000 tagged
 * articles in tags.yaml, beside the raw cost of writing a file of the same
 * size (util_write_atomic, and a plain write without fsync). */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "inkstone/store.h"
#include "inkstone/util.h"

#define ARTICLES	100000
#define ROUNDS		20

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void
die(const char *what, char *cause)
{
	fprintf(stderr, "bench_store: %s: %s\n", what, cause);
	exit(1);
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double
median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	return v[n / 2];
}

static void
key_of(struct store_article *a, int i)
{
	static const char *src[] = { "nikkei", "scmp", "caixin", "reuters",
	    "ft", "yomiuri", "chosun" };

	a->key = xasprintf("%s/2024-%02d-%02d-article-%d.txt", src[i % 7],
	    i % 12 + 1, i % 28 + 1, i);
	a->hash = 0;
}

int
main(void)
{
	static const char	*tags[] = { "ai", "policy", "chips", "trade",
				    "東アジア" };
	char			 dir[] = "/tmp/inkstone-bench-XXXXXX";
	char			*cause = NULL, *path, *buf, *tmp, *cmd;
	struct store		*s;
	struct store_article	 a;
	struct stat		 st;
	double			 t, open_ms, first_ms, change[ROUNDS];
	double			 atomic[5], plain[5], merge_ms;
	size_t			 len;
	int			 i, fd;

	if (mkdtemp(dir) == NULL)
		return 1;
	if ((s = store_open(dir, dir, &cause)) == NULL)
		die("open", cause);
	t = now_ms();
	store_begin(s);
	for (i = 0; i < ARTICLES; i++) {
		key_of(&a, i);
		store_tag_add(s, &a, tags[i % 5], &cause);
		store_tag_add(s, &a, tags[(i / 5) % 5], &cause);
		free(a.key);
	}
	if (store_end(s, &cause) == -1)
		die("fill", cause);
	printf("fill %d articles, one save:    %8.1f ms\n", ARTICLES,
	    now_ms() - t);
	store_close(s, &cause);

	path = util_path_join(dir, "tags.yaml");
	if (stat(path, &st) == -1)
		return 1;
	t = now_ms();
	if ((s = store_open(dir, dir, &cause)) == NULL)
		die("open", cause);
	open_ms = now_ms() - t;
	/* A file exactly as a save wrote it lends its entries' text, so even
	 * the first change emits only its own entry. */
	key_of(&a, 17);
	t = now_ms();
	if (store_tag_add(s, &a, "first", &cause) == -1)
		die("save", cause);
	first_ms = now_ms() - t;
	for (i = 0; i < ROUNDS; i++) {
		t = now_ms();
		if ((i & 1 ? store_tag_remove : store_tag_add)(s, &a, "flip",
		    &cause) == -1)
			die("save", cause);
		change[i] = now_ms() - t;
	}
	free(a.key);

	/* Another instance writes in between: re-read, merge, write. */
	{
		struct store *o = store_open(dir, dir, &cause);

		key_of(&a, 99);
		if (o == NULL || store_tag_add(o, &a, "other", &cause) == -1)
			die("other", cause);
		store_close(o, &cause);
		free(a.key);
	}
	key_of(&a, 18);
	t = now_ms();
	if (store_tag_add(s, &a, "merged", &cause) == -1)
		die("save", cause);
	merge_ms = now_ms() - t;
	free(a.key);
	store_close(s, &cause);

	/* The references: the same bytes written atomically, and plainly. */
	if ((buf = util_read_file(path, 0, &len, &cause)) == NULL)
		die("read", cause);
	tmp = util_path_join(dir, "reference.yaml");
	for (i = 0; i < 5; i++) {
		t = now_ms();
		if (util_write_atomic(tmp, buf, len, &cause) == -1)
			die("reference", cause);
		atomic[i] = now_ms() - t;
		t = now_ms();
		fd = open(tmp, O_WRONLY | O_TRUNC | O_CREAT, 0600);
		if (fd == -1 || write(fd, buf, len) != (ssize_t)len)
			return 1;
		close(fd);
		plain[i] = now_ms() - t;
	}
	free(buf);

	printf("tags.yaml: %zu bytes, %d articles\n", len, ARTICLES);
	printf("open (parse the file):            %8.1f ms\n", open_ms);
	printf("first change after open:          %8.1f ms (entries taken "
	    "from the file as saved)\n", first_ms);
	printf("one tag change, median of %d:     %8.1f ms\n", ROUNDS,
	    median(change, ROUNDS));
	printf("change after another instance's:  %8.1f ms (re-read and "
	    "merge)\n", merge_ms);
	printf("reference: util_write_atomic of the same bytes, median: "
	    "%.1f ms\n", median(atomic, 5));
	printf("reference: plain write, no fsync, median:               "
	    "%.1f ms\n", median(plain, 5));
	cmd = xasprintf("rm -rf '%s'", dir);
	if (system(cmd) != 0)
		return 1;
	free(cmd);
	free(tmp);
	free(path);
	return 0;
}
