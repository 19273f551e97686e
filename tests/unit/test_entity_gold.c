/* Quality of entity extraction on the annotated articles in
 * tests/fixtures/entities: each NAME.txt has a NAME.gold.yaml beside it (the
 * gazetteer's format: name, type, aliases as written in the text).  Prints
 * precision and recall per type and the share of English+CJK pairs linked,
 * and fails below the targets (0.85 for PERSON, ORG and PLACE on the
 * English articles; every pair written in one article linked). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "inkstone/entity.h"
#include "inkstone/util.h"
#include "../../src/entity_priv.h"

#define DIR_GOLD	"tests/fixtures/entities"

struct score {
	size_t	 tp[ENTITY_NTYPES];	/* gold entities found */
	size_t	 ngold[ENTITY_NTYPES];
	size_t	 good[ENTITY_NTYPES];	/* extracted entities that are right */
	size_t	 nout[ENTITY_NTYPES];
	size_t	 pairs, linked;		/* English+CJK, both in the text */
	size_t	 xpairs, xlinked;	/* CJK in the text, English not */
};

static int
has_cjk(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s >= 0xe3)
			return 1;
	return 0;
}

static int
ent_has(const struct entity *e, const char *s)
{
	size_t i;

	if (strcmp(e->name, s) == 0)
		return 1;
	for (i = 0; i < e->naliases; i++)
		if (strcmp(e->aliases[i], s) == 0)
			return 1;
	return 0;
}

static int
gold_has(const struct gz_entity *g, const char *s)
{
	size_t i;

	if (strcmp(g->name, s) == 0)
		return 1;
	for (i = 0; i < g->naliases; i++)
		if (strcmp(g->aliases[i], s) == 0)
			return 1;
	return 0;
}

/* An extracted entity and a gold one match when they share a form. */
static int
matches(const struct entity *e, const struct gz_entity *g)
{
	size_t i;

	if (gold_has(g, e->name))
		return 1;
	for (i = 0; i < e->naliases; i++)
		if (gold_has(g, e->aliases[i]))
			return 1;
	return 0;
}

static void
score_file(const struct entity_db *db, const char *txt, const char *gold,
    struct score *sc, int verbose)
{
	struct entity_db	*g;
	struct entity_set	*set;
	char			*buf, *cause = NULL, *s, *e;
	const char		**paras = NULL;
	size_t			*lens = NULL, n = 0, len, i, j, k;
	int			*used;

	buf = util_read_file(txt, 0, &len, &cause);
	assert_non_null(buf);
	g = entity_db_load(gold, NULL, &cause);
	if (g == NULL)
		fail_msg("%s", cause);
	for (s = buf; *s != '\0'; s = *e ? e + 1 : e) {
		e = strchr(s, '\n');
		if (e == NULL)
			e = s + strlen(s);
		if (e == s)
			continue;
		paras = xreallocarray(paras, n + 1, sizeof *paras);
		lens = xreallocarray(lens, n + 1, sizeof *lens);
		paras[n] = s;
		lens[n++] = (size_t)(e - s);
	}
	set = entity_extract(db, paras, lens, n);
	used = xcalloc(set->n + 1, sizeof *used);
	for (i = 0; i < g->nents; i++) {
		const struct gz_entity *ge = &g->ents[i];
		int found = 0;

		sc->ngold[ge->type]++;
		for (j = 0; j < set->n && !found; j++)
			if (!used[j] && set->v[j].type == ge->type &&
			    matches(&set->v[j], ge)) {
				used[j] = 1;
				found = 1;
				sc->tp[ge->type]++;
			}
		if (!found && verbose)
			printf("  missed %s %s\n", entity_type_name(ge->type),
			    ge->name);
		/* Linking: the English name and each CJK alias. */
		for (k = 0; k < ge->naliases; k++) {
			const struct entity *x;
			int both;

			if (!has_cjk(ge->aliases[k]))
				continue;
			both = strstr(buf, ge->name) != NULL;
			x = entity_set_find(set, ge->aliases[k]);
			if (both) {
				sc->pairs++;
				sc->linked += x != NULL && ent_has(x, ge->name);
			} else {
				sc->xpairs++;
				sc->xlinked += x != NULL &&
				    ent_has(x, ge->name);
			}
			if (verbose && (x == NULL || !ent_has(x, ge->name)))
				printf("  unlinked %s = %s\n", ge->name,
				    ge->aliases[k]);
		}
	}
	for (j = 0; j < set->n; j++) {
		sc->nout[set->v[j].type]++;
		sc->good[set->v[j].type] += used[j];
		if (!used[j] && verbose)
			printf("  spurious %s %s\n",
			    entity_type_name(set->v[j].type), set->v[j].name);
	}
	free(used);
	entity_set_free(set);
	entity_db_free(g);
	free(paras);
	free(lens);
	free(buf);
}

