/* cmd_tag: `inkstone tag FILE [+TAG | -TAG]...` -- tags an article without
 * the reader; with no changes, prints the article's tags, one a line.
 * `inkstone tag --rename OLD NEW` renames a tag on every article. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "inkstone/app.h"
#include "inkstone/cmd.h"
#include "inkstone/store.h"
#include "inkstone/text.h"
#include "inkstone/util.h"

static int
usage(void)
{
	fputs("usage: inkstone tag FILE [+TAG | -TAG]...\n"
	    "       inkstone tag --rename OLD NEW\n", stderr);
	return EXIT_USAGE;
}

/* The library root, data folder and store as the reader has them, so
 * that articles are keyed the same way.  0, or the exit status (with the
 * message said and app freed). */
static int
open_store(struct app *app, const struct globals *g, struct store **s)
{
	char	*cause = NULL;
	int	 r;

	if ((r = app_init(app, g, NULL)) != 0) {
		app_free(app);
		return r;
	}
	if ((*s = app_store(app, &cause)) == NULL) {
		fprintf(stderr, "inkstone: %s\n", cause);
		free(cause);
		app_free(app);
		return EXIT_RUNTIME;
	}
	return 0;
}

/* Renames tag from to to in the reader's tags.yaml (tags in an article's
 * own front matter are the file's, which inkstone never writes). */
static int
rename_tag(const char *from, const char *to, const struct globals *g)
{
	struct app	 app;
	struct store	*s;
	char		*cause = NULL;
	int		 n, r;

	if (store_tag_valid(from, &cause) == -1 ||
	    store_tag_valid(to, &cause) == -1) {
		fprintf(stderr, "inkstone: %s\n", cause);
		free(cause);
		return EXIT_USAGE;
	}
	if ((r = open_store(&app, g, &s)) != 0)
		return r;
	if ((n = store_tag_rename(s, from, to, &cause)) == -1) {
		fprintf(stderr, "inkstone: %s\n", cause);
		free(cause);
		app_free(&app);
		return EXIT_RUNTIME;
	}
	/* Said only once it is saved: a failed flush is an error, not a
	 * success followed by one. */
	if (store_flush(s, &cause) == -1) {
		fprintf(stderr, "inkstone: %s\n", cause);
		free(cause);
		r = EXIT_RUNTIME;
	} else
		printf("%d article%s changed\n", n, n == 1 ? "" : "s");
	app_free(&app);
	if (fflush(stdout) == EOF || ferror(stdout))
		r = EXIT_RUNTIME;
	return r;
}

int
cmd_tag(int argc, char **argv, const struct globals *g)
{
	struct app		 app;
	struct store		*s;
	struct store_article	 a;
	struct store_state	 st;
	char			*cause = NULL, *clean;
	const char		*file;
	size_t			 i;
	int			 k, r = 0;

	if (argc > 0 && strcmp(argv[0], "--rename") == 0) {
		if (argc != 3)
			return usage();
		return rename_tag(argv[1], argv[2], g);
	}
	if (argc > 0 && strcmp(argv[0], "--") == 0)
		argc--, argv++;
	if (argc < 1 || (argv[0][0] == '-' && argv[0][1] != '\0'))
		return usage();
	file = argv[0];
	for (k = 1; k < argc; k++) {
		if (argv[k][0] != '+' && argv[k][0] != '-') {
			fprintf(stderr, "inkstone: %s: expected +TAG or -TAG\n",
			    argv[k]);
			return usage();
		}
		if (store_tag_valid(argv[k] + 1, &cause) == -1) {
			fprintf(stderr, "inkstone: %s\n", cause);
			free(cause);
			return EXIT_USAGE;
		}
	}
	if ((r = open_store(&app, g, &s)) != 0)
		return r;
	if (store_article_init(s, file, &a, &cause) == -1) {
		fprintf(stderr, "inkstone: %s\n", cause);
		free(cause);
		app_free(&app);
		return EXIT_RUNTIME;
	}
	if (argc > 1 &&
	    store_tag_apply(s, &a, argv + 1, (size_t)argc - 1, &cause) == -1) {
		fprintf(stderr, "inkstone: %s\n", cause);
		free(cause);
		r = EXIT_RUNTIME;
	} else if (argc == 1) {
		if (store_problem(s, STORE_TAGS) != NULL)
			fprintf(stderr, "inkstone: %s\n",
			    store_problem(s, STORE_TAGS));
		store_get(s, &a, &st);
		for (i = 0; i < st.ntags; i++) {
			/* A hand-edited file may hold anything. */
			clean = text_clean(st.tags[i], strlen(st.tags[i]),
			    NULL);
			printf("%s\n", clean);
			free(clean);
		}
	}
	store_article_free(&a);
	if (store_flush(s, &cause) == -1) {
		fprintf(stderr, "inkstone: %s\n", cause);
		free(cause);
		r = EXIT_RUNTIME;
	}
	app_free(&app);
	if (fflush(stdout) == EOF || ferror(stdout))
		r = EXIT_RUNTIME;
	return r;
}
