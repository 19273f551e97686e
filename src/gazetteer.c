/* gazetteer: the entity database, loaded from the shipped entities.yaml and
 * the user's, and the lookup of its names in text. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <yaml.h>

#include "inkstone/entity.h"
#include "inkstone/text.h"
#include "inkstone/util.h"
#include "entity_priv.h"

/* Limits on a gazetteer file: its size, nesting and node count. */
#define GZ_MAX_BYTES	(8u << 20)
#define GZ_MAX_DEPTH	8
#define GZ_MAX_NODES	400000

/* ---- YAML: a small tree with limits, built from libyaml events ---- */

struct node {
	int		 kind;		/* 0 scalar, 1 sequence, 2 mapping */
	char		*val;
	size_t		 line, col;
	struct node	**kids;		/* mapping: key, value, key, ... */
	size_t		 nkids;
};

static void
node_free(struct node *n)
{
	size_t i;

	if (n == NULL)
		return;
	for (i = 0; i < n->nkids; i++)
		node_free(n->kids[i]);
	free(n->kids);
	free(n->val);
	free(n);
}

static struct node *
yaml_tree(const char *file, const char *buf, size_t len, char **cause)
{
	yaml_parser_t	 p;
	yaml_event_t	 ev;
	struct node	*stack[GZ_MAX_DEPTH + 1], *root = NULL, *n;
	size_t		 depth = 0, count = 0;
	int		 done = 0;

	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, (const unsigned char *)buf, len);
	while (!done) {
		if (!yaml_parser_parse(&p, &ev)) {
			*cause = xasprintf("%s:%zu:%zu: %s", file,
			    p.problem_mark.line + 1, p.problem_mark.column + 1,
			    p.problem != NULL ? p.problem : "bad YAML");
			goto fail;
		}
		n = NULL;
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = 1;
			break;
		case YAML_ALIAS_EVENT:
			*cause = xasprintf("%s:%zu:%zu: aliases are not "
			    "allowed here", file, ev.start_mark.line + 1,
			    ev.start_mark.column + 1);
			yaml_event_delete(&ev);
			goto fail;
		case YAML_SCALAR_EVENT:
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			if (++count > GZ_MAX_NODES || (depth == GZ_MAX_DEPTH &&
			    ev.type != YAML_SCALAR_EVENT)) {
				*cause = xasprintf("%s:%zu:%zu: too deep or "
				    "too large", file, ev.start_mark.line + 1,
				    ev.start_mark.column + 1);
				yaml_event_delete(&ev);
				goto fail;
			}
			n = xcalloc(1, sizeof *n);
			n->line = ev.start_mark.line + 1;
			n->col = ev.start_mark.column + 1;
			if (ev.type == YAML_SCALAR_EVENT)
				n->val = xstrndup((const char *)
				    ev.data.scalar.value,
				    ev.data.scalar.length);
			else
				n->kind = ev.type == YAML_SEQUENCE_START_EVENT ?
				    1 : 2;
			if (depth == 0) {
				if (root != NULL) {
					node_free(n);
					*cause = xasprintf("%s:%zu:%zu: only "
					    "one document is allowed", file,
					    ev.start_mark.line + 1,
					    ev.start_mark.column + 1);
					yaml_event_delete(&ev);
					goto fail;
				}
				root = n;
			} else {
				struct node *up = stack[depth - 1];

				up->kids = xreallocarray(up->kids,
				    up->nkids + 1, sizeof *up->kids);
				up->kids[up->nkids++] = n;
			}
			if (n->kind != 0)
				stack[depth++] = n;
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			depth--;
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	return root;
fail:
	yaml_parser_delete(&p);
	node_free(root);
	return NULL;
}

/* ---- the gazetteer ---- */

/* FNV-1a, 64 bits, over len bytes, continuing from h. */
static uint64_t
fp_mix(uint64_t h, const void *p, size_t len)
{
	const unsigned char *u = p;

	while (len-- > 0)
		h = (h ^ *u++) * 1099511628211u;
	return h;
}

static int
find_entity(const struct entity_db *db, const char *name)
{
	int *v = entity_map_get(&db->names, name, strlen(name));

	return v != NULL ? *v : -1;
}

/* Appends alias a.  Repeats are dropped once the files are read (see
 * unique_aliases): comparing each alias with all before it made one entity
 * with 130,000 aliases (a 1.3 MB file, read at every start) take 54 s. */
