/* library: scanning, sorting and filtering a folder of articles. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "inkstone/libindex.h"
#include "inkstone/library.h"
#include "library_int.h"
#include "inkstone/search.h"
#include "inkstone/util.h"

/* Every folder scanned so far, by device and inode.  A symbolic link
 * back up would loop, and links that fan out (two in each of 30 nested
 * folders) would reach the same folders 2^30 times: each folder is
 * scanned once, under the first path that reaches it. */
struct trail {
	dev_t	*dev;
	ino_t	*ino;
	size_t	 n;
	size_t	 cap;
};

struct scan {
	size_t		 rootlen;
	struct trail	 trail;
	library_found_cb found;
	void		*arg;
};

struct loader {
	struct library	*lib;
	size_t		 cap;
};

static int
article_name(const char *name)
{
	size_t n = strlen(name);

	return (n > 4 && strcmp(name + n - 4, ".txt") == 0) ||
	    (n > 3 && strcmp(name + n - 3, ".md") == 0);
}

/* Points the entry's metadata at its loaded article (or at nothing). */
void
library_entry_meta(struct library_entry *e)
{
	const struct article	*a = e->article;
	const char		*slash;

	if (a != NULL && a->title[0] != '\0')
		e->title = a->title;
	else {
		slash = strrchr(e->rel, '/');
		e->title = slash != NULL ? slash + 1 : e->rel;
	}
	e->source = a != NULL && a->source != NULL ? a->source : "";
	e->date_iso = a != NULL ? a->date_iso : "";
}

static void
add_file(void *arg, const char *path, const char *rel, const struct stat *st)
{
	struct loader		*ld = arg;
	struct library		*lib = ld->lib;
	struct library_entry	*e;
	char			*cause = NULL;

	(void)st;
	if (lib->n == ld->cap) {
		ld->cap = ld->cap * 2 + 16;
		lib->v = xreallocarray(lib->v, ld->cap, sizeof *lib->v);
	}
	e = &lib->v[lib->n++];
	memset(e, 0, sizeof *e);
	e->id = lib->n - 1;
	e->ix = (size_t)-1;
	e->path = xstrdup(path);
	e->rel = e->path + (rel - path);
	e->article = article_load(path, &cause);
	if (e->article == NULL) {
		e->failed = 1;
		e->error = cause != NULL ? cause : xstrdup("cannot be read");
	} else
		e->error = e->article->error;
	library_entry_meta(e);
}

static int
on_trail(const struct trail *t, const struct stat *st)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (t->dev[i] == st->st_dev && t->ino[i] == st->st_ino)
			return 1;
	return 0;
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The visible names of the folder open as fd, in byte order (not the
 * locale's, so that the scan goes the same way everywhere, and nearly in
 * rel order, which libindex lookups use as a hint), and in *st their
 * stats (st_mode 0: it could not be read), each looked up in the folder's
 * descriptor rather than by its whole path: a library of 100,000 files
 * would walk every path again.  Closes fd.  *n of them. */
static char **
dir_names(int fd, struct stat **st, size_t *n)
{
	DIR		*d;
	struct dirent	*de;
	char		**v = NULL;
	size_t		 cap = 0, i;

	*n = 0;
	*st = NULL;
	if ((d = fdopendir(fd)) == NULL) {
		close(fd);
		return NULL;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		if (*n == cap) {
			cap = cap * 2 + 64;
			v = xreallocarray(v, cap, sizeof *v);
		}
		v[(*n)++] = xstrdup(de->d_name);
	}
	if (*n > 1)
		qsort(v, *n, sizeof *v, name_cmp);
	*st = xcalloc(*n + 1, sizeof **st);
	for (i = 0; i < *n; i++)
		if (fstatat(dirfd(d), v[i], &(*st)[i], 0) != 0)
			(*st)[i].st_mode = 0;
	closedir(d);
	return v;
}

/* The folder is read and closed before its subfolders are entered, so a
 * deep tree holds no descriptor a level. */
static void
scan_dir(struct scan *sc, const char *dir, const struct stat *dst)
{
	struct trail	*t = &sc->trail;
	struct stat	*st;
	char		**names, *path;
	size_t		 i, n;
	int		 fd;

	if (on_trail(t, dst))
		return;
	if (t->n == t->cap) {
		t->cap = t->cap * 2 + 8;
		t->dev = xreallocarray(t->dev, t->cap, sizeof *t->dev);
		t->ino = xreallocarray(t->ino, t->cap, sizeof *t->ino);
	}
	t->dev[t->n] = dst->st_dev;
	t->ino[t->n] = dst->st_ino;
	t->n++;
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1)
		return;
	names = dir_names(fd, &st, &n);
	for (i = 0; i < n; i++) {
		if (S_ISDIR(st[i].st_mode)) {
			path = util_path_join(dir, names[i]);
			scan_dir(sc, path, &st[i]);
			free(path);
		} else if (S_ISREG(st[i].st_mode) && article_name(names[i])) {
			path = util_path_join(dir, names[i]);
			sc->found(sc->arg, path, path + sc->rootlen, &st[i]);
			free(path);
		}
		free(names[i]);
	}
	free(names);
	free(st);
}

