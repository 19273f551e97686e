/* library: a folder of articles (or one file).  Scans the folder
 * recursively for *.txt and *.md files, skipping hidden names and never
 * looping through symbolic links; loads each article once; sorts them and
 * filters them.  A file that cannot be read or is not text stays in the
 * library with its error, so the reader can show it.  No curses. */
#ifndef INKSTONE_LIBRARY_H
#define INKSTONE_LIBRARY_H

#include <stddef.h>

#include "inkstone/article.h"

struct library_entry {
	char		*path;	/* the file, as opened */
	char		*rel;	/* relative to the root: the article's identity */
	struct article	*article; /* NULL when the file could not be loaded */
	char		*error;	/* why not loaded, or the article's own
				   ->error; NULL when clean (not owned when
				   it is the article's) */
	int		 failed; /* 1: article is NULL */
	size_t		 id;	 /* scan order: stable across sorts, for
				    the caller's per-entry arrays */
};

enum library_sort {
	LIBRARY_SORT_DATE,	/* newest first; undated last */
	LIBRARY_SORT_TITLE,
	LIBRARY_SORT_SOURCE
};

struct library {
	char			*root;	/* the folder, or the file's folder */
	int			 single; /* opened on one file */
	struct library_entry	*v;
	size_t			 n;
};

/* Opens path: a folder (scanned recursively) or one file.  Returns NULL
 * with *cause set (allocated) if path does not exist or cannot be read.
 * Free with library_free(). */
struct library	*library_open(const char *path, char **cause);
void		 library_free(struct library *lib);

/* Sorts the entries; ties keep the order of rel. */
void		 library_sort(struct library *lib, enum library_sort by);
const char	*library_sort_name(enum library_sort by);

/* Fills idx (room for lib->n) with the indexes of the entries whose title
 * or body holds text (case-insensitive, see search.h), in library order;
 * returns how many.  An empty text keeps every entry. */
size_t		 library_filter_text(const struct library *lib,
		    const char *text, size_t *idx);

/* The title to show for an entry: the article's, else the file name. */
const char	*library_title(const struct library_entry *e);

#endif
