/* entfile: the user's entities.yaml, read, edited and written back. */
#include <sys/file.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <unistr.h>

#include "inkstone/entfile.h"
#include "inkstone/util.h"
#include "inkstone/yout.h"
#include "ynode.h"

/* As the gazetteer's limit on a file. */
#define EF_MAX_BYTES	(8u << 20)

/* ---- lists of strings ---- */

static int
strs_has(char *const *v, size_t n, const char *s)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i], s) == 0)
			return 1;
	return 0;
}

static void
strs_push(char ***v, size_t *n, const char *s)
{
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	(*v)[(*n)++] = xstrdup(s);
}

/* Removes every s from the list; returns how many went. */
static int
strs_remove(char **v, size_t *n, const char *s)
{
	size_t	i, k;
	int	gone = 0;

	for (i = k = 0; i < *n; i++) {
		if (strcmp(v[i], s) == 0) {
			free(v[i]);
			gone++;
		} else
			v[k++] = v[i];
	}
	*n = k;
	return gone;
}

static void
strs_free(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorts the list and drops repeats (and, when not NULL, not). */
static void
strs_sort(char **v, size_t *n, const char *not)
{
	size_t i, k;

	if (*n > 1)
		qsort(v, *n, sizeof *v, str_cmp);
	for (i = k = 0; i < *n; i++) {
		if ((k > 0 && strcmp(v[k - 1], v[i]) == 0) ||
		    (not != NULL && strcmp(v[i], not) == 0))
			free(v[i]);
		else
			v[k++] = v[i];
	}
	*n = k;
}

/* ---- the document ---- */

static size_t
ent_index(const struct entfile *f, const char *name)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		if (strcmp(f->v[i].name, name) == 0)
			return i;
	return (size_t)-1;
}

static size_t
ent_make(struct entfile *f, const char *name, enum entity_type type)
{
	size_t i = ent_index(f, name);

	if (i != (size_t)-1)
		return i;
	f->v = xreallocarray(f->v, f->n + 1, sizeof *f->v);
	memset(&f->v[f->n], 0, sizeof f->v[f->n]);
	f->v[f->n].name = xstrdup(name);
	f->v[f->n].type = type;
	return f->n++;
}

static void
ent_drop(struct entfile *f, size_t i)
{
	strs_free(f->v[i].aliases, f->v[i].naliases);
	free(f->v[i].name);
	memmove(&f->v[i], &f->v[i + 1], (f->n - i - 1) * sizeof *f->v);
	f->n--;
}

/* Takes s off every entity's aliases but entity keep's ((size_t)-1:
 * every one's); returns how many it was taken off. */
static int
unalias(struct entfile *f, const char *s, size_t keep)
{
	size_t	i;
	int	gone = 0;

	for (i = 0; i < f->n; i++)
		if (i != keep)
			gone += strs_remove(f->v[i].aliases,
			    &f->v[i].naliases, s);
	return gone;
}

const struct entfile_entity *
entfile_find(const struct entfile *f, const char *name)
{
	size_t i = ent_index(f, name);

	return i != (size_t)-1 ? &f->v[i] : NULL;
}

int
entfile_ignored(const struct entfile *f, const char *name)
{
	return strs_has(f->ignore, f->nignore, name);
}

void
entfile_free(struct entfile *f)
{
	size_t i;

	if (f == NULL)
		return;
	for (i = 0; i < f->n; i++) {
		strs_free(f->v[i].aliases, f->v[i].naliases);
		free(f->v[i].name);
	}
	free(f->v);
	strs_free(f->ignore, f->nignore);
	if (f->lockfd != -1)
		close(f->lockfd);	/* and the lock goes with it */
	free(f->path);
	free(f);
}

/* Takes PATH.lock for the document's life, so that two readers editing
 * at once each read what the other wrote (lock, read, edit, write).  The
 * lock file is made only where the folder already is: a first file made
 * by two instances at the same moment is not worth making folders for. */
