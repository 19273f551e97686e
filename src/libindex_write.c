/* libindex_write: building a library index, in memory, then to its file.
 * The format is in libindex_int.h. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "inkstone/libindex.h"
#include "inkstone/util.h"
#include "libindex_int.h"

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


static void
strtab_rehash(struct strtab *t)
{
	size_t		 n = t->nslot ? t->nslot * 2 : 1024, i, j;
	uint32_t	*slot = xcalloc(n, sizeof *slot);

	for (i = 0; i < t->nslot; i++) {
		if (t->slot[i] == 0)
			continue;
		j = libindex_str_hash(t->data.data + t->slot[i] - 1, 0) & (n - 1);
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
	j = libindex_str_hash(s, 0) & (t->nslot - 1);
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
		j = libindex_str_hash(w->st.data.data + e->name, e->type) & (n - 1);
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
	j = libindex_str_hash(e->name, e->type) & (w->nentslot - 1);
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
	h.sum_list = libindex_sum_list(out.data, &h);
	h.sum_ents = libindex_sum_ents(out.data, &h);
	memcpy(out.data, &h, sizeof h);
	free(order);
	free(newid);
	len = out.len;
	return libindex_over(buf_take(&out, NULL), len, 0);
}

void
libindex_writer_set_entities(struct libindex_writer *w, uint64_t fp)
{
	w->entities_fp = fp;
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
