/* store_yaml: the state files' YAML, read through libyaml's event parser
 * into a small tree (so that depth can be limited before libyaml goes
 * deep), then checked against the files' schema.  Writing is in
 * store_emit.c. */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <yaml.h>

#include "inkstone/text.h"
#include "inkstone/util.h"
#include "store_int.h"

static struct snode *
snode_new(enum snode_type type, const yaml_mark_t *m)
{
	struct snode *n = xcalloc(1, sizeof *n);

	n->type = type;
	n->line = m->line + 1;
	n->col = m->column + 1;
	return n;
}

void
snode_add(struct snode *parent, struct snode *kid)
{
	if (parent->n == parent->cap) {
		parent->cap = parent->cap ? parent->cap * 2 : 4;
		parent->kids = xreallocarray(parent->kids, parent->cap,
		    sizeof *parent->kids);
	}
	parent->kids[parent->n++] = kid;
}

void
stree_free(struct snode *n)
{
	size_t i;

	if (n == NULL)
		return;
	for (i = 0; i < n->n; i++)
		stree_free(n->kids[i]);
	free(n->kids);
	free(n->s);
	free(n);
}

static char *
parser_cause(const char *name, const yaml_parser_t *p)
{
	const char *problem = p->problem ? p->problem : "cannot parse";

	if (p->context != NULL)
		return xasprintf("%s:%zu:%zu: %s %s", name,
		    p->problem_mark.line + 1, p->problem_mark.column + 1,
		    problem, p->context);
	return xasprintf("%s:%zu:%zu: %s", name, p->problem_mark.line + 1,
	    p->problem_mark.column + 1, problem);
}

int
stree_parse(const char *name, const char *buf, size_t len,
    struct snode **root, char **cause)
{
	yaml_parser_t	 p;
	yaml_event_t	 ev;
	struct snode	*stack[STORE_MAX_DEPTH], *n;
	size_t		 depth = 0, ndocs = 0, nodes = 0;
	int		 done = 0, r = -1;

	*root = NULL;
	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, (const unsigned char *)buf, len);
	while (!done) {
		if (!yaml_parser_parse(&p, &ev)) {
			*cause = parser_cause(name, &p);
			goto out;
		}
		n = NULL;
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = 1;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (++ndocs > 1) {
				*cause = xasprintf("%s:%zu:%zu: more than one "
				    "document", name, ev.start_mark.line + 1,
				    ev.start_mark.column + 1);
				yaml_event_delete(&ev);
				goto out;
			}
			break;
		case YAML_ALIAS_EVENT:
			*cause = xasprintf("%s:%zu:%zu: aliases are not "
			    "supported in state files", name,
			    ev.start_mark.line + 1, ev.start_mark.column + 1);
			yaml_event_delete(&ev);
			goto out;
		case YAML_SCALAR_EVENT:
			n = snode_new(SN_SCALAR, &ev.start_mark);
			/* libyaml's copy (malloc'd, NUL-terminated) is taken
			 * over rather than copied again. */
			n->s = (char *)ev.data.scalar.value;
			ev.data.scalar.value = NULL;
			n->len = ev.data.scalar.length;
			n->plain = ev.data.scalar.style ==
			    YAML_PLAIN_SCALAR_STYLE;
			break;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			if (depth == STORE_MAX_DEPTH) {
				*cause = xasprintf("%s:%zu:%zu: nested deeper "
				    "than %d levels", name,
				    ev.start_mark.line + 1,
				    ev.start_mark.column + 1, STORE_MAX_DEPTH);
				yaml_event_delete(&ev);
				goto out;
			}
			n = snode_new(ev.type == YAML_SEQUENCE_START_EVENT ?
			    SN_SEQ : SN_MAP, &ev.start_mark);
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			depth--;
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
		if (n == NULL)
			continue;
		if (++nodes > STORE_MAX_NODES) {
			*cause = xasprintf("%s:%zu:%zu: more than %d values",
			    name, n->line, n->col, STORE_MAX_NODES);
			stree_free(n);
			goto out;
		}
		if (depth == 0)
			*root = n;
		else
			snode_add(stack[depth - 1], n);
		if (n->type != SN_SCALAR)
			stack[depth++] = n;
	}
	r = 0;
