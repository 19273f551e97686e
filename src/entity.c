/* entity: extraction over paragraphs.  The scanners (entity_rules.c,
 * entity_cjk.c, entity_numbers.c) collect candidate mentions with evidence;
 * this file groups them by surface form, joins forms that name one entity
 * (gazetteer, aliases in parentheses, a surname or a name without its
 * suffix), decides each entity's type and builds the sorted set. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "inkstone/entity.h"
#include "inkstone/util.h"
#include "entity_priv.h"

static const char *const type_names[ENTITY_NTYPES] = {
	"PERSON", "ORG", "PLACE", "MONEY", "PERCENT", "DATE"
};

const char *
entity_type_name(enum entity_type type)
{
	if ((unsigned)type >= ENTITY_NTYPES)
		return "?";
	return type_names[type];
}

int
entity_type_parse(const char *name)
{
	int i;

	for (i = 0; i < ENTITY_NTYPES; i++)
		if (strcasecmp(name, type_names[i]) == 0)
			return i;
	return -1;
}

struct cand *
entity_ext_add(struct ext *x, uint32_t para, size_t s, size_t e, char *key,
    int gz, int type)
{
	struct cand *c;

	if (x->nc == x->capc) {
		x->capc = x->capc ? x->capc * 2 : 64;
		x->c = xreallocarray(x->c, x->capc, sizeof *x->c);
	}
	c = &x->c[x->nc++];
	memset(c, 0, sizeof *c);
	c->para = para;
	c->start = (uint32_t)s;
	c->end = (uint32_t)e;
	c->key = key;
	c->gz = gz;
	c->type = type;
	c->coord = -1;
	return c;
}

void
entity_ext_alias(struct ext *x, const char *key, size_t klen, const char *alias,
    size_t alen)
{
	if (x->na == x->capa) {
		x->capa = x->capa ? x->capa * 2 : 16;
		x->a = xreallocarray(x->a, x->capa, sizeof *x->a);
	}
	x->a[x->na].key = xstrndup(key, klen);
	x->a[x->na].alias = xstrndup(alias, alen);
	x->na++;
}

/* All the mentions of one surface form. */
struct group {
	const char	*key;
	int		 gz;
	int		 type;		/* fixed (money...) or -1 */
	int		 ev[3];
	unsigned	 flags;
	int		 nonsent;	/* mentions not at a sentence start */
	size_t		 first;		/* its first mention */
	int		 words;
	int		 parent;	/* union-find */
	int		 keep;
	int		 etype;
};

struct res {
	const struct entity_db	*db;
	struct ext		*x;
	struct group		*g;
	size_t			 ng;
	int			*cg;		/* cand -> group, -1 ignored */
	struct entity_map	 wmap;		/* word -> wlist */
	struct wlist {
		int	*v;
		size_t	 n;
	}			*wl;		/* longer names with the word */
	size_t			 nwl;
};

static int
find(struct res *r, int i)
{
	while (r->g[i].parent != i) {
		r->g[i].parent = r->g[r->g[i].parent].parent;
		i = r->g[i].parent;
	}
	return i;
}

/* Joins b's entity into a's.  Two different gazetteer entities never
 * join: the gazetteer knows better than a guess. */
static int
join(struct res *r, int a, int b)
{
	a = find(r, a);
	b = find(r, b);
	if (a == b)
		return 1;
	if (r->g[a].gz >= 0 && r->g[b].gz >= 0 && r->g[a].gz != r->g[b].gz)
		return 0;
	if (r->g[a].type != r->g[b].type)
		return 0;
	r->g[b].parent = a;
	if (r->g[a].gz < 0)
		r->g[a].gz = r->g[b].gz;
	r->g[a].ev[0] += r->g[b].ev[0];
	r->g[a].ev[1] += r->g[b].ev[1];
	r->g[a].ev[2] += r->g[b].ev[2];
	r->g[a].flags |= r->g[b].flags & (C_KEEP | C_MULTI);
	r->g[a].nonsent += r->g[b].nonsent;
	if (r->g[b].words > r->g[a].words)
		r->g[a].words = r->g[b].words;
	if (r->g[b].first < r->g[a].first)
		r->g[a].first = r->g[b].first;
	return 1;
}

