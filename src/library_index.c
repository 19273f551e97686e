/* library_index: a library opened through its index cache; bodies read
 * when asked for. */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "inkstone/libindex.h"
#include "inkstone/library.h"
#include "inkstone/store.h"
#include "inkstone/util.h"
#include "library_int.h"

#define CHUNK		256	/* files parsed between two writer updates */
#define MAX_THREADS	8

/* A file found by the scan. */
struct found {
	char		*path;
	const char	*rel;		/* the tail of path */
	uint64_t	 size;
	int64_t		 mtime_ns;
};

struct founds {
	struct found	*v;
	size_t		 n;
	size_t		 cap;
};

/* One changed file, parsed by a worker. */
struct parsed {
	const struct found	*f;
	struct article		*a;
	char			*cause;
	uint64_t		 hash;
	struct entity_set	*set;
};

struct chunk {
	struct parsed		*v;
	size_t			 n;
	size_t			 next;	/* the next to take, under lock */
	pthread_mutex_t		 lock;
	const struct entity_db	*db;
};

static void
record(void *arg, const char *path, const char *rel, const struct stat *st)
{
	struct founds	*fs = arg;
	struct found	*f;

	if (fs->n == fs->cap) {
		fs->cap = fs->cap * 2 + 256;
		fs->v = xreallocarray(fs->v, fs->cap, sizeof *fs->v);
	}
	f = &fs->v[fs->n++];
	f->path = xstrdup(path);
	f->rel = f->path + (rel - path);
	f->size = (uint64_t)st->st_size;
	f->mtime_ns = (int64_t)st->st_mtim.tv_sec * 1000000000 +
	    st->st_mtim.tv_nsec;
}

static void
founds_free(struct founds *fs)
{
	size_t i;

	for (i = 0; i < fs->n; i++)
		free(fs->v[i].path);
	free(fs->v);
}

static void
parse_one(struct parsed *p, const struct entity_db *db)
{
	char	*buf;
	size_t	 len;

	buf = util_read_file(p->f->path, ARTICLE_MAX_SIZE, &len, &p->cause);
	if (buf == NULL)
		return;
	p->hash = store_hash(buf, len);
	p->a = article_read(p->f->path, buf, len, &p->cause);
	free(buf);
	if (p->a != NULL && db != NULL)
		p->set = entity_extract_article(db, p->a);
}

static void *
worker(void *arg)
{
	struct chunk	*c = arg;
	size_t		 i;

	for (;;) {
		pthread_mutex_lock(&c->lock);
		i = c->next++;
		pthread_mutex_unlock(&c->lock);
		if (i >= c->n)
			return NULL;
		parse_one(&c->v[i], c->db);
	}
}

static int
nthreads(const struct library_opts *o)
{
	long n = o->threads > 0 ? o->threads : sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > MAX_THREADS ? MAX_THREADS : (int)n;
}

/* Parses the changed files in chunks over the worker threads and adds
 * each to the writer in order, so that memory holds one chunk at most. */
static void
parse_changed(struct libindex_writer *w, struct found *const *changed,
    size_t n, const struct library_opts *o)
{
	pthread_t		 tid[MAX_THREADS];
	struct chunk		 c;
	struct libindex_article	 la;
	struct parsed		*p;
	size_t			 done, i;
	int			 k, nt = nthreads(o), started;

	memset(&c, 0, sizeof c);
	pthread_mutex_init(&c.lock, NULL);
	c.db = o->db;
	c.v = xcalloc(CHUNK, sizeof *c.v);
	for (done = 0; done < n; done += c.n) {
		c.n = n - done < CHUNK ? n - done : CHUNK;
		c.next = 0;
		memset(c.v, 0, c.n * sizeof *c.v);
		for (i = 0; i < c.n; i++)
			c.v[i].f = changed[done + i];
		started = 0;
		for (k = 1; k < nt && c.n > 1; k++)
			if (pthread_create(&tid[started], NULL, worker, &c) == 0)
				started++;
		worker(&c);
		for (k = 0; k < started; k++)
			pthread_join(tid[k], NULL);
		for (i = 0; i < c.n; i++) {
			p = &c.v[i];
			memset(&la, 0, sizeof la);
			la.rel = p->f->rel;
			la.size = p->f->size;
			la.mtime_ns = p->f->mtime_ns;
			la.hash = p->hash;
			if (p->a == NULL) {
				la.failed = 1;
				la.error = p->cause != NULL ? p->cause :
				    "cannot be read";
			} else {
				la.title = p->a->title;
				la.title_derived = p->a->title_derived;
				la.source = p->a->source;
				la.date_iso = p->a->date_iso;
				la.error = p->a->error;
				la.tags = (const char *const *)p->a->tags;
				la.ntags = p->a->ntags;
			}
			libindex_writer_add(w, &la, p->set);
			article_free(p->a);
			entity_set_free(p->set);
			free(p->cause);
		}
		if (o->progress != NULL)
			o->progress(done + c.n, n, o->arg);
		if (o->stop != NULL && *o->stop)
			break;
	}
	free(c.v);
	pthread_mutex_destroy(&c.lock);
}

