/* library_int: what library.c and library_index.c share; private. */
#ifndef INKSTONE_LIBRARY_INT_H
#define INKSTONE_LIBRARY_INT_H

#include <sys/stat.h>

#include "inkstone/library.h"

/* Called for every article file found: its path, its path relative to
 * the root, and its stat. */
typedef void (*library_found_cb)(void *arg, const char *path,
    const char *rel, const struct stat *st);

/* Walks root recursively (hidden names skipped, symbolic link loops
 * cut), calling found for each *.txt and *.md file in byte order of
 * the names within each folder.
 * Returns 0, or -1 with *cause set if root cannot be read. */
int	library_scan(const char *root, library_found_cb found, void *arg,
	    char **cause);
/* path without trailing slashes; allocated. */
char	*library_root_of(const char *path);
/* Sets e->title, ->source and ->date_iso from e->article (or the file
 * name when there is none). */
void	library_entry_meta(struct library_entry *e);

#endif