int
library_scan(const char *root, library_found_cb found, void *arg,
    char **cause)
{
	struct scan	 sc = { 0 };
	struct stat	 st;

	if (stat(root, &st) != 0) {
		*cause = xasprintf("%s: %s", root, strerror(errno));
		return -1;
	}
	sc.rootlen = strcmp(root, "/") == 0 ? 1 : strlen(root) + 1;
	sc.found = found;
	sc.arg = arg;
	scan_dir(&sc, root, &st);
	free(sc.trail.dev);
	free(sc.trail.ino);
	return 0;
}

/* The folder, without trailing slashes. */
char *
library_root_of(const char *path)
{
	size_t len = strlen(path);

	while (len > 1 && path[len - 1] == '/')
		len--;
	return xstrndup(path, len);
}

struct library *
library_open(const char *path, char **cause)
{
	struct loader	 ld = { 0 };
	struct library	*lib;
	struct stat	 st;
	const char	*slash;

	if (stat(path, &st) != 0) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		return NULL;
	}
	lib = xcalloc(1, sizeof *lib);
	ld.lib = lib;
	if (S_ISDIR(st.st_mode)) {
		lib->root = library_root_of(path);
		if (library_scan(lib->root, add_file, &ld, cause) == -1) {
			library_free(lib);
			return NULL;
		}
	} else {
		lib->single = 1;
		slash = strrchr(path, '/');
		lib->root = slash == NULL ? xstrdup(".") :
		    xstrndup(path, slash == path ? 1 : (size_t)(slash - path));
		add_file(&ld, path, slash == NULL ? path : slash + 1, &st);
	}
	library_sort(lib, LIBRARY_SORT_DATE, 0);
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
		if (lib->v[i].failed)
			free(lib->v[i].error);
		article_free(lib->v[i].article);
	}
	free(lib->v);
	free(lib->root);
	libindex_free(lib->index);
	free(lib->cache);
	free(lib);
}

const char *
library_title(const struct library_entry *e)
{
	return e->title;
}

/*
 * The comparators take the direction as qsort_r's argument: reversing
 * flips the key only, so entries without one (no date, no source) stay
 * last and ties stay in the order of rel either way.
 */
static int
by_rel(const void *a, const void *b, void *arg)
{
	const int *reverse = arg;
	int r = strcmp(((const struct library_entry *)a)->rel,
	    ((const struct library_entry *)b)->rel);

	return reverse != NULL && *reverse ? -r : r;
}

/* Empty keys last, then key order (flipped by *reverse), then rel. */
static int
by_key(const void *a, const void *b, const char *ka, const char *kb,
    int coll, const int *reverse)
{
	int r;

	if (*ka == '\0' || *kb == '\0')
		r = (*ka == '\0') - (*kb == '\0');
	else {
		r = coll ? strcoll(ka, kb) : strcmp(ka, kb);
		if (*reverse)
			r = -r;
	}
	return r != 0 ? r : by_rel(a, b, NULL);
}

static int
by_title(const void *a, const void *b, void *arg)
{
	return by_key(a, b, library_title(a), library_title(b), 1, arg);
}

static int
by_source(const void *a, const void *b, void *arg)
{
	return by_key(a, b, ((const struct library_entry *)a)->source,
	    ((const struct library_entry *)b)->source, 1, arg);
}

/* A date as a number that sorts as the string does ("YYYY-MM-DD HH:MM",
 * any prefix of it): eight bits a character from the left.  0: none. */
static uint64_t
date_key(const char *d)
{
	uint64_t	k = 0;
	int		i;

	for (i = 0; i < 8; i++)
		k = k << 8 | (unsigned char)(*d != '\0' ? *d++ : 0);
	return k;
}

struct dkey {
	uint64_t			 hi, lo;	/* the date's 16 bytes */
	const struct library_entry	*e;
	int				 by_id;	/* ids are in rel order */
};

static int
by_dkey(const void *a, const void *b, void *arg)
{
	const struct dkey	*x = a, *y = b;
	const int		*reverse = arg;
	int			 r;

	if (x->hi == 0 || y->hi == 0)
		r = (x->hi == 0) - (y->hi == 0);
	else {
		r = x->hi != y->hi ? (x->hi < y->hi ? 1 : -1) :
		    x->lo != y->lo ? (x->lo < y->lo ? 1 : -1) : 0;
		if (*reverse)
			r = -r;
	}
	if (r != 0)
		return r;
	if (x->by_id)
		return x->e->id < y->e->id ? -1 : x->e->id > y->e->id;
	return strcmp(x->e->rel, y->e->rel);
}

/* By date through keys made once: a comparison is two integers, not a
 * strcmp, and qsort moves 24 bytes, not entries (100,000 articles at
 * every start). */