out:
	yaml_parser_delete(&p);
	if (r == -1) {
		/* The root owns every node made so far. */
		stree_free(*root);
		*root = NULL;
	}
	return r;
}

static int
is_null(const struct snode *n)
{
	if (n == NULL)
		return 1;
	if (n->type != SN_SCALAR || !n->plain)
		return 0;
	return n->len == 0 || strcmp(n->s, "~") == 0 ||
	    strcmp(n->s, "null") == 0 || strcmp(n->s, "Null") == 0 ||
	    strcmp(n->s, "NULL") == 0;
}

static char *at(const char *, const struct snode *, const char *, ...)
    __attribute__((format(printf, 3, 4)));

static char *
at(const char *name, const struct snode *n, const char *fmt, ...)
{
	va_list	 ap;
	char	*msg, *safe, *p, *r;
	size_t	 len;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	/* Messages quote the file's keys and values, which may hold escape
	 * sequences: make them harmless to print, and one line. */
	safe = text_clean(msg, strlen(msg), &len);
	for (p = safe; (p = strchr(p, '\n')) != NULL; p++)
		*p = ' ';
	r = xasprintf("%s:%zu:%zu: %s", name, n->line, n->col, safe);
	free(safe);
	free(msg);
	return r;
}

static int
get_string(const char *name, const struct snode *n, const char *what,
    char **out, char **cause)
{
	if (is_null(n)) {
		*out = xstrdup("");
		return 0;
	}
	if (n->type != SN_SCALAR) {
		*cause = at(name, n, "%s: expected text", what);
		return -1;
	}
	*out = xstrndup(n->s, n->len);
	return 0;
}

static int
get_size(const char *name, const struct snode *n, const char *what,
    size_t *out, char **cause)
{
	char			*end;
	unsigned long long	 v;

	if (n->type != SN_SCALAR || n->len == 0 || n->s[0] < '0' ||
	    n->s[0] > '9') {
		*cause = at(name, n, "%s: expected a number", what);
		return -1;
	}
	errno = 0;
	v = strtoull(n->s, &end, 10);
	if (errno != 0 || *end != '\0' || v > SIZE_MAX) {
		*cause = at(name, n, "%s: expected a number", what);
		return -1;
	}
	*out = (size_t)v;
	return 0;
}

static int
get_bool(const char *name, const struct snode *n, int *out, char **cause)
{
	static const char *yes[] = { "true", "True", "TRUE", "yes", "Yes",
	    "YES", "on", "On", "ON" };
	static const char *no[] = { "false", "False", "FALSE", "no", "No",
	    "NO", "off", "Off", "OFF" };
	size_t i;

	if (is_null(n)) {
		*out = 0;
		return 0;
	}
	for (i = 0; n->type == SN_SCALAR && i < sizeof yes / sizeof *yes;
	    i++) {
		if (strcmp(n->s, yes[i]) == 0)
			return *out = 1, 0;
		if (strcmp(n->s, no[i]) == 0)
			return *out = 0, 0;
	}
	*cause = at(name, n, "%s: expected true or false", "read");
	return -1;
}

static int
get_hash(const char *name, const struct snode *n, uint64_t *out,
    char **cause)
{
	char *end;

	if (is_null(n)) {
		*out = 0;
		return 0;
	}
	if (n->type != SN_SCALAR || n->len == 0 || n->len > 16 ||
	    strspn(n->s, "0123456789abcdefABCDEF") != n->len) {
		*cause = at(name, n, "%s: expected up to 16 hex digits",
		    "hash");
		return -1;
	}
	*out = strtoull(n->s, &end, 16);
	return 0;
}

/* The times the store can write back as it reads them: years 0 to 9999
 * (strftime's %Y gives more digits past 9999, and the reader takes four). */
