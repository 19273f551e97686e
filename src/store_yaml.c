/* store_yaml: the state files' YAML, read through libyaml's event parser
 * into a small tree (so that depth can be limited before libyaml goes deep)
 * and written with libyaml's emitter, one entry at a time. */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <yaml.h>

#include "inkstone/text.h"
#include "inkstone/util.h"
#include "store_int.h"

static struct ynode *
ynode_new(enum ynode_type type, const yaml_mark_t *m)
{
	struct ynode *n = xcalloc(1, sizeof *n);

	n->type = type;
	n->line = m->line + 1;
	n->col = m->column + 1;
	return n;
}

void
ynode_add(struct ynode *parent, struct ynode *kid)
{
	if (parent->n == parent->cap) {
		parent->cap = parent->cap ? parent->cap * 2 : 4;
		parent->kids = xreallocarray(parent->kids, parent->cap,
		    sizeof *parent->kids);
	}
	parent->kids[parent->n++] = kid;
}

void
ytree_free(struct ynode *n)
{
	size_t i;

	if (n == NULL)
		return;
	for (i = 0; i < n->n; i++)
		ytree_free(n->kids[i]);
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
ytree_parse(const char *name, const char *buf, size_t len,
    struct ynode **root, char **cause)
{
	yaml_parser_t	 p;
	yaml_event_t	 ev;
	struct ynode	*stack[STORE_MAX_DEPTH], *n;
	size_t		 depth = 0, ndocs = 0;
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
			n = ynode_new(YN_SCALAR, &ev.start_mark);
			n->s = xstrndup((const char *)ev.data.scalar.value,
			    ev.data.scalar.length);
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
			n = ynode_new(ev.type == YAML_SEQUENCE_START_EVENT ?
			    YN_SEQ : YN_MAP, &ev.start_mark);
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
		if (depth == 0)
			*root = n;
		else
			ynode_add(stack[depth - 1], n);
		if (n->type != YN_SCALAR)
			stack[depth++] = n;
	}
	r = 0;
out:
	yaml_parser_delete(&p);
	if (r == -1) {
		/* The root owns every node made so far. */
		ytree_free(*root);
		*root = NULL;
	}
	return r;
}

static int
is_null(const struct ynode *n)
{
	if (n == NULL)
		return 1;
	if (n->type != YN_SCALAR || !n->plain)
		return 0;
	return n->len == 0 || strcmp(n->s, "~") == 0 ||
	    strcmp(n->s, "null") == 0 || strcmp(n->s, "Null") == 0 ||
	    strcmp(n->s, "NULL") == 0;
}

static char *at(const char *, const struct ynode *, const char *, ...)
    __attribute__((format(printf, 3, 4)));

static char *
at(const char *name, const struct ynode *n, const char *fmt, ...)
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
get_string(const char *name, const struct ynode *n, const char *what,
    char **out, char **cause)
{
	if (is_null(n)) {
		*out = xstrdup("");
		return 0;
	}
	if (n->type != YN_SCALAR) {
		*cause = at(name, n, "%s: expected text", what);
		return -1;
	}
	*out = xstrndup(n->s, n->len);
	return 0;
}

