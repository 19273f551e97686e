/* app: configuration, library root, store and entities, set up once. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "inkstone/app.h"
#include "inkstone/util.h"

int
app_init(struct app *a, const struct globals *g, const char *path)
{
	struct stat	  st;
	char		**errors = NULL;
	size_t		  nerrors = 0, i;

	a->root = NULL;
	a->store = NULL;
	a->entities = NULL;
	a->data_dir = g->data_dir != NULL ? xstrdup(g->data_dir) :
	    util_data_dir();
	if (config_load_default(g->config, &a->config, &errors,
	    &nerrors) == -1) {
		for (i = 0; i < nerrors; i++)
			fprintf(stderr, "%s\n", errors[i]);
		config_errors_free(errors, nerrors);
		return EXIT_USAGE;
	}
	if (path != NULL && stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		a->root = xstrdup(path);
	else if (a->config.library != NULL)
		a->root = xstrdup(a->config.library);
	else
		a->root = xstrdup("articles");
	return 0;
}

void
app_free(struct app *a)
{
	char *cause = NULL;

	if (a->store != NULL && store_close(a->store, &cause) == -1) {
		fprintf(stderr, "inkstone: %s\n", cause);
		free(cause);
	}
	if (a->entities != NULL)
		entity_db_free(a->entities);
	config_free(&a->config);
	free(a->root);
	free(a->data_dir);
	a->root = a->data_dir = NULL;
	a->store = NULL;
	a->entities = NULL;
}

struct store *
app_store(struct app *a, char **cause)
{
	if (a->store == NULL)
		a->store = store_open(a->data_dir, a->root, cause);
	return a->store;
}

const struct entity_db *
app_entities(struct app *a, char **cause)
{
	char *shipped, *user;

	if (a->entities != NULL)
		return a->entities;
	shipped = util_share_path("entities.yaml");
	user = util_path_join(a->data_dir, "entities.yaml");
	a->entities = entity_db_load(shipped, user, cause);
	free(shipped);
	free(user);
	return a->entities;
}

static uint64_t
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

/* Ten redraws a second; the line is blanked, not erased with an escape,
 * when the work is done, so that what follows starts clean. */
static void
progress(size_t done, size_t total, void *arg)
{
	static uint64_t	 last;
	char		 bar[APP_BAR + 1];
	uint64_t	 t = now_ms();
	size_t		 fill;
	int		 n;

	(void)arg;
	if (done < total && t - last < 100)
		return;
	last = t;
	fill = total > 0 ? done * APP_BAR / total : APP_BAR;
	memset(bar, '#', fill);
	memset(bar + fill, '-', APP_BAR - fill);
	bar[APP_BAR] = '\0';
	n = fprintf(stderr, "\rinkstone: indexing [%s] %zu/%zu", bar, done,
	    total);
	if (done >= total && n > 1)
		fprintf(stderr, "\r%*s\r", n - 1, "");
	fflush(stderr);
}

void
app_progress(struct library_opts *o)
{
	if (isatty(STDERR_FILENO))
		o->progress = progress;
}