static double
ratio(size_t a, size_t b)
{
	return b == 0 ? 1.0 : (double)a / (double)b;
}

/* Scores every fixture; english: 1 the English ones, 0 the CJK ones. */
static void
score_all(const struct entity_db *db, int english, struct score *sc,
    int verbose)
{
	DIR		*d;
	struct dirent	*de;
	char		*txt, *gold, *base;
	size_t		 n;

	memset(sc, 0, sizeof *sc);
	d = opendir(DIR_GOLD);
	assert_non_null(d);
	while ((de = readdir(d)) != NULL) {
		n = strlen(de->d_name);
		if (n < 5 || strcmp(de->d_name + n - 4, ".txt") != 0)
			continue;
		if ((strncmp(de->d_name, "zh-", 3) != 0 &&
		    strncmp(de->d_name, "ja-", 3) != 0) != english)
			continue;
		base = xstrndup(de->d_name, n - 4);
		txt = xasprintf("%s/%s.txt", DIR_GOLD, base);
		gold = xasprintf("%s/%s.gold.yaml", DIR_GOLD, base);
		if (verbose)
			printf(" %s\n", base);
		score_file(db, txt, gold, sc, verbose);
		free(base);
		free(txt);
		free(gold);
	}
	closedir(d);
}

static void
report(const char *what, const struct score *sc)
{
	int t;

	printf("%s\n", what);
	for (t = 0; t < ENTITY_NTYPES; t++)
		printf("  %-8s precision %.3f (%zu/%zu)  "
		    "recall %.3f (%zu/%zu)\n",
		    entity_type_name((enum entity_type)t),
		    ratio(sc->good[t], sc->nout[t]), sc->good[t], sc->nout[t],
		    ratio(sc->tp[t], sc->ngold[t]), sc->tp[t], sc->ngold[t]);
	printf("  linked   %.3f (%zu/%zu) in-text pairs, %.3f (%zu/%zu) "
	    "across languages\n", ratio(sc->linked, sc->pairs), sc->linked,
	    sc->pairs, ratio(sc->xlinked, sc->xpairs), sc->xlinked, sc->xpairs);
}

static void
test_gold(void **state)
{
	struct entity_db	*db, *bare;
	struct score		 en, cjk, rules;
	char			*cause = NULL;
	int			 t, verbose;

	(void)state;
	verbose = getenv("ENTITY_GOLD_VERBOSE") != NULL;
	db = entity_db_load("data/entities.yaml", NULL, &cause);
	if (db == NULL)
		fail_msg("%s", cause);
	bare = entity_db_load(NULL, NULL, &cause);
	score_all(db, 1, &en, verbose);
	score_all(db, 0, &cjk, verbose);
	score_all(bare, 1, &rules, 0);
	report("entity gold set, English articles:", &en);
	report("entity gold set, CJK articles:", &cjk);
	report("entity gold set, English articles, rules alone (no "
	    "gazetteer):", &rules);
	for (t = ENTITY_PERSON; t <= ENTITY_PLACE; t++) {
		assert_true(ratio(en.good[t], en.nout[t]) >= 0.85);
		assert_true(ratio(en.tp[t], en.ngold[t]) >= 0.85);
	}
	assert_int_equal(en.linked, en.pairs);
	assert_true(en.pairs >= 5);
	entity_db_free(db);
	entity_db_free(bare);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_gold),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