#define TIME_FIRST	(-62167219200LL)	/* 0000-01-01T00:00:00Z */
#define TIME_LAST	253402300799LL		/* 9999-12-31T23:59:59Z */

/* "2026-11-23T18:30:00Z" (what the store writes), a date alone, or seconds
 * since the epoch, in years 0 to 9999. */
static int
get_time(const char *name, const struct snode *n, time_t *out, char **cause)
{
	struct tm	tm;
	int		y, mo, d, h = 0, mi = 0, sec = 0, k = 0;
	size_t		v;
	long long	t;

	if (is_null(n)) {
		*out = 0;
		return 0;
	}
	if (n->type == SN_SCALAR &&
	    (sscanf(n->s, "%4d-%2d-%2dT%2d:%2d:%2dZ%n", &y, &mo, &d, &h, &mi,
	    &sec, &k) == 6 || sscanf(n->s, "%4d-%2d-%2d%n", &y, &mo, &d,
	    &k) == 3) && (size_t)k == n->len && mo >= 1 && mo <= 12 &&
	    d >= 1 && d <= 31 && h < 24 && mi < 60 && sec <= 60) {
		memset(&tm, 0, sizeof tm);
		tm.tm_year = y - 1900;
		tm.tm_mon = mo - 1;
		tm.tm_mday = d;
		tm.tm_hour = h;
		tm.tm_min = mi;
		tm.tm_sec = sec;
		t = (long long)timegm(&tm);	/* 23:59:60 may carry a year */
	} else if (get_size(name, n, "created", &v, cause) == -1) {
		free(*cause);
		*cause = at(name, n, "%s: expected a time like "
		    "2026-01-31T12:00:00Z", "created");
		return -1;
	} else
		t = v > (size_t)TIME_LAST ? TIME_LAST + 1 : (long long)v;
	if (t < TIME_FIRST || t > TIME_LAST || (long long)(time_t)t != t) {
		*cause = at(name, n, "%s: %s is not in the years 0 to 9999",
		    "created", n->s);
		return -1;
	}
	*out = (time_t)t;
	return 0;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
get_tags(const char *name, const struct snode *n, struct sentry *e,
    char **cause)
{
	size_t i, j;

	if (is_null(n))
		return 0;
	if (n->type != SN_SEQ) {
		*cause = at(name, n, "%s: expected a list", "tags");
		return -1;
	}
	e->tags = xreallocarray(NULL, n->n, sizeof *e->tags);
	for (i = 0; i < n->n; i++) {
		if (n->kids[i]->type != SN_SCALAR || n->kids[i]->len == 0) {
			*cause = at(name, n->kids[i], "%s: expected a tag "
			    "name", "tags");
			return -1;
		}
		e->tags[e->ntags++] = xstrdup(n->kids[i]->s);
	}
	qsort(e->tags, e->ntags, sizeof *e->tags, cmp_str);
	for (i = j = 0; i < e->ntags; i++) {
		if (j > 0 && strcmp(e->tags[j - 1], e->tags[i]) == 0)
			free(e->tags[i]);
		else
			e->tags[j++] = e->tags[i];
	}
	e->ntags = j;
	return 0;
}

static int
get_highlight(const char *name, const struct snode *n,
    struct store_highlight *h, char **cause)
{
	const struct snode	*k, *v;
	size_t			 i;
	int			 r = 0;
	char			*id = NULL;

	if (n->type != SN_MAP) {
		*cause = at(name, n, "%s: expected a mapping", "highlight");
		return -1;
	}
	for (i = 0; r == 0 && i + 1 < n->n; i += 2) {
		k = n->kids[i];
		v = n->kids[i + 1];
		if (k->type != SN_SCALAR)
			r = -1, *cause = at(name, k, "%s: expected a key",
			    "highlight");
		else if (strcmp(k->s, "id") == 0) {
			free(id);
			r = get_string(name, v, "id", &id, cause);
		} else if (strcmp(k->s, "quote") == 0 && h->quote == NULL)
			r = get_string(name, v, "quote", &h->quote, cause);
		else if (strcmp(k->s, "before") == 0 && h->before == NULL)
			r = get_string(name, v, "before", &h->before, cause);
		else if (strcmp(k->s, "after") == 0 && h->after == NULL)
			r = get_string(name, v, "after", &h->after, cause);
		else if (strcmp(k->s, "note") == 0 && h->note == NULL)
			r = get_string(name, v, "note", &h->note, cause);
		else if (strcmp(k->s, "para") == 0)
			r = get_size(name, v, "para", &h->para, cause);
		else if (strcmp(k->s, "offset") == 0)
			r = get_size(name, v, "offset", &h->offset, cause);
		else if (strcmp(k->s, "created") == 0)
			r = get_time(name, v, &h->created, cause);
		else
			r = -1, *cause = at(name, k, "unknown or repeated key "
			    "\"%s\" in a highlight", k->s);
	}
	if (r == 0 && (h->quote == NULL || *h->quote == '\0'))
		r = -1, *cause = at(name, n, "%s: no quote", "highlight");
	if (r == 0 && id != NULL && *id != '\0') {
		if (strlen(id) > STORE_ID_LEN || strspn(id,
		    "0123456789abcdefghijklmnopqrstuvwxyz-_") != strlen(id))
			r = -1, *cause = at(name, n, "%s: bad id",
			    "highlight");
		else
			memcpy(h->id, id, strlen(id) + 1);
	}
	free(id);
	if (r == 0) {
		if (h->before == NULL)
			h->before = xstrdup("");
		if (h->after == NULL)
			h->after = xstrdup("");
		if (h->note != NULL && *h->note == '\0') {
			free(h->note);
			h->note = NULL;
		}
		if (h->id[0] == '\0')
			sentry_hl_default_id(h);
	}
	return r;
}

static int
get_highlights(const char *name, const struct snode *n, struct sentry *e,
    char **cause)
{
	size_t	  i;
	char	**ids;

	if (is_null(n))
		return 0;
	if (n->type != SN_SEQ) {
		*cause = at(name, n, "%s: expected a list", "highlights");
		return -1;
	}
	e->hl = xcalloc(n->n, sizeof *e->hl);
	for (i = 0; i < n->n; i++) {
		if (get_highlight(name, n->kids[i], &e->hl[i], cause) == -1) {
			sentry_hl_clear(&e->hl[i]);
			return -1;
		}
		e->nhl++;
	}
	/* Ids must be unique: sorted copies make that O(n log n). */
	ids = xreallocarray(NULL, e->nhl, sizeof *ids);
	for (i = 0; i < e->nhl; i++)
		ids[i] = e->hl[i].id;
	qsort(ids, e->nhl, sizeof *ids, cmp_str);
	for (i = 1; i < e->nhl; i++) {
		if (strcmp(ids[i - 1], ids[i]) == 0) {
			*cause = at(name, n, "highlight id %s used twice",
			    ids[i]);
			free(ids);
			return -1;
		}
	}
	free(ids);
	return 0;
}

static struct snode *
stree_copy(const struct snode *n)
{
	struct snode	*c = xcalloc(1, sizeof *c);
	size_t		 i;

	*c = *n;
	c->cap = n->n;
	if (n->s != NULL)
		c->s = xstrndup(n->s, n->len);
	c->kids = n->n ? xreallocarray(NULL, n->n, sizeof *c->kids) : NULL;
	for (i = 0; i < n->n; i++)
		c->kids[i] = stree_copy(n->kids[i]);
	return c;
}

/* Key pairs of a map, for sorting. */
struct pair {
	struct snode	*k;
	struct snode	*v;
};

static int
cmp_pair(const void *a, const void *b)
{
	return strcmp(((const struct pair *)a)->k->s,
	    ((const struct pair *)b)->k->s);
}

/* Sorts a map's keys (so that it is written the same way every time) and
 * finds a repeated one. */
static const struct snode *
map_sort(struct snode *m)
{
	struct pair	*p;
	size_t		 i, np = m->n / 2;
	const struct snode *dup = NULL;

	p = xreallocarray(NULL, np ? np : 1, sizeof *p);
	for (i = 0; i < np; i++)
		p[i] = (struct pair){ m->kids[2 * i], m->kids[2 * i + 1] };
	qsort(p, np, sizeof *p, cmp_pair);
	for (i = 0; i < np; i++) {
		m->kids[2 * i] = p[i].k;
		m->kids[2 * i + 1] = p[i].v;
		if (i > 0 && dup == NULL && strcmp(p[i - 1].k->s,
		    p[i].k->s) == 0)
			dup = p[i].k;
	}
	free(p);
	return dup;
}

static int
get_entry(enum store_file kind, const char *name, const struct snode *k,
    const struct snode *v, struct sentry *e, char **cause)
{
	const struct snode	*kk, *vv, *dup;
	const char		*known[] = { "hash", "read", "tags",
				    "highlights" };
	int			 seen[4] = { 0 }, r = 0, w;
	size_t			 i;

	if (k->type != SN_SCALAR || k->len == 0 ||
	    strlen(k->s) != k->len) {
		*cause = at(name, k, "%s: expected an article path as key",
		    "entry");
		return -1;
	}
	e->key = xstrdup(k->s);
	if (is_null(v))
		return 0;
	if (v->type != SN_MAP) {
		*cause = at(name, v, "%s: expected a mapping", e->key);
		return -1;
	}
	for (i = 0; r == 0 && i + 1 < v->n; i += 2) {
		kk = v->kids[i];
		vv = v->kids[i + 1];
		if (kk->type != SN_SCALAR) {
			*cause = at(name, kk, "%s: expected a key", e->key);
			return -1;
		}
		for (w = 0; w < 4 && strcmp(kk->s, known[w]) != 0; w++)
			continue;
		if ((w == 1 || w == 2) && kind != STORE_TAGS)
			w = 4;
		if (w == 3 && kind != STORE_HIGHLIGHTS)
			w = 4;
		if (w < 4 && seen[w]++) {
			*cause = at(name, kk, "key \"%s\" repeated", kk->s);
			return -1;
		}
		switch (w) {
		case 0:
			r = get_hash(name, vv, &e->hash, cause);
			break;
		case 1:
			r = get_bool(name, vv, &e->read, cause);
			break;
		case 2:
			r = get_tags(name, vv, e, cause);
			break;
		case 3:
			r = get_highlights(name, vv, e, cause);
			break;
		default:
			/* A key this version does not know (a newer one may
			 * write it): kept as read and written back. */
			if (e->extra == NULL)
				e->extra = xcalloc(1, sizeof *e->extra);
			snode_add(e->extra, stree_copy(kk));
			snode_add(e->extra, stree_copy(vv));
			break;
		}
	}
	if (r == 0 && e->extra != NULL &&
	    (dup = map_sort(e->extra)) != NULL) {
		*cause = at(name, dup, "key \"%s\" repeated", dup->s);
		return -1;
	}
	return r;
}

static int
cmp_entry(const void *a, const void *b)
{
	return strcmp((*(struct sentry *const *)a)->key,
	    (*(struct sentry *const *)b)->key);
}

/* Gives each entry its lines of src as its fragment: top-level keys start
 * lines at column 1 in a file a save wrote, and libyaml's marks count
 * characters, not bytes, so lines are what can be trusted. */
static void
frags_from_src(const struct snode *root, struct sentry **e, size_t ne,
    const char *src, size_t srclen)
{
	size_t	*line, nl = 0, cap = 1024, i, from, to;

	line = xreallocarray(NULL, cap, sizeof *line);
	line[nl++] = 0;
	for (i = 0; i < srclen; i++) {
		if (src[i] != '\n')
			continue;
		if (nl == cap)
			line = xreallocarray(line, cap *= 2, sizeof *line);
		line[nl++] = i + 1;
	}
	for (i = 0; i < ne && i * 2 < root->n && root->kids[2 * i]->col == 1 &&
	    root->kids[2 * i]->line <= nl; i++) {
		from = line[root->kids[2 * i]->line - 1];
		to = 2 * i + 2 < root->n ?
		    line[root->kids[2 * i + 2]->line - 1] : srclen;
		if (to <= from || src[to - 1] != '\n')
			break;
		e[i]->frag = xstrndup(src + from, to - from);
		e[i]->fraglen = to - from;
	}
	free(line);
}

/* The second key of root that is key: where a repeated article stands.
 * (Every key is a scalar by now.) */
static const struct snode *
repeated_key(const struct snode *root, const char *key)
{
	size_t	i;
	int	seen = 0;

	for (i = 0; i + 1 < root->n; i += 2)
		if (strcmp(root->kids[i]->s, key) == 0 && seen++)
			return root->kids[i];
	return root;
}

int
sentry_from_tree(enum store_file kind, const char *name,
    const struct snode *root, const char *src, size_t srclen,
    struct sentry ***out, size_t *n, char **cause)
{
	struct sentry	**e;
	size_t		  i, ne = 0;

	*out = NULL;
	*n = 0;
	if (is_null(root))
		return 0;
	if (root->type != SN_MAP) {
		*cause = at(name, root, "%s", "expected a mapping of article "
		    "paths");
		return -1;
	}
	e = xreallocarray(NULL, root->n / 2 + 1, sizeof *e);
	for (i = 0; i + 1 < root->n; i += 2) {
		e[ne] = xcalloc(1, sizeof **e);
		if (get_entry(kind, name, root->kids[i], root->kids[i + 1],
		    e[ne], cause) == -1) {
			sentry_free(e[ne]);
			goto fail;
		}
		ne++;
	}
	if (src != NULL)
		frags_from_src(root, e, ne, src, srclen);
	/* A saved file is sorted already. */
	for (i = 1; i < ne && cmp_entry(&e[i - 1], &e[i]) < 0; i++)
		continue;
	if (i < ne)
		qsort(e, ne, sizeof *e, cmp_entry);
	for (i = 1; i < ne; i++) {
		if (strcmp(e[i - 1]->key, e[i]->key) == 0) {
			*cause = at(name, repeated_key(root, e[i]->key),
			    "article \"%s\" appears twice", e[i]->key);
			goto fail;
		}
	}
	*out = e;
	*n = ne;
	return 0;
fail:
	for (i = 0; i < ne; i++)
		sentry_free(e[i]);
	free(e);
	return -1;
}

void
sentry_hl_clear(struct store_highlight *h)
{
	free(h->quote);
	free(h->before);
	free(h->after);
	free(h->note);
	memset(h, 0, sizeof *h);
}

void
sentry_hl_default_id(struct store_highlight *h)
{
	struct buf	b = { 0 };

	/* The parts joined by NUL, which none of them can hold. */
	buf_add(&b, h->quote, strlen(h->quote) + 1);
	buf_add(&b, h->before ? h->before : "", strlen(h->before ?
	    h->before : "") + 1);
	buf_add(&b, h->after ? h->after : "", strlen(h->after ?
	    h->after : "") + 1);
	buf_addf(&b, "%zu", h->para);
	snprintf(h->id, sizeof h->id, "%016" PRIx64, store_hash(b.data,
	    b.len));
	buf_free(&b);
}

void
sentry_free(struct sentry *e)
{
	size_t i;

	if (e == NULL)
		return;
	for (i = 0; i < e->ntags; i++)
		free(e->tags[i]);
	free(e->tags);
	for (i = 0; i < e->nhl; i++)
		sentry_hl_clear(&e->hl[i]);
	free(e->hl);
	stree_free(e->extra);
	free(e->frag);
	free(e->key);
	free(e);
}