static void
add_alias(struct gz_entity *e, const char *a)
{
	if (strcmp(e->name, a) == 0)
		return;
	e->aliases = xreallocarray(e->aliases, e->naliases + 1,
	    sizeof *e->aliases);
	e->aliases[e->naliases++] = xstrdup(a);
}

/* Keeps the first of each alias of e. */
static void
unique_aliases(struct gz_entity *e)
{
	struct entity_map	 seen = { 0 };
	size_t			 i, n = 0;
	const char		*a;

	for (i = 0; i < e->naliases; i++) {
		a = e->aliases[i];
		if (entity_map_get(&seen, a, strlen(a)) != NULL) {
			free(e->aliases[i]);
			continue;
		}
		entity_map_put(&seen, a, strlen(a), 1);
		e->aliases[n++] = e->aliases[i];
	}
	e->naliases = n;
	entity_map_free(&seen);
}

static char *
bad(const char *file, const struct node *n, const char *what)
{
	return xasprintf("%s:%zu:%zu: %s", file, n->line, n->col, what);
}

/* Whether a name holds what a terminal would obey (C0 and C1 controls,
 * DEL, bidi embeddings and overrides): names are printed and drawn. */
static int
unprintable(const char *s)
{
	size_t		 n, len = strlen(s);
	uint32_t	 c;

	while (len > 0) {
		c = entity_u8dec(s, len, &n);
		if (c < 0x20 || (c >= 0x7f && c <= 0x9f) ||
		    (c >= 0x202a && c <= 0x202e) ||
		    (c >= 0x2066 && c <= 0x2069))
			return 1;
		s += n;
		len -= n;
	}
	return 0;
}

/* "what \"KEY\"" at key k.  The key is the file's text and may hold escape
 * sequences: the message shows it harmless, and on one line. */
static char *
key_error(const char *file, const struct node *k, const char *what)
{
	char	*safe, *p, *r;
	size_t	 len;

	if (k->kind != 0)
		return xasprintf("%s:%zu:%zu: %s \"?\"", file, k->line, k->col,
		    what);
	safe = text_clean(k->val, strlen(k->val), &len);
	for (p = safe; (p = strchr(p, '\n')) != NULL; p++)
		*p = ' ';
	r = xasprintf("%s:%zu:%zu: %s \"%s\"", file, k->line, k->col, what,
	    safe);
	free(safe);
	return r;
}

static char *
unknown_key(const char *file, const struct node *k)
{
	return key_error(file, k, "unknown key");
}

/* Adds a line to *errs for each key of a mapping under n that an earlier
 * key of the same mapping repeats.  Reading every pair (the last wins)
 * or the first of each (as entfile's reader does) would read such a file
 * two ways, and an edit would write back less than the user wrote; so a
 * repeat is an error, each one reported. */
static void
dup_keys(const char *file, const struct node *n, struct buf *errs)
{
	struct entity_map	 seen = { 0 };
	const struct node	*k;
	char			*msg;
	size_t			 i;

	for (i = 0; n->kind == 2 && i + 1 < n->nkids; i += 2) {
		k = n->kids[i];
		if (k->kind != 0)
			continue;	/* unknown, said later */
		if (entity_map_get(&seen, k->val, strlen(k->val)) == NULL) {
			entity_map_put(&seen, k->val, strlen(k->val), 1);
			continue;
		}
		msg = key_error(file, k, "duplicate key");
		if (errs->len > 0)
			buf_addc(errs, '\n');
		buf_adds(errs, msg);
		free(msg);
	}
	entity_map_free(&seen);
	for (i = 0; i < n->nkids; i++)
		if (n->kids[i]->kind != 0)
			dup_keys(file, n->kids[i], errs);
}