static int
count_words(const char *s)
{
	int n = 1;

	for (; *s != '\0'; s++)
		n += *s == ' ';
	return n;
}

static void
make_groups(struct res *r, struct entity_map *by)
{
	struct ext	*x = r->x;
	struct cand	*c;
	struct group	*g;
	size_t		 i, len;
	int		*v;

	r->g = xcalloc(x->nc + 1, sizeof *r->g);
	r->cg = xcalloc(x->nc + 1, sizeof *r->cg);
	for (i = 0; i < x->nc; i++) {
		c = &x->c[i];
		len = strlen(c->key);
		if (len == 0 ||
		    entity_map_get(&r->db->ignore, c->key, len) != NULL) {
			r->cg[i] = -1;
			continue;
		}
		if ((v = entity_map_get(by, c->key, len)) == NULL) {
			g = &r->g[r->ng];
			g->key = c->key;
			g->gz = -1;
			g->type = c->type;
			g->first = i;
			g->parent = (int)r->ng;
			g->words = count_words(c->key);
			entity_map_put(by, c->key, len, (int)r->ng);
			v = entity_map_get(by, c->key, len);
			r->ng++;
		}
		g = &r->g[*v];
		r->cg[i] = *v;
		if (c->gz >= 0 && g->gz < 0)
			g->gz = c->gz;
		g->ev[0] += c->ev[0];
		g->ev[1] += c->ev[1];
		g->ev[2] += c->ev[2];
		g->flags |= c->flags;
		if (!(c->flags & C_SENTINIT))
			g->nonsent++;
	}
}

static void
decide(struct res *r, int i)
{
	struct group	*g = &r->g[i];
	int		 ev[3], t;

	memcpy(ev, g->ev, sizeof ev);
	if (g->flags & C_NOTPERSON)
		ev[0] -= 2;
	t = ev[1] >= ev[0] && ev[1] >= ev[2] ? 1 : ev[0] >= ev[2] ? 0 : 2;
	g->keep = 0;
	if (g->gz < 0 && (g->flags & C_NOTNAME))
		return;
	if (g->gz >= 0) {
		g->keep = 1;
		g->etype = (int)r->db->ents[g->gz].type;
	} else if (g->type >= 0) {
		g->keep = 1;
		g->etype = g->type;
	} else if (ev[t] >= 2) {
		g->keep = 1;
		g->etype = t;
	} else if (g->words > 1 && g->words <= 4 && (g->flags & C_NAMELIKE) &&
	    g->nonsent > 0 && !(g->flags & C_NOTPERSON)) {
		g->keep = 1;
		g->etype = ENTITY_PERSON;
	} else if (g->flags & C_KEEP) {
		g->keep = 1;
		g->etype = ev[t] > 0 ? t : g->words > 1 &&
		    !(g->flags & C_NOTPERSON) ? ENTITY_PERSON : ENTITY_ORG;
	}
}

/* Whether short is a surname of full (its first or last word), or its
 * words begin full's (an organisation without its suffix). */
static int
short_of(const char *sh, const char *full, int person)
{
	size_t		 n = strlen(sh), m = strlen(full);
	const char	*last;

	if (n >= m)
		return 0;
	if (memcmp(full, sh, n) == 0 && full[n] == ' ')
		return 1;
	if (!person)
		return 0;
	last = strrchr(full, ' ');
	if (last != NULL && strcmp(last + 1, sh) == 0)
		return 1;
	/* "Aaron Sum Wei Lun" ... "Sum said": in a longer name any word
	 * may be the surname. */
	for (last = strchr(full, ' '); last != NULL && strchr(last + 1, ' ');
	    last = strchr(last + 1, ' '))
		if (strncmp(last + 1, sh, n) == 0 && last[1 + n] == ' ')
			return 1;
	return 0;
}

/* Indexes every name of two words or more under each of its words, so a
 * short form meets only the names it could be part of. */