static void
sort_by_date(struct library *lib, int reverse)
{
	struct dkey		*k;
	struct library_entry	*v;
	size_t			 i;

	/* Many articles share a date: through an index, ids follow rel
	 * (libindex keeps rel order), so ties cost no strcmp. */
	k = xcalloc(lib->n, sizeof *k);
	for (i = 0; i < lib->n; i++) {
		k[i].e = &lib->v[i];
		k[i].by_id = lib->index != NULL;
		k[i].hi = date_key(lib->v[i].date_iso);
		k[i].lo = strlen(lib->v[i].date_iso) > 8 ?
		    date_key(lib->v[i].date_iso + 8) : 0;
	}
	qsort_r(k, lib->n, sizeof *k, by_dkey, &reverse);
	v = xcalloc(lib->n + 1, sizeof *v);
	for (i = 0; i < lib->n; i++)
		v[i] = *k[i].e;
	free(lib->v);
	lib->v = v;
	free(k);
}

void
library_sort(struct library *lib, enum library_sort by, int reverse)
{
	int (*cmp)(const void *, const void *, void *);

	if (by == LIBRARY_SORT_DATE && lib->n > 1) {
		sort_by_date(lib, reverse);
		return;
	}

	switch (by) {
	case LIBRARY_SORT_TITLE:
		cmp = by_title;
		break;
	case LIBRARY_SORT_SOURCE:
		cmp = by_source;
		break;
	default:	/* by path; by date is sort_by_date's */
		cmp = by_rel;
		break;
	}
	if (lib->n > 1)
		qsort_r(lib->v, lib->n, sizeof *lib->v, cmp, &reverse);
}

const char *
library_sort_name(enum library_sort by)
{
	switch (by) {
	case LIBRARY_SORT_TITLE:
		return "title";
	case LIBRARY_SORT_SOURCE:
		return "source";
	case LIBRARY_SORT_PATH:
		return "path";
	default:
		return "date";
	}
}

static int
entry_matches(const struct library_entry *e, const struct search *s)
{
	const char	*t = library_title(e);
	struct article	*a = e->article;
	char		*cause = NULL, *raw;
	size_t		 i, len, body;
	int		 found = 0;

	if (search_contains(s, t, strlen(t)))
		return 1;
	/* A body not loaded is read for the search and let go again, so a
	 * search of a large library does not keep it all in memory.  The
	 * raw bytes answer first where they can: no (the prefilter) and,
	 * after front matter, yes; the article is parsed only between. */
	if (a == NULL && !e->failed && e->ix != (size_t)-1) {
		raw = util_read_file(e->path, ARTICLE_MAX_SIZE, &len, &cause);
		if (raw != NULL && search_may_contain(s, raw, len)) {
			if ((body = article_body_offset(raw, len)) > 0 &&
			    search_in_body(s, raw + body))
				found = 1;
			else
				a = article_read(e->path, raw, len, &cause);
		}
		free(raw);
		free(cause);
	}
	for (i = 0; a != NULL && i < a->npara && !found; i++)
		found = search_contains(s, a->paras[i].text, a->paras[i].len);
	if (a != e->article)
		article_free(a);
	return found;
}

struct filter_job {
	const struct library	*lib;
	const struct search	*s;
	unsigned char		*hit;
	size_t			 next;	/* next entry to test, under lock */
	pthread_mutex_t		 lock;
};

static void *
filter_worker(void *arg)
{
	struct filter_job	*j = arg;
	size_t			 i, end;

	for (;;) {
		/* Runs of 64 entries: few lock round trips, even shares. */
		pthread_mutex_lock(&j->lock);
		i = j->next;
		j->next += 64;
		pthread_mutex_unlock(&j->lock);
		if (i >= j->lib->n)
			return NULL;
		end = i + 64 < j->lib->n ? i + 64 : j->lib->n;
		for (; i < end; i++)
			j->hit[i] = (unsigned char)entry_matches(&j->lib->v[i],
			    j->s);
	}
}

size_t
library_filter_text(const struct library *lib, const char *text,
    size_t *idx)
{
	struct filter_job	 j;
	pthread_t		 tid[7];
	size_t			 i, n = 0;
	long			 cpus = sysconf(_SC_NPROCESSORS_ONLN);
	int			 k, started = 0;

	memset(&j, 0, sizeof j);
	if ((j.s = search_new(text)) == NULL) {
		for (i = 0; i < lib->n; i++)
			idx[i] = i;
		return lib->n;
	}
	/* Bodies not in memory are read from disk: one reader a core. */
	j.lib = lib;
	j.hit = xcalloc(lib->n + 1, 1);
	pthread_mutex_init(&j.lock, NULL);
	for (k = 1; k < cpus && k <= 7 && lib->n > 64; k++)
		if (pthread_create(&tid[started], NULL, filter_worker, &j) == 0)
			started++;
	filter_worker(&j);
	for (k = 0; k < started; k++)
		pthread_join(tid[k], NULL);
	pthread_mutex_destroy(&j.lock);
	for (i = 0; i < lib->n; i++)
		if (j.hit[i])
			idx[n++] = i;
	free(j.hit);
	search_free((struct search *)(uintptr_t)j.s);
	return n;
}
