/* Fuzz target: entity_extract with the shipped gazetteer.  The input,
 * repaired to valid UTF-8 (the function's only precondition), is split into
 * paragraphs at line feeds; each paragraph is copied into a buffer of its
 * exact size and not NUL-terminated, so that a read past lens[i] is caught.
 * Every mention must lie inside its paragraph, on character boundaries, in
 * text order, no name may be reported twice under one type, and the set
 * must be sorted as entity.h says. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "inkstone/entity.h"
#include "inkstone/text.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct entity_db	*db;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char	*cause;

	(void)argc;
	(void)argv;
	/* Run from the top of the tree, as make fuzz does. */
	if ((db = entity_db_load("data/entities.yaml", NULL, &cause)) == NULL) {
		fprintf(stderr, "fuzz_entity: %s\n", cause);
		exit(1);
	}
	return 0;
}

static int
on_boundary(const char *p, size_t len, size_t off)
{
	return off == len || ((unsigned char)p[off] & 0xC0) != 0x80;
}

static int
utf8_ok(const char *s)
{
	return *s != '\0' && text_valid(s, strlen(s), NULL);
}

static void
check_entity(const struct entity *e, char **paras, const size_t *lens,
    size_t npara)
{
	const struct entity_span	*sp;
	size_t				 i;

	if (e->name == NULL || !utf8_ok(e->name))
		abort();
	if ((unsigned)e->type >= ENTITY_NTYPES)
		abort();
	if (e->nspans == 0 || e->spans == NULL)
		abort();
	for (i = 0; i < e->naliases; i++)
		if (e->aliases[i] == NULL || !utf8_ok(e->aliases[i]))
			abort();
	for (i = 0; i < e->nspans; i++) {
		sp = &e->spans[i];
		if (sp->para >= npara || sp->start >= sp->end ||
		    sp->end > lens[sp->para])
			abort();
		if (!on_boundary(paras[sp->para], lens[sp->para], sp->start) ||
		    !on_boundary(paras[sp->para], lens[sp->para], sp->end))
			abort();
		if (i > 0 && (sp->para < sp[-1].para ||
		    (sp->para == sp[-1].para && sp->start < sp[-1].start)))
			abort();
	}
}

/* Sorted by type, then mentions (most first), then name. */
static int
in_order(const struct entity *a, const struct entity *b)
{
	if (a->type != b->type)
		return a->type < b->type;
	if (a->nspans != b->nspans)
		return a->nspans > b->nspans;
	return strcmp(a->name, b->name) <= 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct entity_set	 *set;
	char			 *text, **paras;
	const char		**cparas;
	size_t			 *lens, len, npara, i, j, start;

	text = text_repair((const char *)data, size, &len);
	paras = calloc(len + 1, sizeof *paras);
	cparas = calloc(len + 1, sizeof *cparas);
	lens = calloc(len + 1, sizeof *lens);
	if (paras == NULL || cparas == NULL || lens == NULL)
		abort();
	for (npara = 0, start = i = 0; i <= len; i++) {
		if (i < len && text[i] != '\n')
			continue;
		lens[npara] = i - start;
		/* malloc(0) may return NULL. */
		if ((paras[npara] = malloc(lens[npara] ? lens[npara] : 1)) ==
		    NULL)
			abort();
		memcpy(paras[npara], text + start, lens[npara]);
		cparas[npara] = paras[npara];
		npara++;
		start = i + 1;
	}

	set = entity_extract(db, cparas, lens, npara);
	if (set == NULL || (set->n > 0 && set->v == NULL))
		abort();
	for (i = 0; i < set->n; i++) {
		check_entity(&set->v[i], paras, lens, npara);
		if (i > 0 && !in_order(&set->v[i - 1], &set->v[i]))
			abort();
		if (entity_set_find(set, set->v[i].name) == NULL)
			abort();
		for (j = i + 1; j < set->n; j++)
			if (set->v[j].type == set->v[i].type &&
			    strcmp(set->v[j].name, set->v[i].name) == 0)
				abort();
	}
	entity_set_free(set);

	for (i = 0; i < npara; i++)
		free(paras[i]);
	free(paras);
	free(cparas);
	free(lens);
	free(text);
	return 0;
}