static void
index_words(struct res *r)
{
	const char	*w, *sp;
	size_t		 i, n;
	int		*v;

	for (i = 0; i < r->ng; i++) {
		if (r->g[i].words < 2 || r->g[i].type >= 0)
			continue;
		for (w = r->g[i].key;; w = sp + 1) {
			sp = strchr(w, ' ');
			n = sp != NULL ? (size_t)(sp - w) : strlen(w);
			if ((v = entity_map_get(&r->wmap, w, n)) == NULL) {
				r->wl = xreallocarray(r->wl, r->nwl + 1,
				    sizeof *r->wl);
				memset(&r->wl[r->nwl], 0, sizeof *r->wl);
				entity_map_put(&r->wmap, w, n, (int)r->nwl++);
				v = entity_map_get(&r->wmap, w, n);
			}
			r->wl[*v].v = xreallocarray(r->wl[*v].v,
			    r->wl[*v].n + 1, sizeof *r->wl[*v].v);
			r->wl[*v].v[r->wl[*v].n++] = (int)i;
			if (sp == NULL)
				break;
		}
	}
}

/* The kept entity a short form names, or -1.  The latest one introduced
 * before the short form wins; else the first introduced after it. */
static int
link_target(struct res *r, int i)
{
	struct group	*g = &r->g[i], *h;
	const char	*sp = strchr(g->key, ' ');
	struct wlist	*l;
	size_t		 k, j;
	int		 best = -1, root, *v;

	v = entity_map_get(&r->wmap, g->key, sp != NULL ?
	    (size_t)(sp - g->key) : strlen(g->key));
	if (v == NULL)
		return -1;
	l = &r->wl[*v];
	for (k = 0; k < l->n; k++) {
		j = (size_t)l->v[k];
		if (r->g[j].words <= g->words)
			continue;
		root = find(r, (int)j);
		h = &r->g[root];
		if (root == find(r, i) || !h->keep ||
		    (h->etype != ENTITY_PERSON && h->etype != ENTITY_ORG))
			continue;
		if (!short_of(g->key, r->g[j].key, h->etype == ENTITY_PERSON))
			continue;
		if (best == -1)
			best = root;
		else if (h->first < g->first && (r->g[best].first > g->first ||
		    h->first > r->g[best].first))
			best = root;
		else if (h->first > g->first && r->g[best].first > g->first &&
		    h->first < r->g[best].first)
			best = root;
	}
	return best;
}

static void
add_alias(struct entity *e, const char *a)
{
	size_t i;

	if (strcmp(e->name, a) == 0)
		return;
	for (i = 0; i < e->naliases; i++)
		if (strcmp(e->aliases[i], a) == 0)
			return;
	e->aliases = xreallocarray(e->aliases, e->naliases + 1,
	    sizeof *e->aliases);
	e->aliases[e->naliases++] = xstrdup(a);
}

static int
ascii_start(const char *s)
{
	return (unsigned char)*s < 0x80;
}

static int
entity_cmp(const void *a, const void *b)
{
	const struct entity *x = a, *y = b;

	if (x->type != y->type)
		return x->type < y->type ? -1 : 1;
	if (x->nspans != y->nspans)
		return x->nspans > y->nspans ? -1 : 1;
	return strcmp(x->name, y->name);
}

static int
span_cmp(const void *a, const void *b)
{
	const struct entity_span *x = a, *y = b;

	if (x->para != y->para)
		return x->para < y->para ? -1 : 1;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return (x->end > y->end) - (x->end < y->end);
}

/* Whether form is one of gazetteer entity gz's names. */
static int
gz_form(const struct entity_db *db, int gz, const char *form)
{
	size_t i;

	if (gz < 0)
		return 0;
	if (strcmp(db->ents[gz].name, form) == 0)
		return 1;
	for (i = 0; i < db->ents[gz].naliases; i++)
		if (strcmp(db->ents[gz].aliases[i], form) == 0)
			return 1;
	return 0;
}

/* "Bank of China" is no name of the People's Bank of China: a form found
 * inside the entity's name is an alias only if it is a short form of it
 * (a surname, the name without its suffix) or the gazetteer's.  Such a
 * form comes of a rule that stopped short; its mention still counts. */
static void
drop_inner_aliases(const struct entity_db *db, struct entity *e, int gz)
{
	size_t i, j;

	for (i = j = 0; i < e->naliases; i++) {
		if (strstr(e->name, e->aliases[i]) != NULL &&
		    !short_of(e->aliases[i], e->name,
		    e->type == ENTITY_PERSON) &&
		    !gz_form(db, gz, e->aliases[i])) {
			free(e->aliases[i]);
			continue;
		}
		e->aliases[j++] = e->aliases[i];
	}
	e->naliases = j;
}

