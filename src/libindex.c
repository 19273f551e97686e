/* libindex: the library index cache file. */
#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <stdio.h>
#include <unistd.h>

#include "inkstone/libindex.h"
#include "inkstone/util.h"

/*
 * The file is its own in-memory form: a header, then arrays of fixed-size
 * records, then one block of NUL-terminated strings that the records name
 * by offset.  Loading is a mmap, a checksum and a bounds check of every
 * offset, with no parsing and no allocation per article.  Native byte
 * order: the cache never leaves the machine (the endian mark refuses a
 * foreign file).
 *
 * Two checksums: one over what the list needs (articles, tags, strings),
 * checked at load, and one over the entities and mentions (three quarters
 * of the file), checked the first time they are asked for.  A start that
 * only lists never brings the mentions into memory: 100,000 articles
 * hold 4 million of them, 32 MB.  If they turn out damaged, the index
 * has no entities and says so (libindex_entities_bad), and the next
 * refresh rebuilds it.
 */
#define MAGIC		"INKIDX01"
#define ENDIAN_MARK	0x01020304u
#define VERSION		3u	/* 3: two checksums, the entities' fingerprint */

struct hdr {
	char		magic[8];
	uint32_t	endian;
	uint32_t	version;
	uint64_t	total;		/* file size */
	uint64_t	sum_list;	/* of articles, tags and strings */
	uint64_t	sum_ents;	/* of entities, mentions and aliases */
	uint32_t	narticles;
	uint32_t	nentities;
	uint32_t	nments;
	uint32_t	ntags;
	uint32_t	naliases;
	uint32_t	root;		/* string offset */
	uint64_t	off_articles;
	uint64_t	off_entities;
	uint64_t	off_ments;
	uint64_t	off_tags;
	uint64_t	off_aliases;
	uint64_t	off_strings;
	uint64_t	len_strings;
	uint64_t	entities_fp;	/* entity_db_fingerprint, 0: unknown */
};

#define F_FAILED	1u
#define F_DERIVED	2u
#define NO_ERROR	UINT32_MAX

struct rec {
	uint32_t	rel, title, source, date, error;
	uint32_t	flags;
	uint64_t	size;
	int64_t		mtime_ns;
	uint64_t	hash;
	uint32_t	tag_first, ntags;
	uint32_t	ment_first, nments;
};

struct ent {
	uint32_t	name;
	uint32_t	type;
	uint32_t	alias_first, naliases;
	uint32_t	narticles;
	uint32_t	pad;
	uint64_t	nmentions;
};

struct ment {
	uint32_t	entity;
	uint32_t	count;
};

struct libindex {
	int			 mapped; /* map is mmap'd, else malloc'd */
	const char		*map;
	size_t			 maplen;
	const struct hdr	*h;
	const struct rec	*recs;
	const struct ent	*ents;
	const struct ment	*ments;
	const uint32_t		*tags;
	const uint32_t		*aliases;
	const char		*str;
	atomic_int		 ents_state; /* 0: unchecked, 1: good, -1: bad */
};

/* A 64-bit checksum over whole words in four lanes: fast enough to check
 * tens of megabytes at every start, and any damage changes it. */
static uint64_t
checksum(const char *p, size_t len)
{
	const uint64_t	k = 0x9E3779B97F4A7C15ull;
	uint64_t	h[4] = { 1, 2, 3, 4 }, w;
	size_t		i = 0, j;

	for (; i + 32 <= len; i += 32)
		for (j = 0; j < 4; j++) {
			memcpy(&w, p + i + j * 8, 8);
			h[j] = (h[j] ^ w) * k;
			h[j] ^= h[j] >> 29;
		}
	for (; i < len; i++)
		h[0] = (h[0] ^ (unsigned char)p[i]) * k;
	return h[0] ^ (h[1] * 3) ^ (h[2] * 5) ^ (h[3] * 7) ^ len;
}

/* The checksum of three ranges of the file, as one. */
static uint64_t
checksum3(const char *map, uint64_t o1, uint64_t e1, uint64_t o2,
    uint64_t e2, uint64_t o3, uint64_t e3)
{
	return checksum(map + o1, e1 - o1) * 3 ^
	    checksum(map + o2, e2 - o2) * 5 ^ checksum(map + o3, e3 - o3) * 7;
}

