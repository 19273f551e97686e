/* library: scanning, sorting and filtering a folder of articles. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "inkstone/library.h"
#include "inkstone/search.h"
#include "inkstone/util.h"

/* Every folder scanned so far, by device and inode.  A symbolic link
 * back up would loop, and links that fan out (two in each of 30 nested
 * folders) would reach the same folders 2^30 times: each folder is
 * scanned once, under the first path that reaches it. */
struct visited {
	dev_t	*dev;
	ino_t	*ino;
	size_t	 n;
	size_t	 cap;
};

struct scan {
	struct library	*lib;
	size_t		 cap;
	size_t		 rootlen;
	struct visited	 visited;
};

static int
article_name(const char *name)
{
	size_t n = strlen(name);

	return (n > 4 && strcmp(name + n - 4, ".txt") == 0) ||
	    (n > 3 && strcmp(name + n - 3, ".md") == 0);
}

static void
add_file(struct scan *sc, const char *path, const char *rel)
{
	struct library		*lib = sc->lib;
	struct library_entry	*e;
	char			*cause = NULL;

	if (lib->n == sc->cap) {
		sc->cap = sc->cap * 2 + 16;
		lib->v = xreallocarray(lib->v, sc->cap, sizeof *lib->v);
	}
	e = &lib->v[lib->n++];
	memset(e, 0, sizeof *e);
	e->id = lib->n - 1;
	e->path = xstrdup(path);
	e->rel = xstrdup(rel);
	e->article = article_load(path, &cause);
	if (e->article == NULL) {
		e->failed = 1;
		e->error = cause != NULL ? cause : xstrdup("cannot be read");
	} else
		e->error = e->article->error;
}

static int
visited_before(const struct visited *t, const struct stat *st)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (t->dev[i] == st->st_dev && t->ino[i] == st->st_ino)
			return 1;
	return 0;
}

static void
scan_dir(struct scan *sc, const char *dir, const struct stat *dst)
{
	struct visited	*t = &sc->visited;
	struct dirent	**names;
	struct stat	 st;
	char		*path;
	int		 i, n;

	if (visited_before(t, dst))
		return;
	if (t->n == t->cap) {
		t->cap = t->cap * 2 + 8;
		t->dev = xreallocarray(t->dev, t->cap, sizeof *t->dev);
		t->ino = xreallocarray(t->ino, t->cap, sizeof *t->ino);
	}
	t->dev[t->n] = dst->st_dev;
	t->ino[t->n] = dst->st_ino;
	t->n++;
	/* scandir sorts, so the scan order (and ties later) is stable. */
	n = scandir(dir, &names, NULL, alphasort);
	for (i = 0; i < n; i++) {
		if (names[i]->d_name[0] == '.') {
			free(names[i]);
			continue;
		}
		path = util_path_join(dir, names[i]->d_name);
		if (stat(path, &st) == 0) {
			if (S_ISDIR(st.st_mode))
				scan_dir(sc, path, &st);
			else if (S_ISREG(st.st_mode) &&
			    article_name(names[i]->d_name))
				add_file(sc, path, path + sc->rootlen);
		}
		free(path);
		free(names[i]);
	}
	if (n >= 0)
		free(names);
}

struct library *
library_open(const char *path, char **cause)
{
	struct scan	 sc = { 0 };
	struct library	*lib;
	struct stat	 st;
	const char	*slash;
	char		*root;
	size_t		 len;

	if (stat(path, &st) != 0) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		return NULL;
	}
	lib = xcalloc(1, sizeof *lib);
	sc.lib = lib;
	if (S_ISDIR(st.st_mode)) {
		len = strlen(path);
		while (len > 1 && path[len - 1] == '/')
			len--;
		lib->root = xstrndup(path, len);
		root = xasprintf("%s/", lib->root);
		sc.rootlen = strcmp(lib->root, "/") == 0 ? 1 : strlen(root);
		free(root);
		scan_dir(&sc, lib->root, &st);
		free(sc.visited.dev);
		free(sc.visited.ino);
	} else {
		lib->single = 1;
		slash = strrchr(path, '/');
		lib->root = slash == NULL ? xstrdup(".") :
		    xstrndup(path, slash == path ? 1 : (size_t)(slash - path));
		add_file(&sc, path, slash == NULL ? path : slash + 1);
	}
	library_sort(lib, LIBRARY_SORT_DATE);
	return lib;
}