/* Builds the set from the kept roots. */
static struct entity_set *
build(struct res *r, struct entity_map *by)
{
	struct entity_set	*set = xcalloc(1, sizeof *set);
	struct entity		*e;
	struct group		*g;
	int			*slot, root, *v;
	size_t			 i, j, k;

	slot = xcalloc(r->ng + 1, sizeof *slot);
	set->v = xcalloc(r->ng + 1, sizeof *set->v);
	for (i = 0; i < r->ng; i++)
		slot[i] = -1;
	/* Canonical name: the gazetteer's, else the longest form (the
	 * first of the longest), written in Latin letters if there is one. */
	for (i = 0; i < r->x->nc; i++) {
		if (r->cg[i] < 0)
			continue;
		root = find(r, r->cg[i]);
		g = &r->g[root];
		if (!g->keep)
			continue;
		if (slot[root] == -1) {
			slot[root] = (int)set->n;
			e = &set->v[set->n++];
			e->type = (enum entity_type)g->etype;
			e->name = xstrdup(g->gz >= 0 ? r->db->ents[g->gz].name :
			    r->x->c[i].key);
		}
		e = &set->v[slot[root]];
		if (g->gz < 0 && (count_words(r->x->c[i].key) >
		    count_words(e->name) || !ascii_start(e->name)) &&
		    ascii_start(r->x->c[i].key)) {
			add_alias(e, e->name);
			free(e->name);
			e->name = xstrdup(r->x->c[i].key);
			for (k = 0; k < e->naliases; k++)
				if (strcmp(e->aliases[k], e->name) == 0) {
					free(e->aliases[k]);
					memmove(&e->aliases[k],
					    &e->aliases[k + 1], (e->naliases -
					    k - 1) * sizeof *e->aliases);
					e->naliases--;
					break;
				}
		}
		add_alias(e, r->x->c[i].key);
		/* Doubling: grown one at a time, a name met 50,000 times
		 * cost minutes where realloc copies (the sanitizers). */
		if ((e->nspans & (e->nspans - 1)) == 0)
			e->spans = xreallocarray(e->spans, e->nspans ?
			    2 * e->nspans : 1, sizeof *e->spans);
		e->spans[e->nspans].para = r->x->c[i].para;
		e->spans[e->nspans].start = r->x->c[i].start;
		e->spans[e->nspans].end = r->x->c[i].end;
		e->nspans++;
	}
	for (i = 0; i < r->x->na; i++) {
		v = entity_map_get(by, r->x->a[i].key, strlen(r->x->a[i].key));
		if (v == NULL || !r->g[root = find(r, *v)].keep)
			continue;
		add_alias(&set->v[slot[root]], r->x->a[i].alias);
	}
	for (i = 0; i < r->ng; i++)
		if (slot[i] >= 0)
			drop_inner_aliases(r->db, &set->v[slot[i]],
			    r->g[i].gz);
	for (i = j = 0; i < set->n; i++) {
		e = &set->v[i];
		if (entity_map_get(&r->db->ignore, e->name, strlen(e->name))) {
			for (k = 0; k < e->naliases; k++)
				free(e->aliases[k]);
			free(e->aliases);
			free(e->spans);
			free(e->name);
			continue;
		}
		qsort(e->spans, e->nspans, sizeof *e->spans, span_cmp);
		set->v[j++] = *e;
	}
	set->n = j;
	qsort(set->v, set->n, sizeof *set->v, entity_cmp);
	free(slot);
	return set;
}

/* The kind a candidate's own evidence gives it (0-2), or -1. */
static int
cand_kind(const struct entity_db *db, const struct cand *c)
{
	int j, best = -1;

	if (c->gz >= 0)
		return db->ents[c->gz].type <= ENTITY_PLACE ?
		    (int)db->ents[c->gz].type : -1;
	for (j = 0; j < 3; j++)
		if (c->ev[j] >= 2 && (best == -1 || c->ev[j] > c->ev[best]))
			best = j;
	return best;
}

/* "Equinix, Digital Realty and Keppel DC REIT": the kind of a later name
 * in a list reaches back to the names before it. */