static uint64_t
sum_list(const char *map, const struct hdr *h)
{
	return checksum3(map, h->off_articles, h->off_entities, h->off_tags,
	    h->off_aliases, h->off_strings, h->total);
}

static uint64_t
sum_ents(const char *map, const struct hdr *h)
{
	return checksum3(map, h->off_entities, h->off_ments, h->off_ments,
	    h->off_tags, h->off_aliases, h->off_strings);
}

/* ---- writing ---- */

struct strtab {
	struct buf	 data;
	uint32_t	*slot;		/* open addressing: offset + 1, 0 empty */
	size_t		 nslot;
	size_t		 used;
};

struct wart {
	struct rec	 r;
	uint32_t	*tags;
	struct ment	*ments;
};

struct went {
	uint32_t	 name;
	uint32_t	 type;
	uint32_t	*aliases;
	size_t		 naliases;
	uint32_t	 narticles;
	uint64_t	 nmentions;
};

struct libindex_writer {
	struct strtab	 st;
	uint32_t	 root;
	struct wart	*arts;
	size_t		 narts, capart;
	struct went	*ents;
	size_t		 nents, capent;
	/* libindex_writer_add_from: the writer's id of each entity of the
	 * index it copies from (UINT32_MAX: not yet met), so that copying
	 * 100,000 articles looks each entity up once, not per mention. */
	const struct libindex	*from;
	uint32_t		*from_id;
	uint32_t	*entslot;	/* (type, name) -> entity + 1 */
	size_t		 nentslot;
	size_t		 nments, ntags, naliases;
	uint64_t	 entities_fp;
};

static uint64_t
str_hash(const char *s, uint32_t salt)
{
	uint64_t h = 0xcbf29ce484222325ull ^ salt;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ull;
	return h;
}

static void
strtab_rehash(struct strtab *t)
{
	size_t		 n = t->nslot ? t->nslot * 2 : 1024, i, j;
	uint32_t	*slot = xcalloc(n, sizeof *slot);

	for (i = 0; i < t->nslot; i++) {
		if (t->slot[i] == 0)
			continue;
		j = str_hash(t->data.data + t->slot[i] - 1, 0) & (n - 1);
		while (slot[j] != 0)
			j = (j + 1) & (n - 1);
		slot[j] = t->slot[i];
	}
	free(t->slot);
	t->slot = slot;
	t->nslot = n;
}

/* The offset of s in the string block, adding it once. */
static uint32_t
strtab_add(struct strtab *t, const char *s)
{
	size_t		j;
	uint32_t	off;

	if (s == NULL || *s == '\0')
		return 0;
	if ((t->used + 1) * 2 > t->nslot)
		strtab_rehash(t);
	j = str_hash(s, 0) & (t->nslot - 1);
	while (t->slot[j] != 0) {
		if (strcmp(t->data.data + t->slot[j] - 1, s) == 0)
			return t->slot[j] - 1;
		j = (j + 1) & (t->nslot - 1);
	}
	off = (uint32_t)t->data.len;
	buf_add(&t->data, s, strlen(s) + 1);
	t->slot[j] = off + 1;
	t->used++;
	return off;
}

struct libindex_writer *
libindex_writer_new(const char *root)
{
	struct libindex_writer *w = xcalloc(1, sizeof *w);

	buf_add(&w->st.data, "", 1);	/* offset 0 is "" */
	w->root = strtab_add(&w->st, root);
	return w;
}

static void
entslot_rehash(struct libindex_writer *w)
{
	size_t		 n = w->nentslot ? w->nentslot * 2 : 256, i, j;
	uint32_t	*slot = xcalloc(n, sizeof *slot);
	const struct went *e;

	for (i = 0; i < w->nentslot; i++) {
		if (w->entslot[i] == 0)
			continue;
		e = &w->ents[w->entslot[i] - 1];
		j = str_hash(w->st.data.data + e->name, e->type) & (n - 1);
		while (slot[j] != 0)
			j = (j + 1) & (n - 1);
		slot[j] = w->entslot[i];
	}
	free(w->entslot);
	w->entslot = slot;
	w->nentslot = n;
}