static void
entries_free(struct library *lib)
{
	size_t i;

	for (i = 0; i < lib->n; i++) {
		free(lib->v[i].path);
		if (lib->v[i].failed)
			free(lib->v[i].error);
		article_free(lib->v[i].article);
	}
	free(lib->v);
	lib->v = NULL;
	lib->n = 0;
}

/* The entries, one an article of the index, in its order. */
static void
entries_from_index(struct library *lib)
{
	struct libindex_article	 a;
	struct library_entry	*e;
	size_t			 i;

	entries_free(lib);
	lib->n = libindex_count(lib->index);
	lib->v = xcalloc(lib->n + 1, sizeof *lib->v);
	for (i = 0; i < lib->n; i++) {
		libindex_get(lib->index, i, &a);
		e = &lib->v[i];
		e->id = e->ix = i;
		e->path = util_path_join(lib->root, a.rel);
		e->rel = e->path + strlen(e->path) - strlen(a.rel);
		library_entry_meta(e);
		if (a.title[0] != '\0')
			e->title = a.title;
		e->source = a.source;
		e->date_iso = a.date_iso;
		e->failed = a.failed;
		/* Owned when failed, as library_open's are; else the
		 * index's (a problem in an article that is still shown). */
		if (a.failed)
			e->error = xstrdup(a.error != NULL ? a.error : "");
		else
			e->error = (char *)(uintptr_t)a.error;
	}
}

/* The article with this rel in ix: the scan mostly goes in the index's
 * order, so the one after the last found is tried first. */
static size_t
find_near(const struct libindex *ix, const char *rel, size_t *hint)
{
	struct libindex_article	a;
	size_t			k;

	if (*hint < libindex_count(ix)) {
		libindex_get(ix, *hint, &a);
		if (strcmp(a.rel, rel) == 0)
			return (*hint)++;
	}
	if ((k = libindex_find(ix, rel)) != (size_t)-1)
		*hint = k + 1;
	return k;
}

struct libindex *
library_index_update(const char *root, const char *cache,
    const struct libindex *old, const struct library_opts *o, int *status,
    char **cause)
{
	struct libindex_writer	 *w;
	struct libindex		 *ix;
	const struct libindex	 *prev;
	struct founds		  fs = { 0 };
	struct found		**changed;
	size_t			 *kept;
	struct libindex_article	  a;
	size_t			  i, k, nchanged = 0, nfresh = 0, hint = 0;
	uint64_t		  fp;
	char			 *why = NULL;
	int			  stale;

	*status = 0;
	if (library_scan(root, record, &fs, cause) == -1) {
		*status = -1;
		return NULL;
	}
	/*
	 * An article's entities depend on its file and on the entity
	 * database (the shipped gazetteer and the user's entities.yaml).
	 * The index records the database's fingerprint, a hash of those
	 * files' bytes and of the rules' version (a newer build may find
	 * other entities): when the database in use has another, every
	 * article's entities are stale and every file is parsed again, so
	 * an entity added, merged or ignored (from the reader or by hand)
	 * reaches every article, `inkstone entities` and `list --entity`.
	 * Re-extracting only the articles that mention a changed name would
	 * be cheaper, but a new name may be in any article: the index holds
	 * no text to look for it in.  Without a database (o->db NULL) the
	 * entities are not asked for and the old ones stand.
	 */
	fp = o->db != NULL ? entity_db_fingerprint(o->db) : 0;
	stale = old != NULL && o->db != NULL && libindex_entities(old) != fp;
	/* Entities found damaged since the load: parse everything again. */
	prev = old != NULL && !stale && !libindex_entities_bad(old) ? old :
	    NULL;
	/* Which files the index still describes (kept[i]: its article in
	 * old, or -1); nothing is built when all of them are. */
	changed = xcalloc(fs.n + 1, sizeof *changed);
	kept = xcalloc(fs.n + 1, sizeof *kept);
	for (i = 0; i < fs.n; i++) {
		k = prev != NULL ? find_near(prev, fs.v[i].rel, &hint) :
		    (size_t)-1;
		if (k != (size_t)-1)
			libindex_get(prev, k, &a);
		if (k != (size_t)-1 && a.size == fs.v[i].size &&
		    a.mtime_ns == fs.v[i].mtime_ns) {
			kept[i] = k;
			nfresh++;
		} else {
			kept[i] = (size_t)-1;
			changed[nchanged++] = &fs.v[i];
		}
	}
	if (prev != NULL && nchanged == 0 && nfresh == libindex_count(prev)) {
		free(kept);
		free(changed);
		founds_free(&fs);
		return NULL;
	}
	/* The kept articles' entities are copied: check them first. */
	if (prev != NULL && libindex_entity_count(prev) == 0 &&
	    libindex_entities_bad(prev))
		for (i = 0; i < fs.n; i++)
			if (kept[i] != (size_t)-1) {
				kept[i] = (size_t)-1;
				changed[nchanged++] = &fs.v[i];
			}
	w = libindex_writer_new(root);
	for (i = 0; i < fs.n; i++)
		if (kept[i] != (size_t)-1)
			libindex_writer_add_from(w, prev, kept[i]);
	free(kept);
	/* Articles parsed without a database have no entities: the
	 * fingerprint is then unknown, so that the next refresh with one
	 * extracts them all. */
	if (o->db == NULL)
		fp = nchanged == 0 && old != NULL ? libindex_entities(old) : 0;
	libindex_writer_set_entities(w, fp);
	parse_changed(w, changed, nchanged, o);
	ix = libindex_writer_finish(w);
	libindex_writer_free(w);
	free(changed);
	founds_free(&fs);
	if (ix == NULL) {
		*cause = xasprintf("%s: library too large to index", root);
		*status = -1;
		return NULL;
	}
	/* The cache is disposable: failing to keep it is not an error. */
	if (cache != NULL && (util_mkdirs(o->cache_dir, 0700) == -1 ||
	    libindex_save(ix, cache, &why) == -1))
		free(why);
	*status = 1;
	return ix;
}

