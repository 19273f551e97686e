/* store_api: what callers do with the store -- article identity, tags, read
 * marks, highlights and tag counts.  Each change is an operation (struct
 * sop, store_ops.c) handed to store_commit, which saves it. */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <unictype.h>
#include <unistr.h>

#include "inkstone/util.h"
#include "store_int.h"

static int
cmp_hash(const void *a, const void *b)
{
	uint64_t x = (*(struct sentry *const *)a)->hash;
	uint64_t y = (*(struct sentry *const *)b)->hash;

	return x < y ? -1 : x > y;
}

/* Rebuilds f's key list and hash index after entries came or went. */
static void
sfile_index(struct sfile *f)
{
	size_t i;

	if (!f->changed && (f->n == 0 || f->keys != NULL))
		return;
	f->byhash = xreallocarray(f->byhash, f->n + 1, sizeof *f->byhash);
	f->keys = xreallocarray(f->keys, f->n + 1, sizeof *f->keys);
	for (i = 0; i < f->n; i++) {
		f->byhash[i] = f->e[i];
		f->keys[i] = f->e[i]->key;
	}
	qsort(f->byhash, f->n, sizeof *f->byhash, cmp_hash);
	f->changed = 0;
}

char *
store_key_path(const struct store *s, const char *key)
{
	return *key == '/' ? xstrdup(key) : util_path_join(s->root, key);
}

static int
key_gone(const struct store *s, const char *key)
{
	struct stat	 st;
	char		*p;
	int		 r;

	p = store_key_path(s, key);
	r = lstat(p, &st) == -1 && errno == ENOENT;
	free(p);
	return r;
}

/* The entry of article a in f, following a renamed or moved file: an
 * entry with a's hash whose own file is gone becomes a's (the move is kept
 * as a pending operation, saved with the next save). */
static struct sentry *
follow(struct store *s, struct sfile *f, const struct store_article *a)
{
	struct sentry	*e;
	struct sop	 op;
	size_t		 lo, hi, mid;
	char		*c = NULL;

	if ((e = sfile_get(f, a->key)) != NULL) {
		/* The article was edited: its new hash is what a later move
		 * must match.  Kept in memory, saved with the next save. */
		if (a->hash != 0 && e->hash != a->hash && f->problem == NULL) {
			memset(&op, 0, sizeof op);
			op.type = SOP_HASH;
			op.key = xstrdup(a->key);
			op.hash = a->hash;
			s->batch++;
			store_commit(s, f, &op, &c);
			s->batch--;
			free(c);
			e = sfile_get(f, a->key);
		}
		return e;
	}
	if (a->hash == 0 || f->problem != NULL || f->n == 0 || !s->root_ok)
		return NULL;
	sfile_index(f);
	for (lo = 0, hi = f->n; lo < hi;) {
		mid = lo + (hi - lo) / 2;
		if (f->byhash[mid]->hash < a->hash)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < f->n && f->byhash[lo]->hash == a->hash; lo++) {
		if (!key_gone(s, f->byhash[lo]->key))
			continue;
		memset(&op, 0, sizeof op);
		op.type = SOP_MOVE;
		op.key = xstrdup(f->byhash[lo]->key);
		op.arg = xstrdup(a->key);
		/* Kept in memory only: saved with the next change. */
		s->batch++;
		store_commit(s, f, &op, &c);
		s->batch--;
		free(c);
		return sfile_get(f, a->key);
	}
	return NULL;
}

void
store_get(struct store *s, const struct store_article *a,
    struct store_state *st)
{
	struct sentry *t, *h;

	memset(st, 0, sizeof *st);
	t = follow(s, &s->f[STORE_TAGS], a);
	h = follow(s, &s->f[STORE_HIGHLIGHTS], a);
	if (t != NULL) {
		st->tags = t->tags;
		st->ntags = t->ntags;
		st->read = t->read;
	}
	if (h != NULL) {
		st->hl = h->hl;
		st->nhl = h->nhl;
	}
}