static void
lists_back(const struct entity_db *db, struct ext *x)
{
	size_t	 i;
	int	 kind, j;

	for (i = x->nc; i-- > 0;) {
		if ((j = x->c[i].coord) < 0 || x->c[j].gz >= 0 ||
		    cand_kind(db, &x->c[j]) >= 0)
			continue;
		if ((kind = cand_kind(db, &x->c[i])) >= 0)
			x->c[j].ev[kind] += 2;
	}
}

static struct entity_set *
resolve(const struct entity_db *db, struct ext *x)
{
	struct res		 r;
	struct entity_map		 by = { 0 };
	struct entity_set	*set;
	int			*gzfirst, *v, *w, t;
	size_t			 i;

	memset(&r, 0, sizeof r);
	r.db = db;
	r.x = x;
	lists_back(db, x);
	make_groups(&r, &by);
	gzfirst = xcalloc(db->nents + 1, sizeof *gzfirst);
	for (i = 0; i < db->nents; i++)
		gzfirst[i] = -1;
	for (i = 0; i < r.ng; i++) {
		if (r.g[i].gz < 0)
			continue;
		if (gzfirst[r.g[i].gz] == -1)
			gzfirst[r.g[i].gz] = (int)i;
		else
			join(&r, gzfirst[r.g[i].gz], (int)i);
	}
	free(gzfirst);
	/* Aliases given in the text: "... Co (TSMC)", "Xi Jinping (習近平)". */
	for (i = 0; i < x->na; i++) {
		v = entity_map_get(&by, x->a[i].key, strlen(x->a[i].key));
		w = entity_map_get(&by, x->a[i].alias, strlen(x->a[i].alias));
		if (v != NULL && w != NULL)
			join(&r, *v, *w);
		if (v != NULL)
			r.g[find(&r, *v)].flags |= C_KEEP;
	}
	for (i = 0; i < r.ng; i++)
		if (find(&r, (int)i) == (int)i)
			decide(&r, (int)i);
	/* Short forms: a surname, an organisation without its suffix. */
	index_words(&r);
	for (i = 0; i < r.ng; i++) {
		if (r.g[i].gz >= 0 || r.g[i].type >= 0 ||
		    find(&r, (int)i) != (int)i || (r.g[i].keep &&
		    r.g[i].etype == ENTITY_PLACE))
			continue;
		if ((t = link_target(&r, (int)i)) >= 0)
			join(&r, t, (int)i);
	}
	set = build(&r, &by);
	for (i = 0; i < r.nwl; i++)
		free(r.wl[i].v);
	free(r.wl);
	entity_map_free(&r.wmap);
	free(r.g);
	free(r.cg);
	entity_map_free(&by);
	return set;
}

struct entity_set *
entity_extract(const struct entity_db *db, const char *const *paras,
    const size_t *lens, size_t npara)
{
	struct ext		 x;
	struct entity_set	*set;
	size_t			 i;

	memset(&x, 0, sizeof x);
	x.db = db;
	for (i = 0; i < npara; i++)
		if (paras[i] != NULL && lens[i] > 0 && lens[i] < UINT32_MAX)
			entity_rules_para(&x, (uint32_t)i, paras[i], lens[i]);
	entity_drop_overlaps(&x);
	entity_text_aliases(&x, paras, lens, npara);
	set = resolve(db, &x);
	for (i = 0; i < x.nc; i++)
		free(x.c[i].key);
	for (i = 0; i < x.na; i++) {
		free(x.a[i].key);
		free(x.a[i].alias);
	}
	free(x.c);
	free(x.a);
	free(x.tok);
	return set;
}

void
entity_set_free(struct entity_set *set)
{
	size_t i, j;

	if (set == NULL)
		return;
	for (i = 0; i < set->n; i++) {
		for (j = 0; j < set->v[i].naliases; j++)
			free(set->v[i].aliases[j]);
		free(set->v[i].aliases);
		free(set->v[i].spans);
		free(set->v[i].name);
	}
	free(set->v);
	free(set);
}

const struct entity *
entity_set_find(const struct entity_set *set, const char *name)
{
	size_t i, j;

	for (i = 0; i < set->n; i++) {
		if (strcmp(set->v[i].name, name) == 0)
			return &set->v[i];
		for (j = 0; j < set->v[i].naliases; j++)
			if (strcmp(set->v[i].aliases[j], name) == 0)
				return &set->v[i];
	}
	return NULL;
}