static int
load_entity(struct entity_db *db, const char *file, const struct node *m,
    int user, char **cause)
{
	const struct node	*k, *v, *name = NULL, *type = NULL, *al = NULL;
	struct gz_entity	*e;
	size_t			 i;
	int			 t, idx;

	if (m->kind != 2) {
		*cause = bad(file, m, "an entity must be a mapping "
		    "(name, type, aliases)");
		return -1;
	}
	for (i = 0; i + 1 < m->nkids; i += 2) {
		k = m->kids[i];
		v = m->kids[i + 1];
		if (k->kind == 0 && strcmp(k->val, "name") == 0)
			name = v;
		else if (k->kind == 0 && strcmp(k->val, "type") == 0)
			type = v;
		else if (k->kind == 0 && strcmp(k->val, "aliases") == 0)
			al = v;
		else {
			*cause = unknown_key(file, k);
			return -1;
		}
	}
	if (name == NULL || name->kind != 0 || *name->val == '\0') {
		*cause = bad(file, name ? name : m, "an entity needs a name");
		return -1;
	}
	if (unprintable(name->val)) {
		*cause = bad(file, name, "control characters in a name");
		return -1;
	}
	if (type == NULL || type->kind != 0 ||
	    (t = entity_type_parse(type->val)) == -1) {
		*cause = bad(file, type ? type : m, "type must be PERSON, ORG, "
		    "PLACE, MONEY, PERCENT or DATE");
		return -1;
	}
	if (al != NULL && al->kind != 1) {
		*cause = bad(file, al, "aliases must be a list");
		return -1;
	}
	idx = find_entity(db, name->val);
	if (idx == -1) {
		db->ents = xreallocarray(db->ents, db->nents + 1,
		    sizeof *db->ents);
		idx = (int)db->nents++;
		memset(&db->ents[idx], 0, sizeof db->ents[idx]);
		db->ents[idx].name = xstrdup(name->val);
		entity_map_put(&db->names, name->val, strlen(name->val), idx);
	}
	e = &db->ents[idx];
	e->type = (enum entity_type)t;
	e->user = user;
	for (i = 0; al != NULL && i < al->nkids; i++) {
		if (al->kids[i]->kind != 0 || *al->kids[i]->val == '\0' ||
		    unprintable(al->kids[i]->val)) {
			*cause = bad(file, al->kids[i], "an alias must be a "
			    "non-empty string without control characters");
			return -1;
		}
		add_alias(e, al->kids[i]->val);
	}
	return 0;
}

static int
load_file(struct entity_db *db, const char *file, int user, char **cause)
{
	struct node	*root, *k, *v;
	struct buf	 errs = { 0 };
	char		*buf, *err = NULL;
	size_t		 len, i, j;
	int		 r = 0;

	/* The user need not have a file of their own. */
	if (user && access(file, F_OK) == -1 && errno == ENOENT) {
		db->fp = fp_mix(db->fp, "-", 1);
		return 0;
	}
	buf = util_read_file(file, GZ_MAX_BYTES, &len, &err);
	if (buf == NULL) {
		*cause = err;
		return -1;
	}
	db->fp = fp_mix(db->fp, user ? "u" : "s", 1);
	db->fp = fp_mix(db->fp, &len, sizeof len);
	db->fp = fp_mix(db->fp, buf, len);
	root = yaml_tree(file, buf, len, cause);
	free(buf);
	if (root == NULL)
		return *cause != NULL ? -1 : 0;	/* empty file: nothing */
	if (root->kind != 2) {
		*cause = bad(file, root, "expected a mapping with \"entities\" "
		    "and \"ignore\"");
		node_free(root);
		return -1;
	}
	dup_keys(file, root, &errs);
	if (errs.len > 0) {
		*cause = buf_take(&errs, NULL);
		node_free(root);
		return -1;
	}
	for (i = 0; r == 0 && i + 1 < root->nkids; i += 2) {
		k = root->kids[i];
		v = root->kids[i + 1];
		if (k->kind == 0 && strcmp(k->val, "entities") == 0) {
			if (v->kind == 0 && *v->val == '\0')
				continue;
			if (v->kind != 1) {
				*cause = bad(file, v,
				    "entities must be a list");
				r = -1;
			}
			for (j = 0; r == 0 && j < v->nkids; j++)
				r = load_entity(db, file, v->kids[j], user,
				    cause);
		} else if (k->kind == 0 && strcmp(k->val, "ignore") == 0) {
			if (v->kind == 0 && *v->val == '\0')
				continue;
			if (v->kind != 1) {
				*cause = bad(file, v, "ignore must be a list");
				r = -1;
			}
			for (j = 0; r == 0 && j < v->nkids; j++) {
				if (v->kids[j]->kind != 0) {
					*cause = bad(file, v->kids[j],
					    "ignore holds names");
					r = -1;
				} else
					entity_map_put(&db->ignore,
					    v->kids[j]->val,
					    strlen(v->kids[j]->val), 1);
			}
		} else {
			*cause = unknown_key(file, k);
			r = -1;
		}
	}
	node_free(root);
	return r;
}

static int
form_cmp(const void *a, const void *b)
{
	const struct gz_form *x = a, *y = b;

	if (x->len != y->len)
		return x->len > y->len ? -1 : 1;
	return strcmp(x->s, y->s);
}