void
store_get_key(struct store *s, const char *key, struct store_state *st)
{
	struct store_article a = { (char *)(uintptr_t)key, 0 };

	store_get(s, &a, st);
}

size_t
store_keys(struct store *s, enum store_file f, const char *const **keys)
{
	sfile_index(&s->f[f]);
	*keys = s->f[f].keys;
	return s->f[f].n;
}

int
store_article_init_buf(const struct store *s, const char *path,
    const void *buf, size_t len, struct store_article *a, char **cause)
{
	char	rp[PATH_MAX];
	size_t	n = strlen(s->root);

	if (realpath(path, rp) == NULL) {
		*cause = xasprintf("%s: %s", path, strerror(errno));
		return -1;
	}
	if (strncmp(rp, s->root, n) == 0 && rp[n] == '/' && rp[n + 1] != '\0')
		a->key = xstrdup(rp + n + 1);
	else if (strcmp(s->root, "/") == 0 && rp[1] != '\0')
		a->key = xstrdup(rp + 1);
	else
		a->key = xstrdup(rp);
	/* The key goes into a YAML file, which holds only UTF-8. */
	if (u8_check((const uint8_t *)a->key, strlen(a->key)) != NULL) {
		*cause = xasprintf("%s: file name is not valid UTF-8", path);
		store_article_free(a);
		return -1;
	}
	a->hash = store_hash(buf, len);
	return 0;
}

int
store_article_init(const struct store *s, const char *path,
    struct store_article *a, char **cause)
{
	char	*buf;
	size_t	 len;
	int	 r;

	if ((buf = util_read_file(path, 0, &len, cause)) == NULL)
		return -1;
	r = store_article_init_buf(s, path, buf, len, a, cause);
	free(buf);
	return r;
}

void
store_article_free(struct store_article *a)
{
	free(a->key);
	a->key = NULL;
}

/* Text the store writes must read back as it went in and never need an
 * escape: valid UTF-8 without control characters (newline allowed where
 * lines is set). */
static int
text_ok(const char *s, int lines)
{
	const uint8_t	*p = (const uint8_t *)s;
	ucs4_t		 uc;
	size_t		 left = strlen(s);
	int		 n;

	if (u8_check(p, left) != NULL)
		return 0;
	while (left > 0) {
		n = u8_mbtouc(&uc, p, left);
		left -= (size_t)n;
		if ((uc < 0x20 && !(lines && uc == '\n')) ||
		    (uc >= 0x7f && uc < 0xa0) || uc == 0xfeff ||
		    (uc >= 0x202a && uc <= 0x202e) ||
		    (uc >= 0x2066 && uc <= 0x2069))
			return 0;
		p += n;
	}
	return 1;
}

int
store_tag_valid(const char *tag, char **cause)
{
	const uint8_t	*p = (const uint8_t *)tag;
	ucs4_t		 uc;
	size_t		 len = strlen(tag);
	int		 n;

	if (len == 0 || len > STORE_MAX_TAG) {
		*cause = xasprintf("tag \"%s\": must be 1 to %d bytes", tag,
		    STORE_MAX_TAG);
		return -1;
	}
	if (!text_ok(tag, 0)) {
		*cause = xstrdup("tag: not valid text");
		return -1;
	}
	if (*tag == '+' || *tag == '-' || strcmp(tag, "untagged") == 0 ||
	    strchr(tag, ',') != NULL) {
		*cause = xasprintf("tag \"%s\": may not start with + or -, "
		    "hold a comma, or be \"untagged\"", tag);
		return -1;
	}
	while (len > 0) {
		n = u8_mbtouc(&uc, p, len);
		p += n;
		len -= (size_t)n;
		if (uc_is_property_white_space(uc)) {
			*cause = xasprintf("tag \"%s\": no spaces allowed",
			    tag);
			return -1;
		}
	}
	return 0;
}

static int
tag_change(struct store *s, const struct store_article *a, const char *tag,
    enum sop_type type, char **cause)
{
	struct sfile	*f = &s->f[STORE_TAGS];
	struct sop	 op;