static int
take_lock(struct entfile *f, char **cause)
{
	char *lockpath = xasprintf("%s.lock", f->path);

	f->lockfd = open(lockpath, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (f->lockfd == -1) {
		free(lockpath);
		return 0;
	}
	while (flock(f->lockfd, LOCK_EX) == -1) {
		if (errno != EINTR) {
			*cause = xasprintf("%s: %s", lockpath,
			    strerror(errno));
			free(lockpath);
			return -1;
		}
	}
	free(lockpath);
	return 0;
}

/* ---- reading ---- */

/* The value of key in mapping m.  The first is the only one: the
 * gazetteer, which entfile_load asks first, refuses a repeated key. */
static const struct ynode *
map_get(const struct ynode *m, const char *key)
{
	size_t i;

	for (i = 0; m->type == YNODE_MAP && i + 1 < m->n; i += 2)
		if (m->items[i]->type == YNODE_SCALAR &&
		    strcmp(m->items[i]->value, key) == 0)
			return m->items[i + 1];
	return NULL;
}

/* One entity of the file.  The gazetteer has checked its form; a name met
 * twice is one entity, as the gazetteer reads it (the later type wins,
 * the aliases add up). */
static void
read_entity(struct entfile *f, const struct ynode *m)
{
	const struct ynode	*name, *type, *al;
	size_t			 i, k;
	int			 t;

	name = map_get(m, "name");
	type = map_get(m, "type");
	al = map_get(m, "aliases");
	if (name == NULL || name->type != YNODE_SCALAR || type == NULL ||
	    type->type != YNODE_SCALAR ||
	    (t = entity_type_parse(type->value)) == -1)
		return;
	k = ent_make(f, name->value, (enum entity_type)t);
	f->v[k].type = (enum entity_type)t;
	for (i = 0; al != NULL && al->type == YNODE_SEQ && i < al->n; i++)
		if (al->items[i]->type == YNODE_SCALAR)
			strs_push(&f->v[k].aliases, &f->v[k].naliases,
			    al->items[i]->value);
}

static void
read_doc(struct entfile *f, const struct ynode *root)
{
	const struct ynode	*ents, *ign;
	size_t			 i;

	if (root == NULL || root->type != YNODE_MAP)
		return;
	ents = map_get(root, "entities");
	for (i = 0; ents != NULL && ents->type == YNODE_SEQ && i < ents->n;
	    i++)
		read_entity(f, ents->items[i]);
	ign = map_get(root, "ignore");
	for (i = 0; ign != NULL && ign->type == YNODE_SEQ && i < ign->n; i++)
		if (ign->items[i]->type == YNODE_SCALAR &&
		    !strs_has(f->ignore, f->nignore, ign->items[i]->value))
			strs_push(&f->ignore, &f->nignore,
			    ign->items[i]->value);
}

struct entfile *
entfile_load(const char *path, char **cause)
{
	struct entfile		*f;
	struct entity_db	*db;
	struct ynode		*root = NULL;
	char			*buf;
	size_t			 len;

	*cause = NULL;
	f = xcalloc(1, sizeof *f);
	f->path = xstrdup(path);
	f->lockfd = -1;
	if (take_lock(f, cause) == -1) {
		entfile_free(f);
		return NULL;
	}
	/* The gazetteer is the judge of the file: what it would refuse at
	 * the next start is refused now, in its words, and never written
	 * over. */
	if ((db = entity_db_load(NULL, path, cause)) == NULL) {
		entfile_free(f);
		return NULL;
	}
	entity_db_free(db);
	if (access(path, F_OK) == -1 && errno == ENOENT)
		return f;
	if ((buf = util_read_file(path, EF_MAX_BYTES, &len, cause)) == NULL) {
		entfile_free(f);
		return NULL;
	}
	if (ynode_parse(path, buf, len, &root, cause) != 0) {
		free(buf);
		entfile_free(f);
		return NULL;
	}
	free(buf);
	read_doc(f, root);
	ynode_free(root);
	return f;
}

/* ---- editing ---- */

/* Whether the character at s is white space; its length goes to *n. */
static int
is_space(const char *s, size_t len, size_t *n)
{
	ucs4_t	c;
	int	k;

	k = u8_mbtouc(&c, (const uint8_t *)s, len);
	*n = k > 0 ? (size_t)k : 1;
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == 0xa0 || c == 0x3000;		/* no-break, ideographic */
}

/* name with each run of white space one space, the ends trimmed; NULL
 * with *cause set when that leaves nothing, or what is left holds what
 * the gazetteer refuses in a name (control characters, bidi controls,
 * invalid UTF-8). */
static char *
clean_name(const char *name, char **cause)
{
	struct buf	 b = { 0 };
	size_t		 len = strlen(name), i, n;
	int		 gap = 0;
	ucs4_t		 c;
	const uint8_t	*u;

	for (i = 0; i < len; i += n) {
		if (is_space(name + i, len - i, &n)) {
			gap = b.len > 0;
			continue;
		}
		if (gap)
			buf_addc(&b, ' ');
		gap = 0;
		buf_add(&b, name + i, n);
	}
	buf_add(&b, "", 0);
	if (b.len == 0) {
		buf_free(&b);
		*cause = xstrdup("an entity needs a name");
		return NULL;
	}
	u = (const uint8_t *)b.data;
	if (u8_check(u, b.len) != NULL) {
		buf_free(&b);
		*cause = xstrdup("the name is not valid UTF-8");
		return NULL;
	}
	for (i = 0; i < b.len; i += n) {
		n = (size_t)u8_mbtouc(&c, u + i, b.len - i);
		if (c < 0x20 || (c >= 0x7f && c <= 0x9f) ||
		    (c >= 0x202a && c <= 0x202e) ||
		    (c >= 0x2066 && c <= 0x2069)) {
			buf_free(&b);
			*cause = xstrdup("control characters in a name");
			return NULL;
		}
	}
	return buf_take(&b, NULL);
}

int
entfile_add(struct entfile *f, const char *name, enum entity_type type,
    char **cause)
{
	char	*s;
	size_t	 i;
	int	 changed = 0;

	if ((s = clean_name(name, cause)) == NULL)
		return -1;
	changed |= strs_remove(f->ignore, &f->nignore, s) > 0;
	changed |= unalias(f, s, (size_t)-1) > 0;
	if ((i = ent_index(f, s)) == (size_t)-1) {
		ent_make(f, s, type);
		changed = 1;
	} else if (f->v[i].type != type) {
		f->v[i].type = type;
		changed = 1;
	}
	free(s);
	return changed;
}

int
entfile_ignore(struct entfile *f, const char *name, char **cause)
{
	char *s;

	if ((s = clean_name(name, cause)) == NULL)
		return -1;
	if (strs_has(f->ignore, f->nignore, s)) {
		free(s);
		return 0;
	}
	strs_push(&f->ignore, &f->nignore, s);
	free(s);
	return 1;
}

/* Makes form s an alias of entity into (an index of f, which it returns
 * again: dropping an entity moves the others). */
static size_t
alias_into(struct entfile *f, size_t into, const char *s, int *changed)
{
	struct entfile_entity	*e;
	size_t			 j, k;
	char			*name;

	if (strcmp(s, f->v[into].name) == 0)
		return into;
	*changed |= strs_remove(f->ignore, &f->nignore, s) > 0;
	*changed |= unalias(f, s, into) > 0;
	/* An entity of that name gives itself up, aliases and all. */
	if ((j = ent_index(f, s)) != (size_t)-1) {
		e = &f->v[j];
		for (k = 0; k < e->naliases; k++)
			if (strcmp(e->aliases[k], f->v[into].name) != 0 &&
			    !strs_has(f->v[into].aliases, f->v[into].naliases,
			    e->aliases[k]))
				strs_push(&f->v[into].aliases,
				    &f->v[into].naliases, e->aliases[k]);
		name = xstrdup(f->v[into].name);
		ent_drop(f, j);
		into = ent_index(f, name);
		free(name);
		*changed = 1;
	}
	if (!strs_has(f->v[into].aliases, f->v[into].naliases, s)) {
		strs_push(&f->v[into].aliases, &f->v[into].naliases, s);
		*changed = 1;
	}
	return into;
}

int
entfile_merge(struct entfile *f, const char *into, enum entity_type type,
    const char *const *forms, size_t nforms, char **cause)
{
	char	**clean, *s;
	size_t	  i, k;
	int	  changed = 0;

	if ((s = clean_name(into, cause)) == NULL)
		return -1;
	clean = xcalloc(nforms + 1, sizeof *clean);
	for (i = 0; i < nforms; i++)
		if ((clean[i] = clean_name(forms[i], cause)) == NULL) {
			strs_free(clean, i);
			free(s);
			return -1;
		}
	changed |= strs_remove(f->ignore, &f->nignore, s) > 0;
	changed |= unalias(f, s, (size_t)-1) > 0;
	if ((k = ent_index(f, s)) == (size_t)-1) {
		k = ent_make(f, s, type);
		changed = 1;
	} else if (f->v[k].type != type) {
		f->v[k].type = type;
		changed = 1;
	}
	for (i = 0; i < nforms; i++)
		k = alias_into(f, k, clean[i], &changed);
	strs_free(clean, nforms);
	free(s);
	return changed;
}

/* ---- writing ---- */

static int
ent_cmp(const void *a, const void *b)
{
	const struct entfile_entity *x = a, *y = b;

	return strcmp(x->name, y->name);
}

int
entfile_save(struct entfile *f, char **cause)
{
	struct buf	 out = { 0 };
	struct yout	*y;
	char		*dir, *slash;
	size_t		 i, k;
	int		 r;

	if (f->n > 1)
		qsort(f->v, f->n, sizeof *f->v, ent_cmp);
	for (i = 0; i < f->n; i++)
		strs_sort(f->v[i].aliases, &f->v[i].naliases, f->v[i].name);
	strs_sort(f->ignore, &f->nignore, NULL);

	y = yout_new(&out);
	yout_map(y, 0);
	yout_str(y, "entities");
	yout_seq(y, 0);
	for (i = 0; i < f->n; i++) {
		yout_map(y, 0);
		yout_kv(y, "name", f->v[i].name);
		yout_kv(y, "type", entity_type_name(f->v[i].type));
		if (f->v[i].naliases > 0) {
			yout_str(y, "aliases");
			yout_seq(y, 0);
			for (k = 0; k < f->v[i].naliases; k++)
				yout_str(y, f->v[i].aliases[k]);
			yout_end(y);
		}
		yout_end(y);
	}
	yout_end(y);
	yout_str(y, "ignore");
	yout_seq(y, 0);
	for (i = 0; i < f->nignore; i++)
		yout_str(y, f->ignore[i]);
	yout_end(y);
	yout_end(y);
	if (yout_finish(y) == -1) {
		*cause = xasprintf("%s: the YAML emitter failed", f->path);
		buf_free(&out);
		return -1;
	}
	dir = xstrdup(f->path);
	if ((slash = strrchr(dir, '/')) != NULL && slash != dir) {
		*slash = '\0';
		if (util_mkdirs(dir, 0700) == -1) {
			*cause = xasprintf("%s: %s", dir, strerror(errno));
			free(dir);
			buf_free(&out);
			return -1;
		}
	}
	free(dir);
	r = util_write_atomic(f->path, out.data, out.len, cause);
	buf_free(&out);
	return r;
}