static void
index_form(struct entity_db *db, const char *s, int ent)
{
	struct gz_bucket	*b;
	size_t			 len = strlen(s), u = entity_first_unit(s, len);
	int			*v;

	if (u == 0 || entity_map_get(&db->ignore, s, len) != NULL)
		return;
	if ((v = entity_map_get(&db->first, s, u)) == NULL) {
		db->buckets = xreallocarray(db->buckets, db->nbuckets + 1,
		    sizeof *db->buckets);
		memset(&db->buckets[db->nbuckets], 0, sizeof *db->buckets);
		entity_map_put(&db->first, s, u, (int)db->nbuckets);
		b = &db->buckets[db->nbuckets++];
	} else
		b = &db->buckets[*v];
	b->v = xreallocarray(b->v, b->n + 1, sizeof *b->v);
	b->v[b->n].s = s;
	b->v[b->n].len = len;
	b->v[b->n].ent = ent;
	b->n++;
}

/* A form claimed by several entities goes to the user's, else to the first
 * that names it. */
static void
build_index(struct entity_db *db)
{
	struct entity_map	 owner = { 0 };
	size_t		 i, j;
	int		*o;

	for (i = 0; i < db->nents; i++) {
		struct gz_entity *e = &db->ents[i];

		unique_aliases(e);
		for (j = 0; j <= e->naliases; j++) {
			const char *s = j == 0 ? e->name : e->aliases[j - 1];

			o = entity_map_get(&owner, s, strlen(s));
			if (o == NULL || (e->user && !db->ents[*o].user))
				entity_map_put(&owner, s, strlen(s), (int)i);
		}
	}
	/* An entity's forms are unique now, so each is indexed once, by
	 * its owner, without searching the owner's aliases for it. */
	for (i = 0; i < db->nents; i++) {
		struct gz_entity *e = &db->ents[i];

		for (j = 0; j <= e->naliases; j++) {
			const char *s = j == 0 ? e->name : e->aliases[j - 1];

			o = entity_map_get(&owner, s, strlen(s));
			if (*o == (int)i)
				index_form(db, s, (int)i);
		}
	}
	entity_map_free(&owner);
	for (i = 0; i < db->nbuckets; i++)
		qsort(db->buckets[i].v, db->buckets[i].n,
		    sizeof *db->buckets[i].v, form_cmp);
}

struct entity_db *
entity_db_load(const char *shipped, const char *user, char **cause)
{
	struct entity_db	*db = xcalloc(1, sizeof *db);
	uint32_t		 rules = ENTITY_RULES_VERSION;

	*cause = NULL;
	db->fp = 14695981039346656037u;
	db->fp = fp_mix(db->fp, &rules, sizeof rules);
	entity_words_init(db);
	entity_cjk_init(db);
	if ((shipped != NULL && load_file(db, shipped, 0, cause) == -1) ||
	    (user != NULL && load_file(db, user, 1, cause) == -1)) {
		entity_db_free(db);
		return NULL;
	}
	build_index(db);
	return db;
}

struct entity_db *
entity_db_load_default(const char *data_dir, char **cause)
{
	struct entity_db	*db;
	char			*shipped, *dir, *user;

	shipped = util_share_path("entities.yaml");
	dir = data_dir != NULL ? xstrdup(data_dir) : util_data_dir();
	user = util_path_join(dir, "entities.yaml");
	db = entity_db_load(shipped, user, cause);
	free(shipped);
	free(dir);
	free(user);
	return db;
}

size_t
entity_db_count(const struct entity_db *db)
{
	return db->nents;
}

uint64_t
entity_db_fingerprint(const struct entity_db *db)
{
	return db->fp != 0 ? db->fp : 1;
}

const char *const *
entity_db_aliases(const struct entity_db *db, const char *name, size_t *n)
{
	int i = find_entity(db, name);

	if (i == -1) {
		*n = 0;
		return NULL;
	}
	*n = db->ents[i].naliases;
	return (const char *const *)db->ents[i].aliases;
}

void
entity_db_free(struct entity_db *db)
{
	size_t i, j;

	if (db == NULL)
		return;
	for (i = 0; i < db->nents; i++) {
		for (j = 0; j < db->ents[i].naliases; j++)
			free(db->ents[i].aliases[j]);
		free(db->ents[i].aliases);
		free(db->ents[i].name);
	}
	free(db->ents);
	for (i = 0; i < db->nbuckets; i++)
		free(db->buckets[i].v);
	free(db->buckets);
	entity_map_free(&db->first);
	entity_map_free(&db->ignore);
	entity_map_free(&db->words);
	entity_map_free(&db->cjk);
	entity_map_free(&db->names);
	free(db);
}