static uint32_t
entity_id(struct libindex_writer *w, const struct entity *e)
{
	uint32_t	 name = strtab_add(&w->st, e->name);
	struct went	*we;
	size_t		 j;

	if ((w->nents + 1) * 2 > w->nentslot)
		entslot_rehash(w);
	j = str_hash(e->name, e->type) & (w->nentslot - 1);
	while (w->entslot[j] != 0) {
		we = &w->ents[w->entslot[j] - 1];
		if (we->name == name && we->type == (uint32_t)e->type)
			return w->entslot[j] - 1;
		j = (j + 1) & (w->nentslot - 1);
	}
	if (w->nents == w->capent) {
		w->capent = w->capent ? w->capent * 2 : 64;
		w->ents = xreallocarray(w->ents, w->capent, sizeof *w->ents);
	}
	we = &w->ents[w->nents];
	memset(we, 0, sizeof *we);
	we->name = name;
	we->type = (uint32_t)e->type;
	w->entslot[j] = (uint32_t)++w->nents;
	return (uint32_t)(w->nents - 1);
}

static void
add_aliases(struct libindex_writer *w, struct went *we, const struct entity *e)
{
	size_t		i, k;
	uint32_t	a;

	for (i = 0; i < e->naliases; i++) {
		a = strtab_add(&w->st, e->aliases[i]);
		for (k = 0; k < we->naliases && we->aliases[k] != a; k++)
			;
		if (k < we->naliases || a == we->name)
			continue;
		we->aliases = xreallocarray(we->aliases, we->naliases + 1,
		    sizeof *we->aliases);
		we->aliases[we->naliases++] = a;
		w->naliases++;
	}
}

void
libindex_writer_add(struct libindex_writer *w, const struct libindex_article *a,
    const struct entity_set *set)
{
	struct wart	*wa;
	size_t		 i;
	uint32_t	 id;

	if (w->narts == w->capart) {
		w->capart = w->capart ? w->capart * 2 : 256;
		w->arts = xreallocarray(w->arts, w->capart, sizeof *w->arts);
	}
	wa = &w->arts[w->narts++];
	memset(wa, 0, sizeof *wa);
	wa->r.rel = strtab_add(&w->st, a->rel);
	wa->r.title = strtab_add(&w->st, a->title);
	wa->r.source = strtab_add(&w->st, a->source);
	wa->r.date = strtab_add(&w->st, a->date_iso);
	wa->r.error = a->error != NULL ? strtab_add(&w->st, a->error) :
	    NO_ERROR;
	wa->r.flags = (a->failed ? F_FAILED : 0) |
	    (a->title_derived ? F_DERIVED : 0);
	wa->r.size = a->size;
	wa->r.mtime_ns = a->mtime_ns;
	wa->r.hash = a->hash;
	wa->r.ntags = (uint32_t)a->ntags;
	wa->tags = xcalloc(a->ntags + 1, sizeof *wa->tags);
	for (i = 0; i < a->ntags; i++)
		wa->tags[i] = strtab_add(&w->st, a->tags[i]);
	w->ntags += a->ntags;
	if (set == NULL)
		return;
	wa->r.nments = (uint32_t)set->n;
	wa->ments = xcalloc(set->n + 1, sizeof *wa->ments);
	for (i = 0; i < set->n; i++) {
		id = entity_id(w, &set->v[i]);
		add_aliases(w, &w->ents[id], &set->v[i]);
		w->ents[id].narticles++;
		w->ents[id].nmentions += set->v[i].nspans;
		wa->ments[i].entity = id;
		wa->ments[i].count = (uint32_t)set->v[i].nspans;
	}
	w->nments += set->n;
}

/* The entity (type, name) of the writer, made if new, with aliases. */
static uint32_t
entity_id_of(struct libindex_writer *w, const char *name,
    enum entity_type type, const char *const *aliases, size_t naliases)
{
	struct entity	e;
	uint32_t	id;

	memset(&e, 0, sizeof e);
	e.name = (char *)(uintptr_t)name;
	e.type = type;
	e.aliases = (char **)(uintptr_t)aliases;
	e.naliases = naliases;
	id = entity_id(w, &e);
	add_aliases(w, &w->ents[id], &e);
	return id;
}