	if (store_tag_valid(tag, cause) == -1)
		return -1;
	follow(s, f, a);
	memset(&op, 0, sizeof op);
	op.type = type;
	op.key = xstrdup(a->key);
	op.hash = a->hash;
	op.arg = xstrdup(tag);
	return store_commit(s, f, &op, cause);
}

int
store_tag_add(struct store *s, const struct store_article *a,
    const char *tag, char **cause)
{
	return tag_change(s, a, tag, SOP_TAG_ADD, cause);
}

int
store_tag_remove(struct store *s, const struct store_article *a,
    const char *tag, char **cause)
{
	return tag_change(s, a, tag, SOP_TAG_REMOVE, cause);
}

int
store_tag_apply(struct store *s, const struct store_article *a,
    char *const *changes, size_t n, char **cause)
{
	struct sfile	*f = &s->f[STORE_TAGS];
	size_t		 i;
	int		 r = 0;

	for (i = 0; i < n; i++) {
		if ((changes[i][0] != '+' && changes[i][0] != '-') ||
		    store_tag_valid(changes[i] + 1, cause) == -1) {
			if (changes[i][0] != '+' && changes[i][0] != '-')
				*cause = xasprintf("%s: expected +TAG or -TAG",
				    changes[i]);
			return -1;
		}
	}
	if (f->problem != NULL) {
		*cause = xstrdup(f->problem);
		return -1;
	}
	s->batch++;
	for (i = 0; i < n && r == 0; i++)
		r = tag_change(s, a, changes[i] + 1, changes[i][0] == '+' ?
		    SOP_TAG_ADD : SOP_TAG_REMOVE, cause);
	if (r == -1) {
		s->batch--;
		return -1;
	}
	return store_commit_batch(s, f, cause);
}

int
store_tag_rename(struct store *s, const char *from, const char *to,
    char **cause)
{
	struct sfile	*f = &s->f[STORE_TAGS];
	struct sop	 op;
	size_t		 n;

	if (store_tag_valid(from, cause) == -1 ||
	    store_tag_valid(to, cause) == -1)
		return -1;
	if (f->problem != NULL) {
		*cause = xstrdup(f->problem);
		return -1;
	}
	if (strcmp(from, to) == 0)
		return 0;
	/* No entry of ours has from: another instance may have saved some
	 * since we read the file, and the save's merge renames it there.
	 * If none did, there is nothing anywhere to rename or write. */
	if (sop_rename_count(f, from) == 0 && !sfile_changed_on_disk(s, f))
		return 0;
	memset(&op, 0, sizeof op);
	op.type = SOP_TAG_RENAME;
	op.arg = xstrdup(from);
	op.note = xstrdup(to);
	if (store_commit(s, f, &op, cause) == -1)
		return -1;
	/* Counted by the last application: the replay over the file as
	 * the save found it, when another instance had saved meanwhile. */
	n = f->renamed;
	return n > INT_MAX ? INT_MAX : (int)n;
}

int
store_read_set(struct store *s, const struct store_article *a, int read,
    char **cause)
{
	struct sfile	*f = &s->f[STORE_TAGS];
	struct sop	 op;

	follow(s, f, a);
	memset(&op, 0, sizeof op);
	op.type = SOP_READ;
	op.key = xstrdup(a->key);
	op.hash = a->hash;
	op.flag = read != 0;
	return store_commit(s, f, &op, cause);
}

int
store_read_toggle(struct store *s, const struct store_article *a,
    char **cause)
{
	struct sentry *e = follow(s, &s->f[STORE_TAGS], a);

	return store_read_set(s, a, e == NULL || !e->read, cause);
}

