/* libindex: the library index cache file: loading and reading it.  The
 * format is in libindex_int.h; libindex_write.c builds it. */
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
#include "libindex_int.h"

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

uint64_t
libindex_sum_list(const char *map, const struct hdr *h)
{
	return checksum3(map, h->off_articles, h->off_entities, h->off_tags,
	    h->off_aliases, h->off_strings, h->total);
}

uint64_t
libindex_sum_ents(const char *map, const struct hdr *h)
{
	return checksum3(map, h->off_entities, h->off_ments, h->off_ments,
	    h->off_tags, h->off_aliases, h->off_strings);
}

uint64_t
libindex_str_hash(const char *s, uint32_t salt)
{
	uint64_t h = 0xcbf29ce484222325ull ^ salt;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ull;
	return h;
}

uint64_t
libindex_entities(const struct libindex *ix)
{
	return ix->h->entities_fp;
}

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

	if (libindex_sum_ents(ix->map, h) != h->sum_ents)
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
struct libindex *
libindex_over(const char *data, size_t len, int mapped)
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
	ix = libindex_over(map, (size_t)st.st_size, 1);
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
	if (!valid(ix) || libindex_sum_list(ix->map, ix->h) != ix->h->sum_list ||
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
	    (unsigned long long)libindex_str_hash(abs != NULL ? abs : root, 0));
	p = util_path_join(cache_dir, name);
	free(abs);
	return p;
}