void
libindex_writer_add_from(struct libindex_writer *w, const struct libindex *ix,
    size_t i)
{
	struct libindex_article	  a;
	struct libindex_entity	  le;
	const char		**tags, **al;
	struct wart		 *wa;
	size_t			  k, j, e, count, na;
	uint32_t		  id;

	libindex_get(ix, i, &a);
	tags = xcalloc(a.ntags + 1, sizeof *tags);
	for (k = 0; k < a.ntags; k++)
		tags[k] = libindex_tag(ix, i, k);
	a.tags = tags;
	libindex_writer_add(w, &a, NULL);
	free(tags);
	wa = &w->arts[w->narts - 1];
	wa->r.nments = (uint32_t)libindex_article_nentities(ix, i);
	wa->ments = xcalloc(wa->r.nments + 1, sizeof *wa->ments);
	if (w->from != ix) {
		free(w->from_id);
		w->from = ix;
		na = libindex_entity_count(ix);
		w->from_id = xcalloc(na + 1, sizeof *w->from_id);
		memset(w->from_id, 0xff, (na + 1) * sizeof *w->from_id);
	}
	for (k = 0; k < wa->r.nments; k++) {
		libindex_article_entity(ix, i, k, &e, &count);
		if ((id = w->from_id[e]) == UINT32_MAX) {
			libindex_entity(ix, e, &le);
			na = libindex_entity_naliases(ix, e);
			al = xcalloc(na + 1, sizeof *al);
			for (j = 0; j < na; j++)
				al[j] = libindex_entity_alias(ix, e, j);
			id = w->from_id[e] = entity_id_of(w, le.name, le.type,
			    al, na);
			free(al);
		}
		w->ents[id].narticles++;
		w->ents[id].nmentions += count;
		wa->ments[k].entity = id;
		wa->ments[k].count = (uint32_t)count;
	}
	w->nments += wa->r.nments;
}

static const char *sort_str;	/* qsort has no context argument */

static int
cmp_art(const void *a, const void *b)
{
	const struct wart *x = a, *y = b;

	return strcmp(sort_str + x->r.rel, sort_str + y->r.rel);
}

static const struct went *sort_ents;

static int
cmp_ent(const void *a, const void *b)
{
	const struct went *x = &sort_ents[*(const uint32_t *)a];
	const struct went *y = &sort_ents[*(const uint32_t *)b];

	if (x->type != y->type)
		return x->type < y->type ? -1 : 1;
	if (x->narticles != y->narticles)
		return x->narticles > y->narticles ? -1 : 1;
	return strcmp(sort_str + x->name, sort_str + y->name);
}

static struct libindex *over(const char *data, size_t len, int mapped);