static void
new_id(const struct sentry *e, const struct store_highlight *h,
    char id[STORE_ID_LEN + 1])
{
	static unsigned	 counter;
	struct timespec	 ts;
	struct buf	 b = { 0 };
	size_t		 i;

	do {
		clock_gettime(CLOCK_REALTIME, &ts);
		buf_addf(&b, "%s|%lld.%ld|%ld|%u", h->quote,
		    (long long)ts.tv_sec, ts.tv_nsec, (long)getpid(),
		    counter++);
		snprintf(id, STORE_ID_LEN + 1, "%016" PRIx64,
		    store_hash(b.data, b.len));
		buf_free(&b);
		for (i = 0; e != NULL && i < e->nhl; i++)
			if (strcmp(e->hl[i].id, id) == 0)
				break;
	} while (e != NULL && i < e->nhl);
}

int
store_highlight_add(struct store *s, const struct store_article *a,
    const struct store_highlight *h, char id[STORE_ID_LEN + 1],
    char **cause)
{
	struct sfile	*f = &s->f[STORE_HIGHLIGHTS];
	struct sentry	*e;
	struct sop	 op;

	if (h->quote == NULL || *h->quote == '\0' || !text_ok(h->quote, 1) ||
	    (h->before != NULL && !text_ok(h->before, 1)) ||
	    (h->after != NULL && !text_ok(h->after, 1)) ||
	    (h->note != NULL && !text_ok(h->note, 1))) {
		*cause = xstrdup("highlight: empty, or not valid text");
		return -1;
	}
	e = follow(s, f, a);
	memset(&op, 0, sizeof op);
	op.type = SOP_HL_ADD;
	op.key = xstrdup(a->key);
	op.hash = a->hash;
	sentry_hl_copy(&op.hl, h);
	if (op.hl.note != NULL && *op.hl.note == '\0') {
		free(op.hl.note);
		op.hl.note = NULL;
	}
	op.hl.created = time(NULL);
	new_id(e, h, op.hl.id);
	memcpy(id, op.hl.id, STORE_ID_LEN + 1);
	return store_commit(s, f, &op, cause);
}

int
store_highlight_delete(struct store *s, const struct store_article *a,
    const char *id, char **cause)
{
	struct sfile	*f = &s->f[STORE_HIGHLIGHTS];
	struct sop	 op;

	follow(s, f, a);
	memset(&op, 0, sizeof op);
	op.type = SOP_HL_DELETE;
	op.key = xstrdup(a->key);
	op.arg = xstrdup(id);
	return store_commit(s, f, &op, cause);
}

int
store_highlight_note(struct store *s, const struct store_article *a,
    const char *id, const char *note, char **cause)
{
	struct sfile	*f = &s->f[STORE_HIGHLIGHTS];
	struct sop	 op;

	if (note != NULL && !text_ok(note, 1)) {
		*cause = xstrdup("note: not valid text");
		return -1;
	}
	follow(s, f, a);
	memset(&op, 0, sizeof op);
	op.type = SOP_NOTE;
	op.key = xstrdup(a->key);
	op.arg = xstrdup(id);
	op.note = note != NULL && *note != '\0' ? xstrdup(note) : NULL;
	return store_commit(s, f, &op, cause);
}

static int
cmp_strp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

size_t
store_tag_counts(struct store *s, struct store_tag_count **out)
{
	struct sfile	 *f = &s->f[STORE_TAGS];
	char		**all;
	size_t		  i, j, n = 0, nout = 0;

	for (i = 0; i < f->n; i++)
		n += f->e[i]->ntags;
	all = xreallocarray(NULL, n + 1, sizeof *all);
	for (i = n = 0; i < f->n; i++)
		for (j = 0; j < f->e[i]->ntags; j++)
			all[n++] = f->e[i]->tags[j];
	qsort(all, n, sizeof *all, cmp_strp);
	*out = xreallocarray(NULL, n + 1, sizeof **out);
	for (i = 0; i < n; i++) {
		if (nout > 0 && strcmp((*out)[nout - 1].tag, all[i]) == 0)
			(*out)[nout - 1].count++;
		else
			(*out)[nout++] = (struct store_tag_count){ all[i], 1 };
	}
	free(all);
	return nout;
}
