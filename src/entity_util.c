/* entity_util: what the entity modules share: a hash map of byte
 * strings, UTF-8 steps, CJK tests, and the gazetteer's longest match. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "inkstone/entity.h"
#include "inkstone/util.h"
#include "entity_priv.h"

static uint32_t
hash_bytes(const char *k, size_t len)
{
	uint32_t h = 2166136261u;

	while (len-- > 0)
		h = (h ^ (unsigned char)*k++) * 16777619u;
	return h;
}

static void
entity_map_grow(struct entity_map *m)
{
	struct emap_slot	*old = m->slots;
	size_t			 oldcap = m->cap, i, j;

	m->cap = oldcap ? oldcap * 2 : 64;
	m->slots = xcalloc(m->cap, sizeof *m->slots);
	for (i = 0; i < oldcap; i++) {
		if (old[i].key == NULL)
			continue;
		j = old[i].hash & (m->cap - 1);
		while (m->slots[j].key != NULL)
			j = (j + 1) & (m->cap - 1);
		m->slots[j] = old[i];
	}
	free(old);
}

static struct emap_slot *
emap_slot(const struct entity_map *m, const char *k, size_t len, uint32_t h)
{
	size_t j;

	j = h & (m->cap - 1);
	while (m->slots[j].key != NULL) {
		if (m->slots[j].hash == h && m->slots[j].len == len &&
		    memcmp(m->slots[j].key, k, len) == 0)
			return &m->slots[j];
		j = (j + 1) & (m->cap - 1);
	}
	return &m->slots[j];
}

void
entity_map_put(struct entity_map *m, const char *k, size_t len, int val)
{
	struct emap_slot	*s;
	uint32_t		 h = hash_bytes(k, len);

	if ((m->n + 1) * 2 > m->cap)
		entity_map_grow(m);
	s = emap_slot(m, k, len, h);
	if (s->key == NULL) {
		s->key = xstrndup(k, len);
		s->len = len;
		s->hash = h;
		m->n++;
	}
	s->val = val;
}

int *
entity_map_get(const struct entity_map *m, const char *k, size_t len)
{
	struct emap_slot *s;

	if (m->n == 0)
		return NULL;
	s = emap_slot(m, k, len, hash_bytes(k, len));
	return s->key != NULL ? &s->val : NULL;
}

void
entity_map_free(struct entity_map *m)
{
	size_t i;

	for (i = 0; i < m->cap; i++)
		free(m->slots[i].key);
	free(m->slots);
	memset(m, 0, sizeof *m);
}

size_t
entity_u8len(unsigned char c)
{
	if (c < 0xc0)
		return 1;
	if (c < 0xe0)
		return 2;
	if (c < 0xf0)
		return 3;
	return 4;
}

uint32_t
entity_u8dec(const char *s, size_t len, size_t *n)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 k = entity_u8len(u[0]), i;
	uint32_t		 c;

	if (k > len || u[0] < 0xc0) {
		*n = 1;
		return u[0] < 0x80 ? u[0] : 0xfffd;
	}
	c = u[0] & (0x7f >> k);
	for (i = 1; i < k; i++) {
		if ((u[i] & 0xc0) != 0x80) {
			*n = 1;
			return 0xfffd;
		}
		c = (c << 6) | (u[i] & 0x3f);
	}
	*n = k;
	return c;
}

int
entity_is_cjk(uint32_t c)
{
	return (c >= 0x3040 && c <= 0x30ff) ||	/* kana */
	    (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) ||
	    (c >= 0xac00 && c <= 0xd7af) ||	/* hangul */
	    (c >= 0xf900 && c <= 0xfaff) || (c >= 0x20000 && c <= 0x2fa1f) ||
	    c == 0x3005 || c == 0x30fc;		/* 々 ー */
}

static int
is_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9');
}

size_t
entity_first_unit(const char *s, size_t len)
{
	size_t n = 0;

	if (len == 0)
		return 0;
	if (!is_alnum((unsigned char)s[0])) {
		n = entity_u8len((unsigned char)s[0]);
		return n > len ? len : n;
	}
	while (n < len && is_alnum((unsigned char)s[n]))
		n++;
	return n;
}

size_t
entity_ext_gz_match(const struct entity_db *db, const char *p, size_t len,
    int *ent)
{
	const struct gz_bucket	*b;
	const struct gz_form	*f;
	size_t			 u, i;
	int			*v;

	u = entity_first_unit(p, len);
	if (u == 0 || (v = entity_map_get(&db->first, p, u)) == NULL)
		return 0;
	b = &db->buckets[*v];
	for (i = 0; i < b->n; i++) {
		f = &b->v[i];
		if (f->len > len || memcmp(f->s, p, f->len) != 0)
			continue;
		/* An ASCII form must end on a word boundary ("Intel" is not
		 * in "Intelligence"); CJK has no spaces to wait for. */
		if (f->len < len && is_alnum((unsigned char)p[f->len]) &&
		    is_alnum((unsigned char)f->s[f->len - 1]))
			continue;
		*ent = f->ent;
		return f->len;
	}
	return 0;
}