struct libindex *
libindex_writer_finish(struct libindex_writer *w)
{
	struct hdr	 h;
	struct buf	 out = { 0 };
	uint32_t	*order, *newid, n, t;
	size_t		 i, k, len;

	/* Offsets are 32 bits: past that, no index (the caller reads the
	 * files instead; a library of 4 GB of titles is not expected). */
	if (w->narts > UINT32_MAX / 2 || w->st.data.len > UINT32_MAX - 1 ||
	    w->nments > UINT32_MAX / 2)
		return NULL;
	sort_str = w->st.data.data;
	if (w->narts > 1)
		qsort(w->arts, w->narts, sizeof *w->arts, cmp_art);
	/* Entities in listing order; mentions renumbered to match. */
	order = xcalloc(w->nents + 1, sizeof *order);
	newid = xcalloc(w->nents + 1, sizeof *newid);
	for (i = 0; i < w->nents; i++)
		order[i] = (uint32_t)i;
	sort_ents = w->ents;
	qsort(order, w->nents, sizeof *order, cmp_ent);
	for (i = 0; i < w->nents; i++)
		newid[order[i]] = (uint32_t)i;

	memset(&h, 0, sizeof h);
	memcpy(h.magic, MAGIC, 8);
	h.endian = ENDIAN_MARK;
	h.version = VERSION;
	h.narticles = (uint32_t)w->narts;
	h.nentities = (uint32_t)w->nents;
	h.nments = (uint32_t)w->nments;
	h.ntags = (uint32_t)w->ntags;
	h.naliases = (uint32_t)w->naliases;
	h.root = w->root;
	h.entities_fp = w->entities_fp;
	buf_add(&out, &h, sizeof h);

	h.off_articles = out.len;
	for (i = 0, n = 0, t = 0; i < w->narts; i++) {
		struct rec rec = w->arts[i].r;
		rec.tag_first = t;
		rec.ment_first = n;
		t += rec.ntags;
		n += rec.nments;
		buf_add(&out, &rec, sizeof rec);
	}
	h.off_entities = out.len;
	for (i = 0, n = 0; i < w->nents; i++) {
		const struct went *we = &w->ents[order[i]];
		struct ent e = { we->name, we->type, n, (uint32_t)we->naliases,
		    we->narticles, 0, we->nmentions };
		n += (uint32_t)we->naliases;
		buf_add(&out, &e, sizeof e);
	}
	h.off_ments = out.len;
	for (i = 0; i < w->narts; i++)
		for (k = 0; k < w->arts[i].r.nments; k++) {
			struct ment m = w->arts[i].ments[k];
			m.entity = newid[m.entity];
			buf_add(&out, &m, sizeof m);
		}
	h.off_tags = out.len;
	for (i = 0; i < w->narts; i++)
		buf_add(&out, w->arts[i].tags, w->arts[i].r.ntags * 4);
	h.off_aliases = out.len;
	for (i = 0; i < w->nents; i++)
		buf_add(&out, w->ents[order[i]].aliases,
		    w->ents[order[i]].naliases * 4);
	while (out.len % 8 != 0)
		buf_addc(&out, '\0');
	h.off_strings = out.len;
	h.len_strings = w->st.data.len;
	buf_add(&out, w->st.data.data, w->st.data.len);
	h.total = out.len;
	h.sum_list = sum_list(out.data, &h);
	h.sum_ents = sum_ents(out.data, &h);
	memcpy(out.data, &h, sizeof h);
	free(order);
	free(newid);
	len = out.len;
	return over(buf_take(&out, NULL), len, 0);
}

void
libindex_writer_set_entities(struct libindex_writer *w, uint64_t fp)
{
	w->entities_fp = fp;
}

uint64_t
libindex_entities(const struct libindex *ix)
{
	return ix->h->entities_fp;
}

int
libindex_save(const struct libindex *ix, const char *path, char **cause)
{
	return util_write_atomic(path, ix->map, ix->maplen, cause);
}

void
libindex_writer_free(struct libindex_writer *w)
{
	size_t i;

	if (w == NULL)
		return;
	for (i = 0; i < w->narts; i++) {
		free(w->arts[i].tags);
		free(w->arts[i].ments);
	}
	for (i = 0; i < w->nents; i++)
		free(w->ents[i].aliases);
	free(w->arts);
	free(w->ents);
	free(w->from_id);
	free(w->entslot);
	free(w->st.slot);
	buf_free(&w->st.data);
	free(w);
}

/* ---- reading ---- */

static int
str_ok(const struct libindex *ix, uint32_t off)
{
	return off < ix->h->len_strings;
}

/* Every count and offset checked against the file, so that a damaged
 * index that slips past the checksum still cannot read out of bounds. */
static int
valid(const struct libindex *ix)
{
	const struct hdr	*h = ix->h;
	uint64_t		 need;
	size_t			 i;

	if (h->off_articles != sizeof *h ||
	    h->off_entities != h->off_articles + (uint64_t)h->narticles *
	    sizeof(struct rec) ||
	    h->off_ments != h->off_entities + (uint64_t)h->nentities *
	    sizeof(struct ent) ||
	    h->off_tags != h->off_ments + (uint64_t)h->nments *
	    sizeof(struct ment) ||
	    h->off_aliases != h->off_tags + (uint64_t)h->ntags * 4 ||
	    h->off_strings < h->off_aliases + (uint64_t)h->naliases * 4 ||
	    h->off_strings % 8 != 0 || h->len_strings == 0 ||
	    h->off_strings + h->len_strings != h->total ||
	    ix->str[h->len_strings - 1] != '\0' || !str_ok(ix, h->root))
		return 0;
	for (i = 0; i < h->narticles; i++) {
		const struct rec *r = &ix->recs[i];
		if (!str_ok(ix, r->rel) || !str_ok(ix, r->title) ||
		    !str_ok(ix, r->source) || !str_ok(ix, r->date) ||
		    (r->error != NO_ERROR && !str_ok(ix, r->error)))
			return 0;
		need = (uint64_t)r->tag_first + r->ntags;
		if (need > h->ntags)
			return 0;
		need = (uint64_t)r->ment_first + r->nments;
		if (need > h->nments)
			return 0;
		if (i > 0 && strcmp(ix->str + ix->recs[i - 1].rel,
		    ix->str + r->rel) >= 0)
			return 0;
	}
	for (i = 0; i < h->ntags; i++)
		if (!str_ok(ix, ix->tags[i]))
			return 0;
	return 1;
}

