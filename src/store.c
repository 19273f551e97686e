/* store: the state files on disk -- reading, locking, merging and saving.
 * The article-level API (tags, highlights, identity) is in store_api.c.
 *
 * In memory each file is an array of entries sorted by key.  A change is
 * applied to the array and also kept as an operation until it is saved.  A
 * save takes the lock, re-reads the file when another instance wrote it
 * since we last looked (then replays our operations on what it read), and
 * writes the concatenated per-entry YAML fragments atomically. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "inkstone/util.h"
#include "store_int.h"

static const char *file_names[STORE_NFILES] = { "tags.yaml",
    "highlights.yaml" };

uint64_t
store_hash(const void *buf, size_t len)
{
	const unsigned char	*p = buf;
	uint64_t		 h = 0xcbf29ce484222325ULL;

	while (len-- > 0) {
		h ^= *p++;
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* The hash store.lock keeps of each file as saved: eight bytes a step, for
 * files of megabytes.  Only ever compared with itself on this machine, and
 * a mismatch only costs re-emitting, so byte order does not matter. */
static uint64_t
file_hash(const void *buf, size_t len)
{
	const unsigned char	*p = buf;
	uint64_t		 h = 0x9e3779b97f4a7c15ULL ^ len, w;

	for (; len >= 8; p += 8, len -= 8) {
		memcpy(&w, p, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdULL;
		h ^= h >> 32;
	}
	w = 0;
	memcpy(&w, p, len);
	h = (h ^ w) * 0xc4ceb9fe1a85ec53ULL;
	return h ^ h >> 29;
}

/* Binary search: the index of key, or where it would go (*found 0). */
size_t
sfile_find(const struct sfile *f, const char *key, int *found)
{
	size_t	lo = 0, hi = f->n, mid;
	int	c;

	*found = 0;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = strcmp(f->e[mid]->key, key);
		if (c == 0) {
			*found = 1;
			return mid;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

struct sentry *
sfile_get(struct sfile *f, const char *key)
{
	int	found;
	size_t	i = sfile_find(f, key, &found);

	return found ? f->e[i] : NULL;
}

struct sentry *
sfile_get_or_add(struct sfile *f, const char *key)
{
	int	found;
	size_t	i = sfile_find(f, key, &found);

	if (found)
		return f->e[i];
	if (f->n == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 64;
		f->e = xreallocarray(f->e, f->cap, sizeof *f->e);
	}
	memmove(f->e + i + 1, f->e + i, (f->n - i) * sizeof *f->e);
	f->e[i] = xcalloc(1, sizeof **f->e);
	f->e[i]->key = xstrdup(key);
	f->n++;
	f->changed = 1;
	return f->e[i];
}

/* Drops e when it holds nothing worth a line in the file. */
void
sfile_tidy(struct sfile *f, struct sentry *e)
{
	int	found;
	size_t	i;

	if (e->ntags > 0 || e->read || e->nhl > 0 || e->extra != NULL)
		return;
	i = sfile_find(f, e->key, &found);
	if (!found || f->e[i] != e)
		return;
	sentry_free(e);
	memmove(f->e + i, f->e + i + 1, (f->n - i - 1) * sizeof *f->e);
	f->n--;
	f->changed = 1;
}

static void
sfile_clear(struct sfile *f)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		sentry_free(f->e[i]);
	free(f->e);
	f->e = NULL;
	f->n = f->cap = 0;
	f->changed = 1;
}

static int
same_str(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/* Two entries that would be written the same way. */
static int
same_entry(const struct sentry *a, const struct sentry *b)
{
	size_t i;

	if (a->hash != b->hash || a->read != b->read ||
	    a->ntags != b->ntags || a->nhl != b->nhl ||
	    a->extra != NULL || b->extra != NULL)
		return 0;
	for (i = 0; i < a->ntags; i++)
		if (strcmp(a->tags[i], b->tags[i]) != 0)
			return 0;
	for (i = 0; i < a->nhl; i++) {
		const struct store_highlight *x = &a->hl[i], *y = &b->hl[i];

		if (strcmp(x->id, y->id) != 0 || !same_str(x->quote,
		    y->quote) || !same_str(x->before, y->before) ||
		    !same_str(x->after, y->after) || !same_str(x->note,
		    y->note) || x->para != y->para ||
		    x->offset != y->offset || x->created != y->created)
			return 0;
	}
	return 1;
}

/* store.lock holds, per file, a save count and the FNV-1a hash of what
 * that save wrote (big-endian, 8 bytes each: counts first), updated under
 * the lock after each save.  The count makes another instance's save
 * visible even when the new file happens to match the old one's inode
 * number, size and times; the hash (file_hash) tells a file exactly as
 * inkstone wrote it, whose entries can be reused as fragments, from a
 * hand-edited one. */
#define LOCK_BYTES	(16 * STORE_NFILES)

static void
read_lock(const struct store *s, uint64_t v[2 * STORE_NFILES])
{
	unsigned char	b[LOCK_BYTES];
	int		i, k;

	if (pread(s->lockfd, b, sizeof b, 0) != (ssize_t)sizeof b)
		memset(b, 0, sizeof b);
	for (k = 0; k < 2 * STORE_NFILES; k++)
		for (v[k] = 0, i = 0; i < 8; i++)
			v[k] = v[k] << 8 | b[8 * k + i];
}

static uint64_t
read_gen(const struct store *s, const struct sfile *f)
{
	uint64_t v[2 * STORE_NFILES];

	read_lock(s, v);
	return v[f->kind];
}

static void
bump_gen(const struct store *s, struct sfile *f, uint64_t hash)
{
	unsigned char	b[LOCK_BYTES];
	uint64_t	v[2 * STORE_NFILES], x;
	int		i, k;

	read_lock(s, v);
	v[f->kind]++;
	v[STORE_NFILES + f->kind] = hash;
	for (k = 0; k < 2 * STORE_NFILES; k++)
		for (x = v[k], i = 7; i >= 0; i--, x >>= 8)
			b[8 * k + i] = (unsigned char)x;
	if (pwrite(s->lockfd, b, sizeof b, 0) == (ssize_t)sizeof b)
		f->gen = v[f->kind];
}

static void
remember_stat(struct sfile *f)
{
	struct stat st;

	if (stat(f->path, &st) == -1) {
		f->seen = errno == ENOENT ? SEEN_MISSING : SEEN_UNKNOWN;
		return;
	}
	f->seen = SEEN_FILE;
	f->st_dev = st.st_dev;
	f->st_ino = st.st_ino;
	f->st_size = st.st_size;
	f->st_mtim = st.st_mtim;
	f->st_ctim = st.st_ctim;
}

int
sfile_changed_on_disk(const struct store *s, const struct sfile *f)
{
	struct stat st;

	if (read_gen(s, f) != f->gen)
		return 1;
	if (stat(f->path, &st) == -1)
		return !(errno == ENOENT && f->seen == SEEN_MISSING);
	return f->seen != SEEN_FILE || st.st_dev != f->st_dev ||
	    st.st_ino != f->st_ino || st.st_size != f->st_size ||
	    st.st_mtim.tv_sec != f->st_mtim.tv_sec ||
	    st.st_mtim.tv_nsec != f->st_mtim.tv_nsec ||
	    st.st_ctim.tv_sec != f->st_ctim.tv_sec ||
	    st.st_ctim.tv_nsec != f->st_ctim.tv_nsec;
}

/* Reads f from disk into its entries, keeping the fragments of entries
 * that did not change.  On a parse error f becomes read-only and keeps
 * what it had. */
static int
sfile_read(const struct store *s, struct sfile *f, char **cause)
{
	struct snode	 *root;
	struct sentry	**e, *old;
	uint64_t	  v[2 * STORE_NFILES];
	char		 *buf;
	const char	 *src = NULL;
	size_t		  len, n, i;

	read_lock(s, v);
	f->gen = v[f->kind];
	remember_stat(f);
	buf = util_read_file(f->path, STORE_MAX_FILE, &len, cause);
	if (buf == NULL) {
		if (f->seen == SEEN_MISSING) {
			free(*cause);
			*cause = NULL;
			sfile_clear(f);
			return 0;
		}
		goto fail;
	}
	if (stree_parse(f->path, buf, len, &root, cause) == -1) {
		free(buf);
		goto fail;
	}
	/* Exactly what a save wrote: each entry's text is its fragment. */
	if (len > 0 && file_hash(buf, len) == v[STORE_NFILES + f->kind])
		src = buf;
	if (sentry_from_tree(f->kind, f->path, root, src, len, &e, &n,
	    cause) == -1) {
		stree_free(root);
		free(buf);
		goto fail;
	}
	stree_free(root);
	free(buf);
	for (i = 0; i < n; i++) {
		if (e[i]->frag != NULL)
			continue;
		old = sfile_get(f, e[i]->key);
		if (old != NULL && old->frag != NULL &&
		    same_entry(old, e[i])) {
			e[i]->frag = old->frag;
			e[i]->fraglen = old->fraglen;
			old->frag = NULL;
		}
	}
	sfile_clear(f);
	f->e = e;
	f->n = f->cap = n;
	return 0;
fail:
	free(f->problem);
	f->problem = xasprintf("%s (read-only until fixed)", *cause);
	return -1;
}

static int
lock(struct store *s, char **cause)
{
	if (s->lockfd == -1)
		return 0;
	while (flock(s->lockfd, LOCK_EX) == -1) {
		if (errno != EINTR) {
			*cause = xasprintf("%s: %s", s->lockpath,
			    strerror(errno));
			return -1;
		}
	}
	return 0;
}

static void
unlock(struct store *s)
{
	if (s->lockfd != -1)
		flock(s->lockfd, LOCK_UN);
}

/* Removes temp files a killed instance left behind; only under the lock,
 * when no other instance can be writing one. */
static void
clean_temps(struct store *s)
{
	DIR		*d;
	struct dirent	*de;
	char		*p, prefix[64];
	int		 k;

	if ((d = opendir(s->dir)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		for (k = 0; k < STORE_NFILES; k++) {
			snprintf(prefix, sizeof prefix, "%s.tmp.",
			    file_names[k]);
			if (strncmp(de->d_name, prefix, strlen(prefix)) != 0)
				continue;
			p = util_path_join(s->dir, de->d_name);
			unlink(p);
			free(p);
		}
	}
	closedir(d);
}

struct store *
store_open(const char *data_dir, const char *library, char **cause)
{
	struct store	*s;
	struct stat	 st;
	char		*lib, *c = NULL, *ro = NULL, rp[PATH_MAX];
	int		 k;

	(void)cause;
	s = xcalloc(1, sizeof *s);
	s->dir = data_dir != NULL ? xstrdup(data_dir) : util_data_dir();
	lib = library != NULL ? xstrdup(library) : store_library_default();
	if (realpath(lib, rp) != NULL) {
		s->root = xstrdup(rp);
		/* Without the library, every relative key looks gone: no
		 * entry may follow a hash then. */
		s->root_ok = stat(rp, &st) == 0 && S_ISDIR(st.st_mode);
	} else if (*lib == '/' || getcwd(rp, sizeof rp) == NULL)
		s->root = xstrdup(lib);
	else
		s->root = util_path_join(rp, lib);
	free(lib);
	for (k = 0; k < STORE_NFILES; k++) {
		s->f[k].kind = (enum store_file)k;
		s->f[k].path = util_path_join(s->dir, file_names[k]);
	}
	s->lockpath = util_path_join(s->dir, "store.lock");
	/* A folder we cannot write (or make) still lets the state be read:
	 * both files are then read-only, saying why. */
	if (util_mkdirs(s->dir, 0700) == -1)
		ro = xasprintf("%s: %s", s->dir, strerror(errno));
	s->lockfd = open(s->lockpath, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (s->lockfd == -1) {
		if (ro == NULL)
			ro = xasprintf("%s: %s", s->lockpath, strerror(errno));
		s->lockfd = open(s->lockpath, O_RDONLY | O_CLOEXEC);
	}
	s->readonly = ro != NULL;
	if (lock(s, &c) == -1) {
		free(c);
		c = NULL;
	}
	if (!s->readonly)
		clean_temps(s);
	for (k = 0; k < STORE_NFILES; k++) {
		if (sfile_read(s, &s->f[k], &c) == -1)
			free(c);
		c = NULL;
		if (ro != NULL && s->f[k].problem == NULL)
			s->f[k].problem = xasprintf("%s (read-only)", ro);
	}
	unlock(s);
	free(ro);
	return s;
}

/* Writes f (under the lock), merging with what another instance wrote. */
static int
sfile_save(struct store *s, struct sfile *f, char **cause)
{
	struct buf	 b = { 0 };
	char		*data;
	size_t		 i, len, total = 0;
	int		 r = -1;

	if (f->nops == 0)
		return 0;
	if (f->problem != NULL) {
		*cause = xstrdup(f->problem);
		return -1;
	}
	if (lock(s, cause) == -1)
		return -1;
	if (sfile_changed_on_disk(s, f)) {
		if (sfile_read(s, f, cause) == -1)
			goto out;
		for (i = 0; i < f->nops; i++)
			sop_apply(s, f, &f->ops[i]);
	}
	for (i = 0; i < f->n; i++) {
		if (f->e[i]->frag == NULL)
			sentry_emit(f->e[i], f->kind);
		total += f->e[i]->fraglen;
	}
	b.data = xmalloc(total + 1);
	b.cap = total + 1;
	for (i = 0; i < f->n; i++) {
		memcpy(b.data + b.len, f->e[i]->frag, f->e[i]->fraglen);
		b.len += f->e[i]->fraglen;
	}
	data = buf_take(&b, &len);
	r = util_write_atomic(f->path, data, len, cause);
	if (r == 0) {
		bump_gen(s, f, file_hash(data, len));
		remember_stat(f);
		for (i = 0; i < f->nops; i++)
			sop_free(&f->ops[i]);
		f->nops = 0;
	}
	free(data);
out:
	unlock(s);
	return r;
}

int
store_flush(struct store *s, char **cause)
{
	char	*c = NULL;
	int	 k, r = 0;

	for (k = 0; k < STORE_NFILES; k++) {
		if (sfile_save(s, &s->f[k], &c) == -1) {
			if (r == 0)
				*cause = c;
			else
				free(c);
			c = NULL;
			r = -1;
		}
	}
	return r;
}

int
store_close(struct store *s, char **cause)
{
	int	r = 0;
	size_t	i;
	int	k;

	if (s == NULL)
		return 0;
	r = store_flush(s, cause);
	for (k = 0; k < STORE_NFILES; k++) {
		sfile_clear(&s->f[k]);
		for (i = 0; i < s->f[k].nops; i++)
			sop_free(&s->f[k].ops[i]);
		free(s->f[k].ops);
		free(s->f[k].path);
		free(s->f[k].problem);
		free(s->f[k].byhash);
		free(s->f[k].keys);
	}
	if (s->lockfd != -1)
		close(s->lockfd);
	free(s->lockpath);
	free(s->root);
	free(s->dir);
	free(s);
	return r;
}

/* Records op as pending, applies it in memory, and saves f. */
/* A read-only file that has changed on disk since may have been fixed:
 * reads it again (under the lock) and becomes writable if it parses. */
static void
recheck(struct store *s, struct sfile *f)
{
	char *c = NULL;

	if (f->problem == NULL || s->readonly || !sfile_changed_on_disk(s, f) ||
	    lock(s, &c) == -1) {
		free(c);
		return;
	}
	if (sfile_read(s, f, &c) == 0) {
		free(f->problem);
		f->problem = NULL;
	}
	free(c);
	unlock(s);
}

int
store_commit(struct store *s, struct sfile *f, struct sop *op, char **cause)
{
	recheck(s, f);
	if (f->problem != NULL) {
		*cause = xstrdup(f->problem);
		sop_free(op);
		return -1;
	}
	sop_apply(s, f, op);
	f->ops = xreallocarray(f->ops, f->nops + 1, sizeof *f->ops);
	f->ops[f->nops++] = *op;
	return s->batch > 0 ? 0 : sfile_save(s, f, cause);
}

int
store_commit_batch(struct store *s, struct sfile *f, char **cause)
{
	s->batch--;
	return s->batch > 0 ? 0 : sfile_save(s, f, cause);
}

void
store_begin(struct store *s)
{
	s->batch++;
}

int
store_end(struct store *s, char **cause)
{
	if (s->batch > 0)
		s->batch--;
	return s->batch > 0 ? 0 : store_flush(s, cause);
}

int
store_check_file(const char *path, enum store_file kind, char **cause)
{
	struct snode	 *root;
	struct sentry	**e;
	struct stat	  st;
	char		 *buf;
	size_t		  len, n, i;
	int		  r;

	if (stat(path, &st) == -1 && errno == ENOENT)
		return 0;
	if ((buf = util_read_file(path, STORE_MAX_FILE, &len, cause)) == NULL)
		return -1;
	r = stree_parse(path, buf, len, &root, cause);
	free(buf);
	if (r == -1)
		return -1;
	r = sentry_from_tree(kind, path, root, NULL, 0, &e, &n, cause);
	stree_free(root);
	if (r == -1)
		return -1;
	for (i = 0; i < n; i++)
		sentry_free(e[i]);
	free(e);
	return 0;
}

const char *
store_problem(const struct store *s, enum store_file f)
{
	return s->f[f].problem;
}

const char *
store_path(const struct store *s, enum store_file f)
{
	return s->f[f].path;
}

char *
store_library_default(void)
{
	return xstrdup("articles");
}
