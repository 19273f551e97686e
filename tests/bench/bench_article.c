/* Benchmark: article parsing on a large raw page and a large Markdown
 * file made from the sample library, beside text_clean() over the same
 * bytes in the same run (every parse must at least repair and sanitise
 * its text, so that is the floor).  Prints numbers, asserts nothing about
 * time. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "inkstone/article.h"
#include "inkstone/text.h"
#include "inkstone/util.h"

#define TARGET_BYTES	(16u << 20)

static double
now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The sample article repeated (its front matter once) to TARGET_BYTES. */
static char *
grow(const char *path, size_t *len)
{
	struct buf	 b = { 0 };
	char		*one, *cause = NULL;
	const char	*body;
	size_t		 n;

	if ((one = util_read_file(path, 0, &n, &cause)) == NULL) {
		fprintf(stderr, "bench_article: %s\n", cause);
		exit(1);
	}
	buf_add(&b, one, n);
	body = one;
	if (strncmp(one, "---\n", 4) == 0 && (body = strstr(one + 4,
	    "\n---\n")) != NULL)
		body += 5;
	else
		body = one;
	while (b.len < TARGET_BYTES)
		buf_adds(&b, body);
	free(one);
	return buf_take(&b, len);
}

static void
run(const char *label, const char *path)
{
	struct article	*a;
	char		*text, *c;
	size_t		 len, clen;
	double		 t, best_parse = 1e9, best_clean = 1e9;
	int		 i;

	text = grow(path, &len);
	for (i = 0; i < 3; i++) {
		t = now();
		a = article_parse(path, text, len);
		t = now() - t;
		if (t < best_parse)
			best_parse = t;
		if (i == 2)
			printf("%s: %.1f MB, %zu paragraphs, %zu related\n",
			    label, (double)len / 1e6, a->npara, a->nrelated);
		article_free(a);
		t = now();
		c = text_clean(text, len, &clen);
		t = now() - t;
		if (t < best_clean)
			best_clean = t;
		free(c);
	}
	printf("  article_parse      %8.1f MB/s\n", (double)len / 1e6 / best_parse);
	printf("  text_clean (ref)   %8.1f MB/s\n", (double)len / 1e6 / best_clean);
	free(text);
}

int
main(void)
{
	run("raw page text", "articles/huawei-ascend-capacity.txt");
	run("markdown", "articles/tsmc-arizona-expansion.md");
	printf("  (CPU time of one thread, best of 3; target: article_parse "
	    "within 10x of text_clean, so a 50 MB file opens in seconds)\n");
	return 0;
}
