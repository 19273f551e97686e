/* app: what every command and the reader set up the same way: the
 * configuration in force, the library root, the state store and the entity
 * database.  No curses. */
#ifndef INKSTONE_APP_H
#define INKSTONE_APP_H

#include "inkstone/cmd.h"
#include "inkstone/config.h"
#include "inkstone/entity.h"
#include "inkstone/library.h"
#include "inkstone/store.h"

#define APP_BAR	30	/* the progress bar's width */

struct app {
	struct config		 config;
	char			*root;	   /* the library's root folder */
	char			*data_dir; /* --data-dir, else XDG's */
	struct store		*store;	   /* by app_store() */
	struct entity_db	*entities; /* by app_entities() */
};

/* Loads the configuration in force (-c, else the XDG file; a missing
 * default file means defaults) and settles the library root: path when it
 * is a folder, else the configuration's library, else ./articles (a single
 * file keeps that root, so that its state is keyed as in the reader).  On a
 * broken configuration prints every error to stderr and returns
 * EXIT_USAGE; returns 0 when a is ready.  Free with app_free either way. */
int			 app_init(struct app *a, const struct globals *g,
			    const char *path);
void			 app_free(struct app *a);

/* The state store, opened on first use.  NULL with *cause set (allocated)
 * when it cannot be opened. */
struct store		*app_store(struct app *a, char **cause);

/* The entity database (the shipped gazetteer and the user's entities.yaml
 * in the data folder), loaded on first use.  NULL with *cause set. */
const struct entity_db	*app_entities(struct app *a, char **cause);

/* When stderr is a terminal, has o show a progress bar there while the
 * library's index is built (a cold start parses every article). */
void			 app_progress(struct library_opts *o);

#endif