/* The entities, mentions and aliases: their checksum and bounds. */
static int
valid_ents(const struct libindex *ix)
{
	const struct hdr	*h = ix->h;
	size_t			 i;

	if (sum_ents(ix->map, h) != h->sum_ents)
		return 0;
	for (i = 0; i < h->nentities; i++) {
		const struct ent *e = &ix->ents[i];
		if (!str_ok(ix, e->name) || e->type >= ENTITY_NTYPES ||
		    (uint64_t)e->alias_first + e->naliases > h->naliases)
			return 0;
	}
	for (i = 0; i < h->nments; i++)
		if (ix->ments[i].entity >= h->nentities)
			return 0;
	for (i = 0; i < h->naliases; i++)
		if (!str_ok(ix, ix->aliases[i]))
			return 0;
	return 1;
}

/* 1 if the entity part can be used, checking it the first time.  Any
 * thread may ask: two that race only check it twice. */
static int
ents_ok(const struct libindex *ix)
{
	atomic_int	*st = (atomic_int *)(uintptr_t)&ix->ents_state;
	int		 v = atomic_load(st);

	if (v == 0) {
		v = valid_ents(ix) ? 1 : -1;
		atomic_store(st, v);
	}
	return v == 1;
}

int
libindex_entities_bad(const struct libindex *ix)
{
	return atomic_load(&ix->ents_state) == -1;
}

static void
set_arrays(struct libindex *ix)
{
	ix->recs = (const void *)(ix->map + ix->h->off_articles);
	ix->ents = (const void *)(ix->map + ix->h->off_entities);
	ix->ments = (const void *)(ix->map + ix->h->off_ments);
	ix->tags = (const void *)(ix->map + ix->h->off_tags);
	ix->aliases = (const void *)(ix->map + ix->h->off_aliases);
	ix->str = ix->map + ix->h->off_strings;
}

/* An index over data (which it then owns); the arrays are set only once
 * the header is known to be sane. */
static struct libindex *
over(const char *data, size_t len, int mapped)
{
	struct libindex *ix = xcalloc(1, sizeof *ix);

	ix->map = data;
	ix->maplen = len;
	ix->mapped = mapped;
	ix->h = (const void *)data;
	/* Made here, so known good. */
	atomic_init(&ix->ents_state, mapped ? 0 : 1);
	if (!mapped)
		set_arrays(ix);
	return ix;
}

struct libindex *
libindex_load(const char *path, const char *root)
{
	struct libindex	*ix;
	struct stat	 st;
	void		*map;
	int		 fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return NULL;
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode) ||
	    (uintmax_t)st.st_size < sizeof(struct hdr) ||
	    (uintmax_t)st.st_size > SIZE_MAX / 2) {
		close(fd);
		return NULL;
	}
	map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (map == MAP_FAILED)
		return NULL;
	ix = over(map, (size_t)st.st_size, 1);
	if (memcmp(ix->h->magic, MAGIC, 8) != 0 ||
	    ix->h->endian != ENDIAN_MARK || ix->h->version != VERSION ||
	    ix->h->total != ix->maplen || ix->h->off_articles > ix->maplen ||
	    ix->h->off_entities > ix->maplen || ix->h->off_ments > ix->maplen ||
	    ix->h->off_tags > ix->maplen || ix->h->off_aliases > ix->maplen ||
	    ix->h->off_strings > ix->maplen)
		goto bad;
	set_arrays(ix);
	/* valid() sees that the offsets are in order before the checksum
	 * walks the ranges they bound. */
	if (!valid(ix) || sum_list(ix->map, ix->h) != ix->h->sum_list ||
	    strcmp(ix->str + ix->h->root, root) != 0)
		goto bad;
	return ix;
