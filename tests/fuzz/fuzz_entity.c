/* Fuzz target: entity extraction.  Whatever the bytes (one paragraph a
 * line), every span lies inside its paragraph, every entity has a name and
 * a mention, and no name is reported twice under one type. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "inkstone/entity.h"
#include "inkstone/util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct entity_db *db;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char		*p[64], *s = (const char *)data, *e;
	size_t			 l[64], n = 0, i, j;
	struct entity_set	*set;
	char			*cause = NULL;

	if (db == NULL && (db = entity_db_load("data/entities.yaml", NULL,
	    &cause)) == NULL)
		abort();
	while (n < 64 && s < (const char *)data + size) {
		e = memchr(s, '\n', (size_t)((const char *)data + size - s));
		if (e == NULL)
			e = (const char *)data + size;
		p[n] = s;
		l[n++] = (size_t)(e - s);
		s = e + 1;
	}
	set = entity_extract(db, p, l, n);
	for (i = 0; i < set->n; i++) {
		const struct entity *en = &set->v[i];

		if (en->name[0] == '\0' || en->nspans == 0 ||
		    en->type >= ENTITY_NTYPES)
			abort();
		for (j = 0; j < en->nspans; j++)
			if (en->spans[j].para >= n ||
			    en->spans[j].start >= en->spans[j].end ||
			    en->spans[j].end > l[en->spans[j].para])
				abort();
		for (j = i + 1; j < set->n; j++)
			if (set->v[j].type == en->type &&
			    strcmp(set->v[j].name, en->name) == 0)
				abort();
	}
	entity_set_free(set);
	return 0;
}
