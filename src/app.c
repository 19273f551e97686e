/* app: configuration, library root, store and entities, set up once. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

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