int
library_refresh(struct library *lib, const struct library_opts *o,
    char **cause)
{
	struct libindex	*ix;
	int		 status;

	ix = library_index_update(lib->root, lib->cache, lib->index, o,
	    &status, cause);
	if (ix == NULL)
		return status;
	entries_free(lib);
	libindex_free(lib->index);
	lib->index = ix;
	entries_from_index(lib);
	return 1;
}

struct library *
library_over_index(const char *root, const char *cache, struct libindex *ix)
{
	struct library *lib = xcalloc(1, sizeof *lib);

	lib->root = xstrdup(root);
	lib->cache = cache != NULL ? xstrdup(cache) : NULL;
	lib->index = ix;
	entries_from_index(lib);
	return lib;
}

struct library *
library_open_with(const char *path, const struct library_opts *o,
    char **cause)
{
	struct library	*lib;
	struct stat	 st;

	if (stat(path, &st) != 0) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		return NULL;
	}
	if (!S_ISDIR(st.st_mode))
		return library_open(path, cause);
	lib = xcalloc(1, sizeof *lib);
	lib->root = library_root_of(path);
	if (o->cache_dir != NULL) {
		lib->cache = libindex_path(o->cache_dir, lib->root);
		lib->index = libindex_load(lib->cache, lib->root);
	}
	if (lib->index != NULL)
		entries_from_index(lib);
	if (!o->no_refresh && library_refresh(lib, o, cause) == -1) {
		library_free(lib);
		return NULL;
	}
	return lib;
}

struct article *
library_load(struct library *lib, struct library_entry *e)
{
	char *cause = NULL;

	(void)lib;
	if (e->article != NULL || e->failed)
		return e->article;
	e->article = article_load(e->path, &cause);
	if (e->article == NULL) {
		e->failed = 1;
		e->error = cause != NULL ? cause : xstrdup("cannot be read");
		return NULL;
	}
	e->error = e->article->error;
	/* The title, source and date stay the index's until the next
	 * refresh, which sees the change too. */
	return e->article;
}

void
library_unload(struct library *lib, struct library_entry *e)
{
	struct libindex_article a;

	/* Without an index nothing could say what the entry was. */
	if (lib->index == NULL || e->ix == (size_t)-1 || e->article == NULL)
		return;
	article_free(e->article);
	e->article = NULL;
	libindex_get(lib->index, e->ix, &a);
	e->error = (char *)(uintptr_t)a.error;
}

size_t
library_ntags(const struct library *lib, const struct library_entry *e)
{
	struct libindex_article a;

	if (e->article != NULL)
		return e->article->ntags;
	if (lib->index == NULL || e->ix == (size_t)-1)
		return 0;
	libindex_get(lib->index, e->ix, &a);
	return a.ntags;
}

const char *
library_tag(const struct library *lib, const struct library_entry *e,
    size_t k)
{
	if (e->article != NULL)
		return e->article->tags[k];
	return libindex_tag(lib->index, e->ix, k);
}