static int
get_size(const char *name, const struct ynode *n, const char *what,
    size_t *out, char **cause)
{
	char			*end;
	unsigned long long	 v;

	if (n->type != YN_SCALAR || n->len == 0 || n->s[0] < '0' ||
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
get_bool(const char *name, const struct ynode *n, int *out, char **cause)
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
	for (i = 0; n->type == YN_SCALAR && i < sizeof yes / sizeof *yes;
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
get_hash(const char *name, const struct ynode *n, uint64_t *out,
    char **cause)
{
	char *end;

	if (is_null(n)) {
		*out = 0;
		return 0;
	}
	if (n->type != YN_SCALAR || n->len == 0 || n->len > 16 ||
	    strspn(n->s, "0123456789abcdefABCDEF") != n->len) {
		*cause = at(name, n, "%s: expected up to 16 hex digits",
		    "hash");
		return -1;
	}
	*out = strtoull(n->s, &end, 16);
	return 0;
}

/* "2026-11-23T18:30:00Z" (what the store writes), a date alone, or seconds
 * since the epoch. */
static int
get_time(const char *name, const struct ynode *n, time_t *out, char **cause)
{
	struct tm	tm;
	int		y, mo, d, h = 0, mi = 0, sec = 0, k = 0;
	size_t		v;

	if (is_null(n)) {
		*out = 0;
		return 0;
	}
	if (n->type == YN_SCALAR &&
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
		*out = timegm(&tm);
		return 0;
	}
	if (get_size(name, n, "created", &v, cause) == -1) {
		free(*cause);
		*cause = at(name, n, "%s: expected a time like "
		    "2026-01-31T12:00:00Z", "created");
		return -1;
	}
	*out = (time_t)v;
	return 0;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
get_tags(const char *name, const struct ynode *n, struct sentry *e,
    char **cause)
{
	size_t i, j;

	if (is_null(n))
		return 0;
	if (n->type != YN_SEQ) {
		*cause = at(name, n, "%s: expected a list", "tags");
		return -1;
	}
	e->tags = xreallocarray(NULL, n->n, sizeof *e->tags);
	for (i = 0; i < n->n; i++) {
		if (n->kids[i]->type != YN_SCALAR || n->kids[i]->len == 0) {
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
get_highlight(const char *name, const struct ynode *n,
    struct store_highlight *h, char **cause)
{
	const struct ynode	*k, *v;
	size_t			 i;
	int			 r = 0;
	char			*id = NULL;

	if (n->type != YN_MAP) {
		*cause = at(name, n, "%s: expected a mapping", "highlight");
		return -1;
	}
	for (i = 0; r == 0 && i + 1 < n->n; i += 2) {
		k = n->kids[i];
		v = n->kids[i + 1];
		if (k->type != YN_SCALAR)
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
get_highlights(const char *name, const struct ynode *n, struct sentry *e,
    char **cause)
{
	size_t	  i;
	char	**ids;

	if (is_null(n))
		return 0;
	if (n->type != YN_SEQ) {
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

static struct ynode *
ytree_copy(const struct ynode *n)
{
	struct ynode	*c = xcalloc(1, sizeof *c);
	size_t		 i;

	*c = *n;
	c->cap = n->n;
	if (n->s != NULL)
		c->s = xstrndup(n->s, n->len);
	c->kids = n->n ? xreallocarray(NULL, n->n, sizeof *c->kids) : NULL;
	for (i = 0; i < n->n; i++)
		c->kids[i] = ytree_copy(n->kids[i]);
	return c;
}

/* Key pairs of a map, for sorting. */
struct pair {
	struct ynode	*k;
	struct ynode	*v;
};

static int
cmp_pair(const void *a, const void *b)
{
	return strcmp(((const struct pair *)a)->k->s,
	    ((const struct pair *)b)->k->s);
}

/* Sorts a map's keys (so that it is written the same way every time) and
 * finds a repeated one. */
static const struct ynode *
map_sort(struct ynode *m)
{
	struct pair	*p;
	size_t		 i, np = m->n / 2;
	const struct ynode *dup = NULL;

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
get_entry(enum store_file kind, const char *name, const struct ynode *k,
    const struct ynode *v, struct sentry *e, char **cause)
{
	const struct ynode	*kk, *vv, *dup;
	const char		*known[] = { "hash", "read", "tags",
				    "highlights" };
	int			 seen[4] = { 0 }, r = 0, w;
	size_t			 i;

	if (k->type != YN_SCALAR || k->len == 0 ||
	    strlen(k->s) != k->len) {
		*cause = at(name, k, "%s: expected an article path as key",
		    "entry");
		return -1;
	}
	e->key = xstrdup(k->s);
	if (is_null(v))
		return 0;
	if (v->type != YN_MAP) {
		*cause = at(name, v, "%s: expected a mapping", e->key);
		return -1;
	}
	for (i = 0; r == 0 && i + 1 < v->n; i += 2) {
		kk = v->kids[i];
		vv = v->kids[i + 1];
		if (kk->type != YN_SCALAR) {
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
			ynode_add(e->extra, ytree_copy(kk));
			ynode_add(e->extra, ytree_copy(vv));
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

/* An entry with the key node it was read from, so that a repeated
 * article can be reported where it stands. */
struct keyed {
	struct sentry		*e;
	const struct ynode	*k;
};

static int
cmp_keyed(const void *a, const void *b)
{
	return strcmp(((const struct keyed *)a)->e->key,
	    ((const struct keyed *)b)->e->key);
}

int
sentry_from_tree(enum store_file kind, const char *name,
    const struct ynode *root, struct sentry ***out, size_t *n, char **cause)
{
	struct keyed	 *p;
	struct sentry	**e;
	size_t		  i, ne = 0;

	*out = NULL;
	*n = 0;
	if (is_null(root))
		return 0;
	if (root->type != YN_MAP) {
		*cause = at(name, root, "%s", "expected a mapping of article "
		    "paths");
		return -1;
	}
	p = xreallocarray(NULL, root->n / 2 + 1, sizeof *p);
	for (i = 0; i + 1 < root->n; i += 2) {
		p[ne].e = xcalloc(1, sizeof *p[ne].e);
		p[ne].k = root->kids[i];
		if (get_entry(kind, name, root->kids[i], root->kids[i + 1],
		    p[ne].e, cause) == -1) {
			sentry_free(p[ne].e);
			goto fail;
		}
		ne++;
	}
	qsort(p, ne, sizeof *p, cmp_keyed);
	for (i = 1; i < ne; i++) {
		if (strcmp(p[i - 1].e->key, p[i].e->key) == 0) {
			/* qsort is not stable: name the later of the two. */
			*cause = at(name, p[i - 1].k->line > p[i].k->line ||
			    (p[i - 1].k->line == p[i].k->line &&
			    p[i - 1].k->col > p[i].k->col) ? p[i - 1].k :
			    p[i].k, "article \"%s\" appears twice", p[i].e->key);
			goto fail;
		}
	}
	e = xreallocarray(NULL, ne + 1, sizeof *e);
	for (i = 0; i < ne; i++)
		e[i] = p[i].e;
	free(p);
	*out = e;
	*n = ne;
	return 0;
fail:
	for (i = 0; i < ne; i++)
		sentry_free(p[i].e);
	free(p);
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
	ytree_free(e->extra);
	free(e->frag);
	free(e->key);
	free(e);
}

/* Emission.  Errors cannot happen short of memory (the output goes to a
 * buffer and every string is valid UTF-8 by then), so they are fatal. */
static int
emit_write(void *data, unsigned char *p, size_t n)
{
	buf_add(data, p, n);
	return 1;
}

static void
emit(yaml_emitter_t *em, yaml_event_t *ev)
{
	if (!yaml_emitter_emit(em, ev)) {
		fprintf(stderr, "inkstone: YAML emitter: %s\n",
		    em->problem ? em->problem : "failed");
		exit(1);
	}
}

static void
emit_str(yaml_emitter_t *em, const char *s, size_t len, int plain_ok)
{
	yaml_event_t		ev;
	yaml_scalar_style_t	style = YAML_ANY_SCALAR_STYLE;

	/* Several lines read best as a literal block; the emitter falls back
	 * to quotes when a literal cannot hold the text. */
	if (memchr(s, '\n', len) != NULL)
		style = YAML_LITERAL_SCALAR_STYLE;
	yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s,
	    (int)len, plain_ok, 1, style);
	emit(em, &ev);
}

static void
emit_key(yaml_emitter_t *em, const char *s)
{
	emit_str(em, s, strlen(s), 1);
}

/* An int or float in YAML 1.1 or 1.2: 12, -1_000, 0x1f, 0o17, 0b101,
 * 1:30 (base 60), 1.5e3, .5 */
static int
looks_number(const char *p)
{
	const char	*set = NULL;
	size_t		 n;
	int		 digits;

	if (*p == '+' || *p == '-')
		p++;
	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
		set = "0123456789abcdefABCDEF_";
	else if (p[0] == '0' && p[1] == 'o')
		set = "01234567_";
	else if (p[0] == '0' && p[1] == 'b')
		set = "01_";
	if (set != NULL)
		return p[2] != '\0' && strspn(p + 2, set) == strlen(p + 2);
	n = strspn(p, "0123456789_:");
	digits = strcspn(p, "0123456789") < n;
	p += n;
	if (*p == '.') {
		n = strspn(++p, "0123456789_");
		digits |= strcspn(p, "0123456789") < n;
		p += n;
	}
	if (digits && (*p == 'e' || *p == 'E')) {
		if (*++p == '+' || *p == '-')
			p++;
		if ((n = strspn(p, "0123456789")) == 0)
			return 0;
		p += n;
	}
	return digits && *p == '\0';
}

/* Would a YAML 1.1 or 1.2 reader take this plain scalar for a null, a
 * bool or a number? */
static int
looks_typed(const char *s)
{
	static const char *words[] = { "~", "null", "true", "false", "yes",
	    "no", "on", "off", "y", "n", ".inf", "-.inf", "+.inf", ".nan" };
	size_t	i;

	if (*s == '\0')
		return 1;
	for (i = 0; i < sizeof words / sizeof *words; i++)
		if (strcasecmp(s, words[i]) == 0)
			return 1;
	return looks_number(s);
}

static void
emit_text(yaml_emitter_t *em, const char *s)
{
	/* Text must come back as text: "true" or "12" are quoted so that no
	 * YAML reader takes them for a bool or a number. */
	emit_str(em, s, strlen(s), !looks_typed(s));
}

static void
emit_start(yaml_emitter_t *em, int map, int flow)
{
	yaml_event_t ev;

	if (map)
		yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
		    flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE);
	else
		yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
		    flow ? YAML_FLOW_SEQUENCE_STYLE :
		    YAML_BLOCK_SEQUENCE_STYLE);
	emit(em, &ev);
}

static void
emit_end(yaml_emitter_t *em, int map)
{
	yaml_event_t ev;

	if (map)
		yaml_mapping_end_event_initialize(&ev);
	else
		yaml_sequence_end_event_initialize(&ev);
	emit(em, &ev);
}

static void
emit_node(yaml_emitter_t *em, const struct ynode *n)
{
	size_t i;

	if (n->type == YN_SCALAR) {
		emit_str(em, n->s, n->len, n->plain);
		return;
	}
	emit_start(em, n->type == YN_MAP, 0);
	for (i = 0; i < n->n; i++)
		emit_node(em, n->kids[i]);
	emit_end(em, n->type == YN_MAP);
}

static void
emit_highlight(yaml_emitter_t *em, const struct store_highlight *h)
{
	char		num[32];
	struct tm	tm;

	emit_start(em, 1, 0);
	emit_key(em, "id");
	/* Quoted when it looks typed: an id "null" must not read back as
	 * no id at all. */
	emit_text(em, h->id);
	emit_key(em, "quote");
	emit_text(em, h->quote);
	emit_key(em, "before");
	emit_text(em, h->before);
	emit_key(em, "after");
	emit_text(em, h->after);
	emit_key(em, "para");
	snprintf(num, sizeof num, "%zu", h->para);
	emit_key(em, num);
	emit_key(em, "offset");
	snprintf(num, sizeof num, "%zu", h->offset);
	emit_key(em, num);
	if (h->created != 0 && gmtime_r(&h->created, &tm) != NULL) {
		strftime(num, sizeof num, "%Y-%m-%dT%H:%M:%SZ", &tm);
		emit_key(em, "created");
		emit_key(em, num);
	}
	if (h->note != NULL) {
		emit_key(em, "note");
		emit_text(em, h->note);
	}
	emit_end(em, 1);
}

/* Starts a document: UTF-8 as is, no line folding, LF. */
static void
emit_begin(yaml_emitter_t *em, struct buf *b)
{
	yaml_event_t ev;

	yaml_emitter_initialize(em);
	yaml_emitter_set_output(em, emit_write, b);
	yaml_emitter_set_unicode(em, 1);
	yaml_emitter_set_width(em, -1);
	yaml_emitter_set_break(em, YAML_LN_BREAK);
	yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
	emit(em, &ev);
	yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1);
	emit(em, &ev);
}

static void
emit_finish(yaml_emitter_t *em)
{
	yaml_event_t ev;

	yaml_document_end_event_initialize(&ev, 1);
	emit(em, &ev);
	yaml_stream_end_event_initialize(&ev);
	emit(em, &ev);
	yaml_emitter_delete(em);
}

struct ynode *
ynode_raw(const char *s)
{
	struct ynode *n = xcalloc(1, sizeof *n);

	n->type = YN_SCALAR;
	n->s = xstrdup(s);
	n->len = strlen(s);
	n->plain = 1;
	return n;
}

struct ynode *
ynode_text(const char *s)
{
	struct ynode *n = ynode_raw(s);

	n->plain = !looks_typed(s);
	return n;
}

struct ynode *
ynode_box(enum ynode_type type)
{
	struct ynode *n = xcalloc(1, sizeof *n);

	n->type = type;
	return n;
}

char *
ytree_emit(const struct ynode *root, size_t *len)
{
	yaml_emitter_t	em;
	struct buf	b = { 0 };

	emit_begin(&em, &b);
	emit_node(&em, root);
	emit_finish(&em);
	return buf_take(&b, len);
}

void
sentry_emit(struct sentry *e, enum store_file kind)
{
	yaml_emitter_t	 em;
	struct buf	 b = { 0 };
	char		 hash[17];
	size_t		 i;

	emit_begin(&em, &b);
	emit_start(&em, 1, 0);
	emit_text(&em, e->key);
	emit_start(&em, 1, 0);
	if (e->hash != 0) {
		snprintf(hash, sizeof hash, "%016" PRIx64, e->hash);
		emit_key(&em, "hash");
		emit_text(&em, hash);
	}
	if (kind == STORE_HIGHLIGHTS && e->nhl > 0) {
		emit_key(&em, "highlights");
		emit_start(&em, 0, 0);
		for (i = 0; i < e->nhl; i++)
			emit_highlight(&em, &e->hl[i]);
		emit_end(&em, 0);
	}
	if (kind == STORE_TAGS && e->read) {
		emit_key(&em, "read");
		emit_key(&em, "true");
	}
	if (kind == STORE_TAGS && e->ntags > 0) {
		emit_key(&em, "tags");
		emit_start(&em, 0, 1);
		for (i = 0; i < e->ntags; i++)
			emit_text(&em, e->tags[i]);
		emit_end(&em, 0);
	}
	for (i = 0; e->extra != NULL && i + 1 < e->extra->n; i += 2) {
		emit_node(&em, e->extra->kids[i]);
		emit_node(&em, e->extra->kids[i + 1]);
	}
	emit_end(&em, 1);
	emit_end(&em, 1);
	emit_finish(&em);
	free(e->frag);
	e->frag = buf_take(&b, &e->fraglen);
}
