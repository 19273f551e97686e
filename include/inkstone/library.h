/* library: a folder of articles (or one file).  Scans the folder
 * recursively for *.txt and *.md files, skipping hidden names and never
 * looping through symbolic links; sorts and filters them.  A file that
 * cannot be read or is not text stays in the library with its error, so
 * the reader can show it.
 *
 * Two ways to open one: library_open reads every article at once (small
 * libraries, one file); library_open_with keeps an index cache (libindex)
 * so that the list, its sorting and the tag and entity filters need no
 * article read, and a body is read only when library_load asks for it.
 * No curses. */
#ifndef INKSTONE_LIBRARY_H
#define INKSTONE_LIBRARY_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "inkstone/article.h"
#include "inkstone/entity.h"

struct libindex;

struct library_entry {
	char		*path;	/* the file, as opened */
	const char	*rel;	/* relative to the root: the article's
				   identity; the tail of path */
	const char	*title;	/* never NULL: the title, else the file name */
	const char	*source; /* "" when unknown */
	const char	*date_iso; /* "" when unknown */
	size_t		 ix;	/* the article in lib->index, or (size_t)-1 */
	struct article	*article; /* the parsed article; NULL when the file
				   could not be loaded, or (opened with an
				   index) not loaded yet: see library_load */
	char		*error;	/* why not loaded, or the article's own
				   ->error; NULL when clean (not owned when
				   it is the article's) */
	int		 failed; /* 1: article is NULL */
	size_t		 id;	 /* scan order: stable across sorts, for
				    the caller's per-entry arrays */
};

enum library_sort {
	LIBRARY_SORT_DATE,	/* newest first; undated last */
	LIBRARY_SORT_TITLE,	/* A to Z in the locale's order */
	LIBRARY_SORT_SOURCE,	/* A to Z; no source last */
	LIBRARY_SORT_PATH	/* by rel, byte order */
};
#define LIBRARY_NSORTS	4

struct library {
	char			*root;	/* the folder, or the file's folder */
	int			 single; /* opened on one file */
	struct library_entry	*v;
	size_t			 n;
	struct libindex		*index;	/* NULL: opened with library_open */
	char			*cache;	/* the index file, or NULL */
};

/* How library_open_with works. */
struct library_opts {
	const char		*cache_dir; /* where the index lives */
	const struct entity_db	*db;	/* entities for the index, or NULL */
	int			 no_refresh; /* trust the index as it is,
					       and without one open empty:
					       library_refresh later */
	int			 threads; /* parsers for changed files; 0: one
					     a core */
	/* Called now and then while changed files are parsed. */
	void			(*progress)(size_t done, size_t total,
				    void *arg);
	void			*arg;
	/* Set (by another thread) to stop parsing: what was parsed so far
	 * is kept in the index, and the next refresh parses the rest. */
	const atomic_int	*stop;
};

/* Opens path: a folder (scanned recursively) or one file.  Returns NULL
 * with *cause set (allocated) if path does not exist or cannot be read.
 * Free with library_free(). */
struct library	*library_open(const char *path, char **cause);
void		 library_free(struct library *lib);

/* Opens the folder path through its index in o->cache_dir: loads the
 * index, then (unless o->no_refresh) refreshes it.
 * One file is opened as library_open does.  A missing, stale or damaged
 * index is rebuilt, and one that cannot be written is only not kept.
 * Entries are in order of rel.  NULL with *cause set if path cannot be
 * read. */
struct library	*library_open_with(const char *path,
		    const struct library_opts *o, char **cause);

/* Rescans the folder and re-parses only new and changed files (by size
 * and mtime), dropping deleted ones; rewrites the index if anything
 * changed.  Returns 1 if the entries changed (they are rebuilt: pointers
 * into lib->v and its order are gone), 0 if not, -1 with *cause set if
 * the folder cannot be read (the entries stay). */
int		 library_refresh(struct library *lib,
		    const struct library_opts *o, char **cause);

/* library_refresh in two halves, for a thread that refreshes a library
 * while another shows it.  The index of root (old, or NULL) brought up to
 * date with the folder and saved to the file cache (if not NULL): a new
 * index (free with libindex_free) with *status 1 when anything changed;
 * NULL with *status 0 when nothing did; NULL with *status -1 and *cause
 * set if the folder cannot be read.  old is only read, so it may be in
 * use elsewhere as long as it is not freed meanwhile. */
struct libindex	*library_index_update(const char *root, const char *cache,
		    const struct libindex *old, const struct library_opts *o,
		    int *status, char **cause);
/* A library over ix, which it takes; cache as library_open_with keeps
 * it (may be NULL). */
struct library	*library_over_index(const char *root, const char *cache,
		    struct libindex *ix);

/* The entry's article, read now if it is not yet.  NULL (and e->failed,
 * e->error set) if it cannot be read.  The article lives with the
 * library. */
struct article	*library_load(struct library *lib, struct library_entry *e);

/* Frees the entry's article if the index can stand in for it (the entry
 * stays as the index gives it; library_load reads it again).  Does
 * nothing on a library opened without an index. */
void		 library_unload(struct library *lib, struct library_entry *e);

/* The entry's front matter tags. */
size_t		 library_ntags(const struct library *lib,
		    const struct library_entry *e);
const char	*library_tag(const struct library *lib,
		    const struct library_entry *e, size_t k);

/* Sorts the entries in by's order, or its reverse (an entry without the
 * key stays last either way); ties keep the order of rel. */
void		 library_sort(struct library *lib, enum library_sort by,
		    int reverse);
const char	*library_sort_name(enum library_sort by);

/* Fills idx (room for lib->n) with the indexes of the entries whose title
 * or body holds text (case-insensitive, see search.h), in library order;
 * returns how many.  An empty text keeps every entry. */
size_t		 library_filter_text(const struct library *lib,
		    const char *text, size_t *idx);

/* The title to show for an entry: the article's, else the file name. */
const char	*library_title(const struct library_entry *e);

#endif