bad:
	libindex_free(ix);
	return NULL;
}

void
libindex_free(struct libindex *ix)
{
	if (ix == NULL)
		return;
	if (ix->mapped)
		munmap((void *)ix->map, ix->maplen);
	else
		free((void *)ix->map);
	free(ix);
}

size_t
libindex_count(const struct libindex *ix)
{
	return ix->h->narticles;
}

void
libindex_get(const struct libindex *ix, size_t i, struct libindex_article *a)
{
	const struct rec *r = &ix->recs[i];

	memset(a, 0, sizeof *a);
	a->rel = ix->str + r->rel;
	a->title = ix->str + r->title;
	a->source = ix->str + r->source;
	a->date_iso = ix->str + r->date;
	a->error = r->error == NO_ERROR ? NULL : ix->str + r->error;
	a->failed = (r->flags & F_FAILED) != 0;
	a->title_derived = (r->flags & F_DERIVED) != 0;
	a->size = r->size;
	a->mtime_ns = r->mtime_ns;
	a->hash = r->hash;
	a->ntags = r->ntags;
}

size_t
libindex_find(const struct libindex *ix, const char *rel)
{
	size_t	lo = 0, hi = ix->h->narticles, mid;
	int	c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = strcmp(ix->str + ix->recs[mid].rel, rel);
		if (c == 0)
			return mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (size_t)-1;
}

const char *
libindex_tag(const struct libindex *ix, size_t i, size_t k)
{
	return ix->str + ix->tags[ix->recs[i].tag_first + k];
}

size_t
libindex_entity_count(const struct libindex *ix)
{
	return ents_ok(ix) ? ix->h->nentities : 0;
}

void
libindex_entity(const struct libindex *ix, size_t e,
    struct libindex_entity *out)
{
	out->name = ix->str + ix->ents[e].name;
	out->type = (enum entity_type)ix->ents[e].type;
	out->narticles = ix->ents[e].narticles;
	out->nmentions = ix->ents[e].nmentions;
}

size_t
libindex_entity_naliases(const struct libindex *ix, size_t e)
{
	return ix->ents[e].naliases;
}

const char *
libindex_entity_alias(const struct libindex *ix, size_t e, size_t k)
{
	return ix->str + ix->aliases[ix->ents[e].alias_first + k];
}

size_t
libindex_entity_find(const struct libindex *ix, const char *name)
{
	size_t e, k, n = libindex_entity_count(ix);

	for (e = 0; e < n; e++) {
		if (strcasecmp(ix->str + ix->ents[e].name, name) == 0)
			return e;
		for (k = 0; k < ix->ents[e].naliases; k++)
			if (strcasecmp(libindex_entity_alias(ix, e, k),
			    name) == 0)
				return e;
	}
	return (size_t)-1;
}

size_t
libindex_article_nentities(const struct libindex *ix, size_t i)
{
	return ents_ok(ix) ? ix->recs[i].nments : 0;
}

void
libindex_article_entity(const struct libindex *ix, size_t i, size_t k,
    size_t *entity, size_t *count)
{
	const struct ment *m = &ix->ments[ix->recs[i].ment_first + k];

	*entity = m->entity;
	*count = m->count;
}

int
libindex_mentions(const struct libindex *ix, size_t i, size_t e)
{
	size_t k, n = libindex_article_nentities(ix, i);

	for (k = 0; k < n; k++)
		if (ix->ments[ix->recs[i].ment_first + k].entity == e)
			return 1;
	return 0;
}

char *
libindex_path(const char *cache_dir, const char *root)
{
	char	*abs = realpath(root, NULL), *p;
	char	 name[64];

	snprintf(name, sizeof name, "index-%016llx.bin",
	    (unsigned long long)str_hash(abs != NULL ? abs : root, 0));
	p = util_path_join(cache_dir, name);
	free(abs);
	return p;
}