void
library_free(struct library *lib)
{
	size_t i;

	if (lib == NULL)
		return;
	for (i = 0; i < lib->n; i++) {
		free(lib->v[i].path);
		free(lib->v[i].rel);
		if (lib->v[i].failed)
			free(lib->v[i].error);
		article_free(lib->v[i].article);
	}
	free(lib->v);
	free(lib->root);
	free(lib);
}

const char *
library_title(const struct library_entry *e)
{
	const char *slash;

	if (e->article != NULL && e->article->title[0] != '\0')
		return e->article->title;
	slash = strrchr(e->rel, '/');
	return slash != NULL ? slash + 1 : e->rel;
}

static const char *
source_of(const struct library_entry *e)
{
	if (e->article != NULL && e->article->source != NULL)
		return e->article->source;
	return "";
}

static const char *
date_of(const struct library_entry *e)
{
	return e->article != NULL ? e->article->date_iso : "";
}

static int
by_rel(const void *a, const void *b)
{
	return strcmp(((const struct library_entry *)a)->rel,
	    ((const struct library_entry *)b)->rel);
}

static int
by_date(const void *a, const void *b)
{
	const char	*da = date_of(a), *db = date_of(b);
	int		 r;

	if (*da == '\0' || *db == '\0')
		r = (*da == '\0') - (*db == '\0');
	else
		r = -strcmp(da, db);
	return r != 0 ? r : by_rel(a, b);
}

static int
by_title(const void *a, const void *b)
{
	int r = strcoll(library_title(a), library_title(b));

	return r != 0 ? r : by_rel(a, b);
}

static int
by_source(const void *a, const void *b)
{
	const char	*sa = source_of(a), *sb = source_of(b);
	int		 r;

	if (*sa == '\0' || *sb == '\0')
		r = (*sa == '\0') - (*sb == '\0');
	else
		r = strcoll(sa, sb);
	return r != 0 ? r : by_date(a, b);
}

void
library_sort(struct library *lib, enum library_sort by)
{
	int (*cmp)(const void *, const void *);

	switch (by) {
	case LIBRARY_SORT_TITLE:
		cmp = by_title;
		break;
	case LIBRARY_SORT_SOURCE:
		cmp = by_source;
		break;
	default:
		cmp = by_date;
		break;
	}
	if (lib->n > 1)
		qsort(lib->v, lib->n, sizeof *lib->v, cmp);
}

const char *
library_sort_name(enum library_sort by)
{
	switch (by) {
	case LIBRARY_SORT_TITLE:
		return "title";
	case LIBRARY_SORT_SOURCE:
		return "source";
	default:
		return "date";
	}
}

static int
entry_matches(const struct library_entry *e, const struct search *s)
{
	const char	*t = library_title(e);
	size_t		 i;

	if (search_contains(s, t, strlen(t)))
		return 1;
	if (e->article == NULL)
		return 0;
	for (i = 0; i < e->article->npara; i++)
		if (search_contains(s, e->article->paras[i].text,
		    e->article->paras[i].len))
			return 1;
	return 0;
}

size_t
library_filter_text(const struct library *lib, const char *text,
    size_t *idx)
{
	struct search	*s;
	size_t		 i, n = 0;

	s = search_new(text);
	for (i = 0; i < lib->n; i++)
		if (s == NULL || entry_matches(&lib->v[i], s))
			idx[n++] = i;
	search_free(s);
	return n;
}
